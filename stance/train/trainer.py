"""Fine-tuning a tone or stance classifier with `transformers.Trainer`.

`train(config)` reads the labelled data the config names, splits off a stratified dev set (or
reads the named dev data), fine-tunes the base model — fully, or with a LoRA adapter when
`lora_r > 0` — with early stopping on dev macro-F1, and saves a directory that
`stance score --tone-model/--stance-model DIR` loads. `init_model` continues training an earlier
model (its adapter and head) instead of starting from the base. A config's `[stage2]` table runs a
second stage on other data straight after the first (for example a broad corpus, then in-domain
quotes): the first stage is kept beside the output as `<output_dir>.stage1`. A full fine-tune
(`save = "full"`) is a plain `save_pretrained` directory that `transformers.pipeline("text-classification",
DIR)` also loads; an adapter (`save = "adapter"`) is a few megabytes and is how the defaults in `models/`
ship.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import torch
from transformers import (
    AutoConfig,
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorWithPadding,
    EarlyStoppingCallback,
    Trainer,
    TrainingArguments,
    set_seed,
)

from stance.classifier.inputs import CUE
from stance.classifier.model import load_adapter, quiet_transformers, require_safetensors, resolve_model
from stance.errors import ConfigError, InputError
from stance.metrics import score_labels
from stance.schema import TASKS, parse_prior
from stance.train.config import (
    DataSource,
    TrainConfig,
    shares_given,
)
from stance.train.modelcard import write_model_card

logger = logging.getLogger(__name__)

def read_labelled(sources: tuple[DataSource, ...], task: str) -> pd.DataFrame:
    """Every source's rows, checked against the task's labels."""
    labels = TASKS[task]
    frames = [source.read(task).assign(repeat=source.repeat) for source in sources]
    frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["text", "label", "origin"])
    bad = sorted(set(frame["label"]) - set(labels))
    if bad:
        raise InputError(f"labels {bad} are not {task} labels; expected {list(labels)}")
    frame = frame[frame["text"].str.strip().str.len() > 0]
    return frame.drop_duplicates(subset=["text", "label"]).reset_index(drop=True)


def split_dev(frame: pd.DataFrame, fraction: float, seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A stratified split: `fraction` of each label (at least one row where a label has two) goes to dev."""
    rng = np.random.default_rng(seed)
    dev_index: list[int] = []
    for _, group in frame.groupby("label"):
        if len(group) < 2:
            continue
        count = max(1, round(len(group) * fraction))
        dev_index += rng.choice(group.index.to_numpy(), size=count, replace=False).tolist()
    dev = frame.loc[sorted(dev_index)]
    return frame.drop(index=dev.index).reset_index(drop=True), dev.reset_index(drop=True)


def _dataset(frame: pd.DataFrame, tokenizer, label2id: dict[str, int], max_length: int):
    from datasets import Dataset, disable_progress_bars

    disable_progress_bars()
    dataset = Dataset.from_dict({"text": frame["text"].astype(str).tolist(),
                                 "label": [label2id[x] for x in frame["label"]]})
    return dataset.map(lambda batch: tokenizer(batch["text"], truncation=True, max_length=max_length),
                       batched=True, remove_columns=["text"])


def train(config: TrainConfig, command: str | None = None) -> dict[str, Any]:
    """Fine-tune, save to `config.output_dir` with a model card, and return the metrics: dev figures
    (`None` where the stage had no dev set) and, for a two-stage config, the first stage's under `stage1`.

    `command` is what the card gives as the way to reproduce the model (the CLI passes its command line)."""
    if config.stage2 is None:
        return _train_stage(config, command=command)
    first_dir = f"{config.output_dir.rstrip('/')}.stage1"
    first = _train_stage(replace(config, output_dir=first_dir, stage2=None), command=command)
    second = replace(config.stage2, init_model=first_dir)
    return _train_stage(second, first_stage=(replace(config, stage2=None), first), command=command)


