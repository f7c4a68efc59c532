"""The model cards (README.md) written beside a trained model: a one-task model (`write_model_card`) and a
joint tone+stance model (`write_joint_card`). The cards are the templates `stance/train/cards/*.md`
(`string.Template`, `$name` fields); this module works out the fields."""

from __future__ import annotations

import json
import platform
from dataclasses import asdict
from datetime import date
from pathlib import Path
from string import Template
from typing import Any

from stance.classifier.model import BASE_ALIASES, adapter_base, resolve_model
from stance.schema import TASKS
from stance.train.config import (
    LICENCES,
    DataSource,
    TrainConfig,
    shares_given,
)
from stance.version import __version__

CARDS = Path(__file__).resolve().parent / "cards"


def render(card: str, **fields: Any) -> str:
    """A card template (`cards/<card>.md`) with its `$name` fields filled; a field left out is an error."""
    return Template((CARDS / f"{card}.md").read_text(encoding="utf-8")).substitute(fields)


def _sources(config) -> str:
    lines = []
    for s in config.data:
        extra = [f"x{s.repeat}" if s.repeat > 1 else "", f"{s.sample} drawn" if s.sample else "",
                 "articles split for dev" if s.split else "", "read with cues" if s.options.get("cue") else ""]
        extra = ", ".join(x for x in extra if x)
        lines.append(f"- `{s.kind}` `{s.path}`{f' ({extra})' if extra else ''}{': ' + s.licence if s.licence else ''}")
    return "\n".join(lines)


def _dev_table(dev: dict[str, Any]) -> str:
    lines = []
    for task, figures in dev.items():
        if not figures:
            continue
        per_class = ", ".join(f"{label} F1 {row['f1-score']:.3f} (n={int(row['support'])})"
                              for label, row in figures["per_class"].items())
        lines.append(f"| {task} | {figures['accuracy']:.3f} | {figures['macro_f1']:.3f} | {per_class} |")
    if not lines:
        return "No dev set."
    return "| task | accuracy | macro-F1 | per class |\n|---|---|---|---|\n" + "\n".join(lines)


def _calibration_table(calibration: dict[str, Any]) -> str:
    if not calibration:
        return "Not calibrated (no dev set): probabilities are the softmax of the logits."
    rows = "\n".join(f"| {task} | {c['temperature']:.3f} | {c['ece_before']:.3f} | {c['ece_after']:.3f} | {c['rows']} |"
                     for task, c in calibration.items())
    return ("Temperature scaling fitted on the dev rows (negative log-likelihood, after the label prior); expected "
            "calibration error over 15 equal-width confidence bins, same rows (fitted on them, so the 'after' "
            "figure is optimistic; `make bench-classifiers` measures it on quotes the model never saw).\n\n"
            "| task | temperature | ECE before | ECE after | dev rows |\n|---|---|---|---|---|\n" + rows)


NO_PRIOR = ("None recorded: predictions are the model's own outputs, which assume the class shares it learnt (equal "
            "shares for a head trained with class weights). `--tone-prior` / `--stance-prior` set other shares.")


def write_joint_card(output: Path, config, metrics: dict[str, Any], command: str | None, base: str,
                     settings: dict[str, Any]) -> None:
    """README.md beside a joint model: `base` is the encoder it was built on, `settings` its recipe's settings."""
    full = config.finetune == "full"
    start = f"Continued from `{config.init_model}` (its encoder, its head as that task's rows)." \
        if config.init_model else "Trained from the base."
    how = ("every encoder weight trained but the embeddings, which stay the base's: the file holds the other "
           "weights in float16 and the base's embeddings are read at load time" if full else
           f"a LoRA adapter (r={config.lora_r}) with the heads trained in full, merged at load time")
    priors = json.loads((output / "config.json").read_text(encoding="utf-8")).get("stance_label_priors") or {}
    prior_note = "\n".join(f"- {task}: predictions assume the shares " +
                           ", ".join(f"{k} {v:.3f}" for k, v in shares.items()) +
                           f" (`--{task}-prior none` gives the model's own outputs)" for task, shares in priors.items())
    card = render(
        "joint", base=base, how=how, start=start, today=date.today().isoformat(), version=__version__,
        seed=config.seed if config.data_seed is None else f"{config.seed} (data seed {config.data_seed})",
        machine=platform.machine(), command=command or "stance.train.multitask.train_joint(config)",
        outputs=", ".join(f"`{task}:{label}`" for task, labels in TASKS.items() for label in labels),
        sources=_sources(config), train_rows=metrics["train_rows"],
        tone_counts=json.dumps(metrics["train_label_counts"]["tone"]),
        stance_counts=json.dumps(metrics["train_label_counts"]["stance"]), dev_rows=metrics["dev_rows"],
        dev_articles=metrics["dev_articles"], best_step=metrics["best_step"], dev_table=_dev_table(metrics["dev"]),
        calibration=_calibration_table(metrics["calibration"]), prior=prior_note or NO_PRIOR,
        settings=json.dumps(settings, indent=2, default=list))
    (output / "README.md").write_text(card, encoding="utf-8")


# --- a one-task model ----------------------------------------------------------------------------


def _prior_note(config: TrainConfig, target: dict[str, float] | None) -> str:
    if not target:
        return ""
    source = "" if shares_given(config.prior) else f" (the shares of `{config.prior}`)"
    learnt = "equal shares (class weights)" if config.class_weights else "its training rows' shares"
    shares = ", ".join(f"{label} {share:.3f}" for label, share in target.items())
    return (f"\nLabel prior: predictions assume the class shares {shares}{source}; the model learnt {learnt}. "
            f"`--{config.task}-prior none` gives its own outputs (stance/classifier/prior.py).\n")


