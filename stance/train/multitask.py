"""One model for both tasks: a shared encoder read once, a tone head and a stance head.

The model is a BERT-style sequence classifier with six outputs, `tone:negative … stance:neutral`: one encoder
pass and one pooled vector per quote, whose first three logits are the tone head and last three the stance
head (each its own softmax). A row may carry one label or both, and a task's loss ignores rows without its label.
Two ways to train it (`finetune`):

- `full` (the shipped recipe, chosen by measurement: README, "Classifiers"): every encoder weight but the
  embeddings, and the heads. The embeddings stay the base model's, so the model saves without them: a
  `config.json` naming its base (`stance_base_model`) and a `model.safetensors` of the other weights in float16.
- `lora`: a LoRA adapter on the encoder and the heads in full, saved as an adapter directory.

`stance.classifier` loads either for either task (`--tone-model DIR --stance-model DIR`), and the pipeline runs
the encoder once when both tasks name it.

`train_joint(config)` reads the sources, holds out whole articles of the sources marked `split = true` as a
dev set (early stopping on the mean of the two tasks' macro-F1), fits one temperature per task on that dev
set (after the label prior, so the probabilities users see are the calibrated ones) and writes a model card
with the dev figures and the expected calibration error before and after.
"""

from __future__ import annotations

import json
import logging
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from stance.classifier.model import adapter_base, require_safetensors, resolve_model
from stance.errors import ConfigError
from stance.schema import TASKS, parse_prior
from stance.train.distill import distill_loss, teacher_targets
from stance.train.joint_config import (
    JointConfig,
    input_format,
    is_joint,
    joint_labels,
    quote_table,
    read_sources,
    task_slice,
)
from stance.train.joint_eval import calibrate, evaluate_frame, joint_logits
from stance.train.modelcard import write_joint_card

logger = logging.getLogger(__name__)


def _label_matrix(frame: pd.DataFrame) -> np.ndarray:
    """(rows, tasks) class indices, -100 where a row has no label for a task."""
    columns = []
    for task, labels in TASKS.items():
        index = {label: i for i, label in enumerate(labels)}
        columns.append([index[v] if isinstance(v, str) else -100 for v in frame[task]])
    return np.array(columns, dtype=np.int64).T.reshape(len(frame), len(TASKS))


def _load_initial(config: JointConfig):
    """(model with six outputs, tokenizer) to train, as `config.finetune` says."""
    return _full_initial(config) if config.finetune == "full" else _lora_initial(config)


def _full_initial(config: JointConfig):
    """(model with six outputs and frozen embeddings, tokenizer): from the base, a joint model (continued as it
    is) or any one-task model (its encoder, its head as that task's rows)."""
    import torch
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    from stance.classifier.model import load_model_and_tokenizer

    labels = joint_labels()
    torch.manual_seed(config.seed)
    if config.init_model:
        start, tokenizer = load_model_and_tokenizer(config.init_model, "tone")
        if is_joint(start.config):
            return _freeze_embeddings(start), tokenizer
    base = resolve_model(full_base(config), "tone")
    model_config = AutoConfig.from_pretrained(base, num_labels=len(labels), id2label=dict(enumerate(labels)),
                                              label2id={label: i for i, label in enumerate(labels)})
    model = AutoModelForSequenceClassification.from_pretrained(base, config=model_config, use_safetensors=True,
                                                               ignore_mismatched_sizes=True)
    if not config.init_model:
        return _freeze_embeddings(model), AutoTokenizer.from_pretrained(base)
    names = tuple(str(start.config.id2label[i]).lower() for i in range(start.config.num_labels))
    task = next((t for t, labels_ in TASKS.items() if labels_ == names), None)
    if task is None:
        raise ConfigError(f"init_model {config.init_model!r} has labels {list(names)}: neither a tone, a stance "
                          "nor a joint model")
    weights = start.state_dict()
    result = model.load_state_dict({k: v for k, v in weights.items() if "classifier" not in k}, strict=False)
    if result.unexpected_keys:
        raise ConfigError(f"init_model {config.init_model!r}: its encoder does not fit {base} "
                          f"({result.unexpected_keys[:2]})")
    with torch.no_grad():
        for name in ("weight", "bias"):
            getattr(model.classifier, name)[task_slice(task)] = weights[f"classifier.{name}"]
    return _freeze_embeddings(model), tokenizer


def full_base(config: JointConfig) -> str:
    """The base model a `full` joint model is trained over and names in its config (a continued model's own)."""
    if config.init_model:
        from transformers import AutoConfig

        init = Path(resolve_model(config.init_model, "tone"))
        if adapter_base(init):
            return adapter_base(init)
        named = getattr(AutoConfig.from_pretrained(init), "stance_base_model", None)
        if named:
            return named
    return config.base_model


