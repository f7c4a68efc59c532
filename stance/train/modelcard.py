"""The model card (README.md) written beside a joint tone+stance model."""

from __future__ import annotations

import json
import platform
from datetime import date
from pathlib import Path
from typing import Any

from stance.classifier.model import TASKS


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


def write_joint_card(output: Path, config, metrics: dict[str, Any], command: str | None) -> None:
    from stance.train.multitask import full_base, settings_of
    from stance.version import __version__

    full = config.finetune == "full"
    base = full_base(config) if full else config.base_model
    start = f"Continued from `{config.init_model}` (its encoder, its head as that task's rows)." \
        if config.init_model else "Trained from the base."
    how = ("every encoder weight trained but the embeddings, which stay the base's: the file holds the other "
           "weights in float16 and the base's embeddings are read at load time" if full else
           f"a LoRA adapter (r={config.lora_r}) with the heads trained in full, merged at load time")
    priors = json.loads((output / "config.json").read_text(encoding="utf-8")).get("stance_label_priors") or {}
    prior_note = "\n".join(f"- {task}: predictions assume the shares " +
                           ", ".join(f"{k} {v:.3f}" for k, v in shares.items()) +
                           f" (`--{task}-prior none` gives the model's own outputs)" for task, shares in priors.items())
    card = f"""---
library_name: transformers
pipeline_tag: text-classification
base_model: {base}
tags: [stance, tone, multi-task]
---
# stance tone+stance classifier (one encoder, two heads)

Outputs: {', '.join(f'`{x}`' for x in [f'{t}:{label}' for t, labels in TASKS.items() for label in labels])}: one
encoder pass; the first three logits are the tone head, the last three the stance head (LABELS.md §3–4).
Input: the quote with its reporting cue, `cue: quote` (LABELS.md §6).

Base: `{base}` (all-MiniLM-L6-v2, Apache-2.0); {how}. {start}
Trained {date.today().isoformat()} with stance {__version__}, seed {config.seed}, on {platform.machine()} CPU.
Reproduce: `{command or 'stance.train.multitask.train_joint(config)'}`.

## Data
{_sources(config)}

Train rows: {metrics['train_rows']} (tone {json.dumps(metrics['train_label_counts']['tone'])}; stance
{json.dumps(metrics['train_label_counts']['stance'])}). Dev: {metrics['dev_rows']} rows from
{metrics['dev_articles']} whole articles held out (never trained on); best step {metrics['best_step']}.

## Dev figures (calibrated; with the label prior, if any)
{_dev_table(metrics['dev'])}

## Calibration
{_calibration_table(metrics['calibration'])}

## Label prior
{prior_note or NO_PRIOR}

## Settings
```json
{json.dumps(settings_of(config), indent=2, default=list)}
```
"""
    (output / "README.md").write_text(card, encoding="utf-8")