def _interpolation_note(config: TrainConfig, first_stage: TrainConfig | None) -> str:
    if config.interpolation >= 1:
        return ""
    earlier = "stage 1's" if first_stage is not None else f"those of `{config.init_model}`"
    return (f"\nSaved weights: {config.interpolation:g} × the trained weights + {1 - config.interpolation:g} × "
            f"{earlier} (weight-space interpolation, WiSE-FT: Wortsman et al., CVPR 2022).\n")


def _listing(items: tuple[DataSource, ...]) -> str:
    return "\n".join(f"- `{s.kind}` `{s.path}`{' ' + json.dumps(s.options) if s.options else ''}"
                     f"{f' (x{s.repeat})' if s.repeat > 1 else ''}: {s.licence or LICENCES.get(s.kind, '')}"
                     for s in items)


def _data_section(config: TrainConfig, metrics: dict[str, Any]) -> str:
    sources = _listing(config.data)
    if config.dev:
        sources += "\n\nModel selection (dev, not trained on):\n" + _listing(config.dev)
    elif config.dev_fraction > 0:
        sources += f"\n\nModel selection: a stratified {config.dev_fraction:.0%} of the rows above, held out."
    else:
        sources += f"\n\nNo dev set: a fixed {config.epochs:g} epochs on every row above."
    sources += (f"\n\nTrain rows: {metrics['train_rows']} ({json.dumps(metrics['train_label_counts'])}); "
                f"dev rows: {metrics['dev_rows']}.")
    dev = metrics["dev"]
    if dev:
        per_class = "\n".join(f"| {label} | {row['precision']:.3f} | {row['recall']:.3f} | {row['f1-score']:.3f} | "
                              f"{int(row['support'])} |" for label, row in dev["per_class"].items())
        sources += f"""

Dev metrics: accuracy {dev['accuracy']:.3f}, macro-F1 {dev['macro_f1']:.3f} {_averaged_over(dev)} (epochs run: \
{metrics['epochs_run']})

| label | precision | recall | F1 | support |
|---|---|---|---|---|
{per_class}"""
    return sources


def _averaged_over(dev: dict[str, Any]) -> str:
    """Which classes a dev macro-F1 averages: those in the dev rows, the absent ones named."""
    present = [label for label, row in dev["per_class"].items() if row["support"] > 0]
    absent = [label for label, row in dev["per_class"].items() if row["support"] == 0]
    if not absent:
        return f"over its {len(present)} classes"
    return f"over the {len(present)} classes in the dev rows ({', '.join(absent)}: none in the dev rows)"


def _card_base(config: TrainConfig) -> tuple[str, bool]:
    """The encoder a model was built on, and whether it is the base of an adapter it continued: the base
    model, or with `init_model` the base named in its adapter (else the init model itself)."""
    if not config.init_model:
        return config.base_model, False
    base = adapter_base(resolve_model(config.init_model, config.task))
    return (base, True) if base else (config.init_model, False)


def _provenance(config: TrainConfig, first_stage: TrainConfig | None, command: str | None) -> str:
    """The card's lines on what the model was built from and how to build it again."""
    start = first_stage or config
    base, adapter_base = _card_base(start)
    if start.init_model:
        shipped = f" (the shipped {start.task} model, stance {__version__})" if start.init_model == "default" else ""
        lines = [f"Base: `{base}`." if adapter_base else f"Base: the full model `{base}`, its weights continued.",
                 f"Continued from: `{start.init_model}`{shipped}, its head included."]
    else:
        licence = " (all-MiniLM-L6-v2, Apache-2.0)" if base.lower() in BASE_ALIASES else ""
        lines = [f"Base: `{base}`{licence}."]
    saved = ("a LoRA adapter with its classification head, merged into the base at load time"
             if config.save == "adapter" else "a full model (safetensors)")
    lines.append(f"Saved as: {saved}.")
    lines.append(f"Trained {date.today().isoformat()} with stance {__version__}, seed {config.seed}, on "
                 f"{platform.machine()} CPU.")
    how = f"`{command}`" if command else "`stance.train.trainer.train(config)` with the settings below"
    lines.append(f"Reproduce: {how}.")
    return "\n".join(lines)


def write_model_card(output: Path, config: TrainConfig, metrics: dict[str, Any],
                     first_stage: TrainConfig | None = None, command: str | None = None,
                     prior: dict[str, float] | None = None) -> None:
    """README.md beside the weights: task, base, what it continued, how it was made (`command`), data and
    licences (of both stages), seed, settings, dev metrics and the label prior its predictions assume."""

    def settings(stage: TrainConfig) -> str:
        values = {k: v for k, v in asdict(stage).items() if k not in ("data", "dev", "output_dir", "stage2")}
        return json.dumps(values, indent=2, default=list)

    if first_stage is not None:
        data = (f"### Stage 1\n{_data_section(first_stage, metrics['stage1'])}\n\n"
                f"### Stage 2 (continues stage 1's adapter and head)\n{_data_section(config, metrics)}")
        configured = f"Stage 1:\n```json\n{settings(first_stage)}\n```\nStage 2:\n```json\n{settings(config)}\n```"
    else:
        data = _data_section(config, metrics)
        configured = f"```json\n{settings(config)}\n```"
    card = render("task", base=_card_base(first_stage or config)[0], task=config.task,
                  tags=", ".join(dict.fromkeys(["stance", config.task])), labels=", ".join(TASKS[config.task]),
                  provenance=_provenance(config, first_stage, command), data=data,
                  notes=_interpolation_note(config, first_stage) + _prior_note(config, prior), settings=configured)
    (output / "README.md").write_text(card, encoding="utf-8")