def _freeze_embeddings(model):
    for name, parameter in model.named_parameters():
        parameter.requires_grad = not _is_embedding(model, name)
    return model


def _is_embedding(model, name: str) -> bool:
    return name.startswith(f"{model.base_model_prefix}.embeddings.")


def _lora_initial(config: JointConfig):
    """(peft model with six outputs, tokenizer): from the base, a one-task adapter (its LoRA weights, its head
    as that task's rows) or a joint adapter (continued as it is)."""
    import torch
    from peft import LoraConfig, PeftModel, TaskType, get_peft_model, set_peft_model_state_dict
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    labels = joint_labels()
    init = Path(resolve_model(config.init_model, "tone")) if config.init_model else None
    if init is not None and not (init / "adapter_config.json").exists():
        raise ConfigError(f"init_model {config.init_model!r} is not an adapter directory (no adapter_config.json); "
                          "a joint model continues a LoRA adapter")
    if init is not None:
        require_safetensors(init, "init_model")
        adapter = json.loads((init / "adapter_config.json").read_text(encoding="utf-8"))  # its r and alpha, below
        base = resolve_model(adapter["base_model_name_or_path"], "tone")
    else:
        base = resolve_model(config.base_model, "tone")
    model_config = AutoConfig.from_pretrained(base, num_labels=len(labels), id2label=dict(enumerate(labels)),
                                              label2id={label: i for i, label in enumerate(labels)})
    torch.manual_seed(config.seed)
    model = AutoModelForSequenceClassification.from_pretrained(base, config=model_config, use_safetensors=True,
                                                               ignore_mismatched_sizes=True)
    tokenizer = AutoTokenizer.from_pretrained(init if init is not None and (init / "tokenizer_config.json").exists()
                                              else base)
    if init is not None and is_joint(AutoConfig.from_pretrained(init)):
        return PeftModel.from_pretrained(model, init, is_trainable=True), tokenizer
    model = get_peft_model(model, LoraConfig(
        task_type=TaskType.SEQ_CLS, r=config.lora_r, lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout, target_modules=list(config.lora_target_modules)))
    if init is not None:
        from safetensors.torch import load_file

        init_config = AutoConfig.from_pretrained(init)
        names = tuple(str(init_config.id2label[i]).lower() for i in range(init_config.num_labels))
        task = next((t for t, labels_ in TASKS.items() if labels_ == names), None)
        if task is None:
            raise ConfigError(f"init_model {config.init_model!r} has labels {list(names)}: neither a tone, a stance "
                              "nor a joint model")
        if adapter.get("r") != config.lora_r or adapter.get("lora_alpha") != config.lora_alpha:
            raise ConfigError(f"init_model {config.init_model!r} has LoRA r={adapter.get('r')}, "
                              f"alpha={adapter.get('lora_alpha')}; set lora_r and lora_alpha to match")
        state = load_file(str(init / "adapter_model.safetensors"))
        rows = task_slice(task)
        for key in [k for k in state if k.endswith(("classifier.weight", "classifier.bias"))]:
            current = model.state_dict()[_head_key(model, key)].clone()
            current[rows] = state[key]
            state[key] = current
        result = set_peft_model_state_dict(model, state)
        unexpected = [k for k in getattr(result, "unexpected_keys", []) if "lora" in k]
        if unexpected:
            raise ConfigError(f"init_model {config.init_model!r}: its adapter does not fit the encoder "
                              f"({unexpected[:2]})")
    return model, tokenizer


def _head_key(model, saved_key: str) -> str:
    """The live state-dict key of the trainable classifier copy that a saved adapter key names."""
    suffix = saved_key.rsplit("classifier.", 1)[1]
    for key in model.state_dict():
        if key.endswith(f"classifier.modules_to_save.default.{suffix}"):
            return key
    raise ConfigError("the model has no trainable classifier head")