def _load_initial_model(config: TrainConfig, labels: tuple[str, ...]):
    """`(model, tokenizer, model_config)` to train: the base with a fresh head (and a fresh LoRA adapter
    when `lora_r > 0`), or `init_model` with its trained head (and its adapter, kept trainable)."""
    label2id = {label: i for i, label in enumerate(labels)}
    if not config.init_model:
        base = resolve_model(config.base_model, config.task)
        if Path(base).is_dir():
            require_safetensors(Path(base), "base_model")
        model_config = AutoConfig.from_pretrained(base, num_labels=len(labels), id2label=dict(enumerate(labels)),
                                                  label2id=label2id, problem_type="single_label_classification")
        model = AutoModelForSequenceClassification.from_pretrained(base, config=model_config, use_safetensors=True,
                                                                   ignore_mismatched_sizes=True)
        return _with_lora(model, config), AutoTokenizer.from_pretrained(base), model_config

    init = Path(resolve_model(config.init_model, config.task))
    if not (init / "config.json").exists():
        raise ConfigError(f"init_model {config.init_model!r} is not a model directory (no config.json)")
    require_safetensors(init, "init_model")
    model_config = AutoConfig.from_pretrained(init)
    named = [model_config.id2label.get(i, "") for i in range(model_config.num_labels)]
    if tuple(str(label).lower() for label in named) != labels:
        raise ConfigError(f"init_model {config.init_model!r} has labels {named}; continuing needs {list(labels)}")
    tokenizer = AutoTokenizer.from_pretrained(init)
    if (init / "adapter_config.json").exists():
        model = load_adapter(init, config.task, model_config, trainable=True)
        if config.lora_r <= 0:  # continuing an adapter as a full fine-tune
            model = model.merge_and_unload()
            for parameter in model.parameters():
                parameter.requires_grad_(True)
    else:
        model = _with_lora(AutoModelForSequenceClassification.from_pretrained(init, use_safetensors=True), config)
    return model, tokenizer, model_config


def _with_lora(model, config: TrainConfig):
    """The model with a fresh LoRA adapter (the head trained in full) when `lora_r > 0`, else as it is."""
    if config.lora_r <= 0:
        return model
    from peft import LoraConfig, TaskType, get_peft_model

    return get_peft_model(model, LoraConfig(
        task_type=TaskType.SEQ_CLS, r=config.lora_r, lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout, target_modules=list(config.lora_target_modules)))