def train_joint(config: JointConfig, command: str | None = None) -> dict[str, Any]:
    """Train, calibrate, save to `config.output_dir` with a model card; the metrics (dev figures per task,
    temperatures, ECE before and after)."""
    import torch
    from transformers import get_linear_schedule_with_warmup, set_seed

    from stance.classifier.model import quiet_transformers

    quiet_transformers()
    set_seed(config.seed)
    train_frame, dev_frame = read_sources(config)
    logger.info("training tone+stance on %d rows (tone %d, stance %d), validating on %d", len(train_frame),
                train_frame["tone"].notna().sum(), train_frame["stance"].notna().sum(), len(dev_frame))
    model, tokenizer = _load_initial(config)
    targets = _label_matrix(train_frame)
    encoded = tokenizer(train_frame["text"].tolist(), truncation=True, max_length=config.max_length)["input_ids"]
    soft = teacher_targets(config.teachers, train_frame["text"].tolist(), config.distill_temperature,
                           config.max_length) if config.teachers else None
    weights = {task: _class_weights(targets[:, i], len(TASKS[task])) if task in config.class_weights else None
               for i, task in enumerate(TASKS)}
    steps_per_epoch = math.ceil(len(encoded) / config.batch_size)
    total = config.max_steps if config.max_steps > 0 else max(1, int(steps_per_epoch * config.epochs))
    named = [(n, p) for n, p in model.named_parameters() if p.requires_grad]
    trainable = [p for _, p in named]
    heads = [p for n, p in named if "classifier" in n]
    optimiser = torch.optim.AdamW([
        {"params": [p for n, p in named if "classifier" not in n], "lr": config.learning_rate},
        {"params": heads, "lr": config.head_learning_rate or config.learning_rate}],
        lr=config.learning_rate, weight_decay=config.weight_decay)
    schedule = get_linear_schedule_with_warmup(optimiser, int(total * config.warmup_ratio), total)
    eval_every = max(1, steps_per_epoch // config.evals_per_epoch)
    rng = np.random.default_rng(config.seed)
    # the figures that select a checkpoint are those users will see: with the label priors applied
    priors = {task: _prior(config.prior[task], task) for task in config.prior}
    learnt = {task: _shares(targets[:, i], task, task in config.class_weights) for i, task in enumerate(TASKS)}
    best: tuple[float, dict | None, int] = (-1.0, None, 0)
    # the weights training changes, kept for the best step
    kept = {n for n, p in model.named_parameters() if p.requires_grad} if config.finetune == "full" else \
        {k for k in model.state_dict() if "lora" in k or "modules_to_save" in k}
    history, stale, step = [], 0, 0
    while step < total and stale < config.early_stopping_patience:
        for batch in _batches(encoded, config.batch_size, rng):
            if step >= total:
                break
            model.train()
            inputs = tokenizer.pad({"input_ids": [encoded[i] for i in batch]}, return_tensors="pt")
            logits = model(**inputs).logits
            loss = _loss(logits, torch.as_tensor(targets[batch]), weights, config.task_weights)
            if soft is not None:
                loss = (1 - config.distill_weight) * loss + config.distill_weight * distill_loss(
                    logits, torch.as_tensor(soft[batch]), config.distill_temperature)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trainable, 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if not dev_frame.empty and (step % eval_every == 0 or step == total):
                figures = evaluate_frame(model, tokenizer, dev_frame, config.max_length, priors, learnt)
                mean = float(np.mean([figures[task]["macro_f1"] for task in TASKS if figures[task]]))
                history.append({"step": step, "epoch": round(step / steps_per_epoch, 2), "dev_mean_macro_f1": mean})
                logger.info("step %d: dev macro-F1 %s, mean %.3f", step, ", ".join(
                    f"{task} {figures[task]['macro_f1']:.3f}" for task in TASKS if figures[task]), mean)
                if mean > best[0]:
                    state = {k: v.detach().clone() for k, v in model.state_dict().items() if k in kept}
                    best, stale = (mean, state, step), 0
                else:
                    stale += 1
                    if stale >= config.early_stopping_patience:
                        break
    if best[1] is not None:
        model.load_state_dict(best[1], strict=False)
    model.eval()
    calibration, dev = {}, {}
    if not dev_frame.empty:  # the best model's dev logits, once, for the temperatures and the dev figures
        logits = joint_logits(model, tokenizer, dev_frame["text"].tolist(), config.max_length)
        calibration = calibrate(model, tokenizer, dev_frame, config, priors, learnt, logits) if config.calibrate \
            else {}
        dev = evaluate_frame(model, tokenizer, dev_frame, config.max_length, priors, learnt,
                             {t: c["temperature"] for t, c in calibration.items()}, logits)
    metrics = {"dev": dev, "calibration": calibration, "history": history, "best_step": best[2],
               "train_rows": len(train_frame), "dev_rows": len(dev_frame),
               "dev_articles": int(dev_frame["group"].nunique()) if not dev_frame.empty else 0,
               "train_label_counts": {t: train_frame[t].value_counts().to_dict() for t in TASKS}}
    _save(model, tokenizer, config, priors, learnt, calibration, metrics)
    write_joint_card(Path(config.output_dir), config, metrics, command,
                     base=full_base(config) if config.finetune == "full" else config.base_model,
                     settings=settings_of(config))
    return metrics


def _class_weights(column: np.ndarray, classes: int):
    import torch

    counts = np.bincount(column[column >= 0], minlength=classes).astype(np.float64)
    counts[counts == 0] = 1
    return torch.tensor(counts.sum() / (classes * counts), dtype=torch.float32)


def _loss(logits, targets, weights: dict, task_weights: dict[str, float]):
    import torch

    total = logits.new_zeros(())
    for i, task in enumerate(TASKS):
        column = targets[:, i]
        if bool((column >= 0).any()):
            part = torch.nn.functional.cross_entropy(logits[:, task_slice(task)], column, weight=weights[task],
                                                     ignore_index=-100)
            total = total + task_weights.get(task, 1.0) * part
    return total


def _batches(encoded: list[list[int]], size: int, rng: np.random.Generator):
    """Shuffled batches of similar lengths: shuffle, sort within windows of 50 batches, shuffle the batches."""
    order = rng.permutation(len(encoded))
    window = size * 50
    batches = []
    for begin in range(0, len(order), window):
        chunk = sorted(order[begin:begin + window], key=lambda i: len(encoded[i]))
        batches += [chunk[i:i + size] for i in range(0, len(chunk), size)]
    return [np.asarray(batches[i]) for i in rng.permutation(len(batches))]


def _prior(value: Any, task: str) -> dict[str, float]:
    if isinstance(value, str) and "=" not in value:
        frame = quote_table(value, cue=False)
        shares = frame[task].dropna().value_counts(normalize=True)
        missing = sorted(set(TASKS[task]) - set(shares.index))
        if missing:
            raise ConfigError(f"prior: {value} has no {task} label(s) {missing}")
        return {label: float(shares[label]) for label in TASKS[task]}
    return parse_prior(value, task, f"{task} prior")


def _shares(column: np.ndarray, task: str, balanced: bool) -> dict[str, float]:
    labels = TASKS[task]
    if balanced:
        return {label: 1 / len(labels) for label in labels}
    counts = np.bincount(column[column >= 0], minlength=len(labels)).astype(np.float64)
    counts = np.maximum(counts, 1)
    return {label: float(c / counts.sum()) for label, c in zip(labels, counts)}


def _save(model, tokenizer, config: JointConfig, priors: dict, learnt: dict, calibration: dict,
          metrics: dict) -> None:
    import os

    output = Path(config.output_dir)
    output.mkdir(parents=True, exist_ok=True)
    for name in ("model.safetensors", "adapter_model.safetensors", "adapter_config.json", "config.json"):
        (output / name).unlink(missing_ok=True)
    if config.finetune == "full":
        from safetensors.torch import save_file

        state = {k: v.detach().to(dtype=_saved_dtype()).contiguous() for k, v in model.state_dict().items()
                 if not _is_embedding(model, k) and v.is_floating_point()}
        save_file(state, str(output / "model.safetensors"), metadata={"format": "pt"})
        model_config = model.config
        model_config.stance_base_model = full_base(config)
    else:
        model.save_pretrained(output)
        adapter_config = output / "adapter_config.json"
        settings = json.loads(adapter_config.read_text(encoding="utf-8"))
        settings["base_model_name_or_path"] = config.base_model if not config.init_model else \
            adapter_base(resolve_model(config.init_model, "tone"))
        adapter_config.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
        model_config = model.base_model.model.config
    model_config.stance_input_format = input_format(config)
    model_config.stance_label_priors = priors or None
    model_config.stance_trained_priors = learnt if priors else None
    model_config.stance_temperatures = {t: c["temperature"] for t, c in calibration.items()} or None
    model_config.save_pretrained(output)
    tokenizer.save_pretrained(output)
    (output / "training_metrics.json").write_text(json.dumps(metrics, indent=2, default=float) + "\n",
                                                  encoding="utf-8")
    mask = os.umask(0)
    os.umask(mask)
    for weights in output.glob("*.safetensors"):
        weights.chmod(0o666 & ~mask)


_SAVED_DTYPE_NAME = "float16"  # a full model's weights on disk; loaded back as float32


def _saved_dtype():
    import torch

    return getattr(torch, _SAVED_DTYPE_NAME)


def settings_of(config: JointConfig) -> dict[str, Any]:
    return {k: v for k, v in asdict(config).items() if k not in ("data", "output_dir")}