def _train_stage(config: TrainConfig, first_stage: tuple[TrainConfig, dict] | None = None,
                 command: str | None = None) -> dict[str, Any]:
    quiet_transformers()
    labels = TASKS[config.task]
    label2id = {label: i for i, label in enumerate(labels)}
    set_seed(config.seed)
    if config.interpolation < 1 and not config.init_model:
        raise ConfigError(f"train.interpolation = {config.interpolation} mixes the trained weights with "
                          "init_model's, but no init_model is set")
    if config.interpolation < 1 and config.save == "adapter" and \
            not (Path(resolve_model(config.init_model, config.task)) / "adapter_config.json").exists():
        raise ConfigError(f"train.interpolation with save = 'adapter' needs an adapter init_model; "
                          f"{config.init_model!r} is not one (save = 'full' mixes any two models)")
    target_prior = label_prior(config)

    frame = read_labelled(config.data, config.task)
    if config.dev:
        train_frame, dev_frame = frame, read_labelled(config.dev, config.task)
    elif config.dev_fraction > 0:
        train_frame, dev_frame = split_dev(frame, config.dev_fraction, config.seed)
    else:  # no dev set: a fixed number of epochs, no early stopping
        train_frame, dev_frame = frame, frame.iloc[:0]
    if "repeat" in train_frame:
        train_frame = train_frame.loc[train_frame.index.repeat(train_frame["repeat"])].reset_index(drop=True)
    validate = not dev_frame.empty
    if train_frame.empty or (not validate and (config.dev or config.dev_fraction > 0)):
        raise InputError(f"not enough labelled rows to train and validate: {len(train_frame)} train, "
                         f"{len(dev_frame)} dev")
    learnt = _learnt_shares(config, train_frame, target_prior)
    logger.info("training %s on %d rows, validating on %d", config.task, len(train_frame), len(dev_frame))

    model, tokenizer, model_config = _load_initial_model(config, labels)
    train_set = _dataset(train_frame, tokenizer, label2id, config.max_length)
    dev_set = _dataset(dev_frame, tokenizer, label2id, config.max_length) if validate else None
    steps_per_epoch = max(1, -(-len(train_set) // config.batch_size))
    eval_steps = max(1, steps_per_epoch // config.evals_per_epoch)
    if config.max_steps > 0:
        eval_steps = max(1, min(eval_steps, config.max_steps))

    weights = None
    if config.class_weights:
        counts = train_frame["label"].value_counts()
        weights = torch.tensor([len(train_frame) / (len(labels) * counts.get(label, 1)) for label in labels],
                               dtype=torch.float32)

    def compute_metrics(prediction) -> dict[str, float]:
        predicted = np.asarray(prediction.predictions).argmax(axis=1)
        scores = score_labels(config.task, labels, [labels[i] for i in prediction.label_ids],
                              [labels[i] for i in predicted])
        return {"accuracy": scores.accuracy, "macro_f1": scores.macro_f1}

    output = Path(config.output_dir)
    selection = dict(eval_strategy="steps", eval_steps=eval_steps, save_strategy="steps", save_steps=eval_steps,
                     save_total_limit=1, load_best_model_at_end=True, metric_for_best_model="macro_f1",
                     greater_is_better=True) if validate else dict(eval_strategy="no", save_strategy="no")
    arguments = TrainingArguments(
        output_dir=str(output / "checkpoints"), num_train_epochs=config.epochs, max_steps=config.max_steps,
        learning_rate=config.learning_rate, per_device_train_batch_size=config.batch_size,
        per_device_eval_batch_size=config.batch_size * 2, weight_decay=config.weight_decay,
        warmup_steps=config.warmup_ratio, seed=config.seed, data_seed=config.seed, report_to=[],
        logging_steps=eval_steps, use_cpu=not torch.cuda.is_available(), disable_tqdm=True, **selection,
    )
    trainer = WeightedTrainer(
        model=model, args=arguments, train_dataset=train_set, eval_dataset=dev_set,
        data_collator=DataCollatorWithPadding(tokenizer), compute_metrics=compute_metrics if validate else None,
        callbacks=[EarlyStoppingCallback(early_stopping_patience=config.early_stopping_patience)] if validate else [],
        class_weights=weights,
    )
    trainer.train()

    # Final dev figures of the best checkpoint, with the per-class report for the model card.
    scores = None
    if validate:
        raw = trainer.predict(dev_set)
        predicted = [labels[i] for i in np.asarray(raw.predictions).argmax(axis=1)]
        scores = score_labels(config.task, labels, dev_frame["label"].tolist(), predicted)
    if any(source.options.get("cue") for source in config.data):
        model_config.stance_input_format = CUE  # quotes are read as `cue: quote` at prediction time
        trainer.model.config.stance_input_format = CUE
    _record_prior(target_prior, learnt, (model_config, trainer.model.config))
    _save(trainer.model, tokenizer, model_config, config, output)
    metrics = {"dev": scores.to_dict() if scores else None, "train_rows": len(train_frame),
               "dev_rows": len(dev_frame), "train_label_counts": train_frame["label"].value_counts().to_dict(),
               "epochs_run": round(float(trainer.state.epoch or 0), 2)}
    if first_stage is not None:
        metrics["stage1"] = first_stage[1]
    (output / "training_metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    write_model_card(output, config, metrics, first_stage=first_stage[0] if first_stage else None, command=command,
                     prior=label_prior(config))
    shutil.rmtree(output / "checkpoints", ignore_errors=True)
    return metrics


def label_prior(config: TrainConfig) -> dict[str, float] | None:
    """The class shares `config.prior` names, normalised (a table's path: the shares of its labels)."""
    if config.prior is None or (isinstance(config.prior, str) and config.prior.strip().lower() == "none"):
        return None
    if shares_given(config.prior):
        return parse_prior(config.prior, config.task, "train.prior")
    if not Path(config.prior).is_file():
        raise ConfigError(f"train.prior: {config.prior} is not a file; name a labelled table or give "
                          f"shares {{label = share, …}}")
    labels = read_labelled((DataSource("table", config.prior),), config.task)["label"]
    missing = sorted(set(TASKS[config.task]) - set(labels))
    if missing:
        raise ConfigError(f"train.prior: {config.prior} has no {config.task} label(s) {missing}; every label "
                          "needs a share")
    shares = labels.value_counts(normalize=True)
    return {label: float(shares[label]) for label in TASKS[config.task]}


def _learnt_shares(config: TrainConfig, train_frame: pd.DataFrame, target: dict | None) -> dict[str, float]:
    """The class shares training teaches: equal ones with class weights, else the training rows'."""
    labels = TASKS[config.task]
    shares = train_frame["label"].value_counts(normalize=True)
    learnt = {label: 1 / len(labels) if config.class_weights else float(shares.get(label, 0.0)) for label in labels}
    if target and min(learnt.values()) <= 0:
        raise InputError(f"train.prior: the training rows have no {min(learnt, key=learnt.get)!r} label, so no "
                         "prior can be set (set class_weights = true, or add rows)")
    return learnt


def _record_prior(target: dict[str, float] | None, learnt: dict[str, float], model_configs: tuple) -> None:
    """Write the label prior and the shares the model learnt into its config; without a prior, drop any that
    an init_model recorded (its shares were not this training's)."""
    for settings in model_configs:
        for name, value in (("stance_label_prior", target), ("stance_trained_prior", learnt)):
            if target:
                setattr(settings, name, value)
            elif hasattr(settings, name):
                delattr(settings, name)


class WeightedTrainer(Trainer):
    """`Trainer` with optional class weights in the cross-entropy loss."""

    def __init__(self, *args, class_weights=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.class_weights = class_weights

    def compute_loss(self, model, inputs, return_outputs=False, **kwargs):
        if self.class_weights is None:
            return super().compute_loss(model, inputs, return_outputs=return_outputs, **kwargs)
        labels = inputs.pop("labels")
        outputs = model(**inputs)
        loss = torch.nn.functional.cross_entropy(outputs.logits, labels,
                                                 weight=self.class_weights.to(outputs.logits.device))
        return (loss, outputs) if return_outputs else loss


WEIGHT_FILES = ("model.safetensors", "adapter_model.safetensors", "adapter_config.json", "pytorch_model.bin",
                "adapter_model.bin", "config.json")


def _save(model, tokenizer, model_config, config: TrainConfig, output: Path) -> None:
    output.mkdir(parents=True, exist_ok=True)
    for name in WEIGHT_FILES:  # a model saved here before (full or adapter) must not shadow this one
        (output / name).unlink(missing_ok=True)
    if config.lora_r > 0 and config.save == "full":
        model = model.merge_and_unload()
    if config.interpolation < 1 and config.save == "full":
        _interpolate_full(model, config.init_model, config.task, config.interpolation)
    if config.save == "adapter":
        model.save_pretrained(output)  # adapter_config.json + adapter_model.safetensors (LoRA + head)
        if config.interpolation < 1:
            _interpolate_adapter(output, Path(resolve_model(config.init_model, config.task)), config.interpolation)
        adapter_config = output / "adapter_config.json"
        settings = json.loads(adapter_config.read_text(encoding="utf-8"))
        settings["base_model_name_or_path"] = config.base_model  # a name, not this machine's path
        adapter_config.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
        model_config.save_pretrained(output)
    else:
        model.save_pretrained(output, safe_serialization=True)
    tokenizer.save_pretrained(output)
    # transformers writes the weights through a private temporary file (mode 0600); give them the mode the
    # user's umask gives every other file, so that a shared model folder stays readable.
    mask = os.umask(0)
    os.umask(mask)
    for weights in output.glob("*.safetensors"):
        weights.chmod(0o666 & ~mask)


def _interpolate_full(model, init_model: str, task: str, weight: float) -> None:
    """Set `model`'s weights to weight × its own + (1 − weight) × those of `init_model` (its adapter merged)."""
    from stance.classifier.model import load_model_and_tokenizer

    initial = load_model_and_tokenizer(init_model, task)[0].state_dict()
    trained = model.state_dict()
    if initial.keys() != trained.keys() or any(initial[k].shape != trained[k].shape for k in trained):
        raise ConfigError(f"interpolation: init_model {init_model!r} does not have the trained model's layout")
    model.load_state_dict({k: weight * v + (1 - weight) * initial[k] if v.is_floating_point() else v
                           for k, v in trained.items()})


def _interpolate_adapter(output: Path, init: Path, weight: float) -> None:
    """Rewrite the LoRA adapter saved in `output` as weight × it + (1 − weight) × the adapter it continued
    (in `init`), exactly: each layer's update B·A becomes weight·B₂A₂ + (1 − weight)·B₁A₁ by stacking both
    adapters' ranks, each scaled by the square root of its weight; the head is mixed linearly."""
    from safetensors.torch import load_file, save_file

    settings = json.loads((output / "adapter_config.json").read_text(encoding="utf-8"))
    before = json.loads((init / "adapter_config.json").read_text(encoding="utf-8"))
    for key in ("r", "lora_alpha", "use_rslora", "use_dora", "rank_pattern", "alpha_pattern"):
        if settings.get(key) != before.get(key):
            raise ConfigError(f"interpolation: the adapter in {init} differs in {key} from the one trained from it")
    if settings.get("use_rslora") or settings.get("use_dora") or settings.get("rank_pattern"):
        raise ConfigError("interpolation supports plain LoRA adapters (no rsLoRA, DoRA or per-layer ranks)")
    trained = load_file(str(output / "adapter_model.safetensors"))
    initial = load_file(str(init / "adapter_model.safetensors"))
    if trained.keys() != initial.keys():
        raise ConfigError(f"interpolation: the adapter in {init} has other layers than the one trained from it")
    new, old = weight ** 0.5, (1 - weight) ** 0.5
    mixed = {}
    for key, value in trained.items():
        if ".lora_A." in key:
            mixed[key] = torch.cat([old * initial[key], new * value], dim=0).contiguous()
        elif ".lora_B." in key:
            mixed[key] = torch.cat([old * initial[key], new * value], dim=1).contiguous()
        else:
            mixed[key] = (weight * value + (1 - weight) * initial[key]).contiguous()
    save_file(mixed, str(output / "adapter_model.safetensors"), metadata={"format": "pt"})
    scaling = settings["lora_alpha"] / settings["r"]  # kept: alpha / r is what multiplies B·A
    settings["r"] = settings["r"] + before["r"]
    alpha = scaling * settings["r"]
    settings["lora_alpha"] = int(alpha) if float(alpha).is_integer() else alpha
    (output / "adapter_config.json").write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
