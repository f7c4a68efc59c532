"""The joint tone+stance model's outputs and recipe: its six labels and where each task's logits lie, the
data sources of a `task = "tone+stance"` config (`configs/quotes.toml`), the config itself, and reading the
sources into training and dev rows."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from stance.classifier.inputs import CUE, CUE_CONTEXT, TEXT, with_context
from stance.classifier.model import resolve_model
from stance.config import read_toml
from stance.errors import ConfigError, InputError
from stance.extraction.context import cue_sentence, find_cue
from stance.schema import TASKS, check_task

logger = logging.getLogger(__name__)

JOINT = "tone+stance"
FINETUNE = ("full", "lora")
# Which task a corpus reader labels; a `table` gives every task it has a column for.
KIND_TASK = {"newsmtsc": "tone", "cameo": "stance", "plover": "stance", "ngec": "stance"}
GROUP_COLUMNS = ("doc_id", "article_id")


def joint_labels() -> list[str]:
    """The six outputs, in order: `task:label` for each task of `TASKS`."""
    return [f"{task}:{label}" for task, labels in TASKS.items() for label in labels]


def task_slice(task: str) -> slice:
    """The logits of one task's head in the joint model's output."""
    start = 0
    for name, labels in TASKS.items():
        if name == task:
            return slice(start, start + len(labels))
        start += len(labels)
    raise ConfigError(f"unknown task {task!r}")


def is_joint(model_config) -> bool:
    names = [str(model_config.id2label.get(i, "")) for i in range(model_config.num_labels)]
    return names == joint_labels()


@dataclass(frozen=True)
class JointSource:
    """One labelled corpus: `kind` a reader of `stance.corpora.READERS`; `sample` rows drawn at random (0: all);
    `split`: hold out a share of its articles as dev data (needs a `doc_id` or `article_id` column);
    `cue`: read a table's quotes as `cue: quote`; `context`: as `cue: quote [SEP] cue sentence`, the sentence
    from the table's `cue_sentence` column or cut from its article (`articles`: folders of `<doc_id>.txt`, by the
    quote's `start` and `end`); `tasks`: the tasks a table trains (default: every task it has
    a column for), so that a table labelled for both can teach one."""

    kind: str
    path: str
    options: dict[str, Any] = field(default_factory=dict)
    repeat: int = 1
    sample: int = 0
    split: bool = False
    licence: str = ""

    def read(self, seed: int) -> pd.DataFrame:
        """Columns `text`, `tone`, `stance` (None where unlabelled), `group` (article, or None), `origin`."""
        from stance.train.config import DataSource

        if self.kind == "table":
            only = self.options.get("tasks")
            articles = self.options.get("articles")
            frame = quote_table(self.path, bool(self.options.get("cue", False)),
                                [only] if isinstance(only, str) else only, bool(self.options.get("context", False)),
                                [articles] if isinstance(articles, str) else articles)
        elif self.kind == "articles":
            frame = article_sentences(self.path, int(self.options.get("min_words", 8)),
                                      int(self.options.get("max_words", 80)))
        else:
            task = KIND_TASK.get(self.kind)
            if task is None:
                raise ConfigError(f"unknown data kind {self.kind!r}; expected table, articles or one of "
                                  f"{sorted(KIND_TASK)}")
            rows = DataSource(self.kind, self.path, self.options).read(task)
            frame = pd.DataFrame({"text": rows["text"].astype(str), "origin": rows["origin"].astype(str)})
            for name in TASKS:
                frame[name] = rows["label"].astype(str).tolist() if name == task else None
            frame["group"] = None
        if self.sample and len(frame) > self.sample:
            frame = frame.sample(n=self.sample, random_state=seed)
        return frame.assign(repeat=self.repeat, split=self.split).reset_index(drop=True)


SENTENCE_END = re.compile(r"(?:(?<=[.!?…])|(?<=[.!?…][”’\"']))\s+(?=[“‘\"'A-Z0-9])|\n+")


def article_sentences(path: str, min_words: int, max_words: int) -> pd.DataFrame:
    """Unlabelled sentences of a folder of `.txt` articles, for distillation only: a model learns them from its
    teachers' probabilities (`teachers` in the recipe), never from labels. `group` is the article's file name, so
    that the sentences of dev articles stay out of training (`read_sources`)."""
    folder = Path(path)
    if not folder.is_dir():
        raise InputError(f"articles folder not found: {path}")
    rows = []
    for article in sorted(folder.glob("*.txt")):
        for i, sentence in enumerate(SENTENCE_END.split(article.read_text(encoding="utf-8"))):
            words = sentence.split()
            if min_words <= len(words) <= max_words:
                rows.append({"text": " ".join(words), "origin": f"{article.name}:{i}", "group": article.stem})
    if not rows:
        raise InputError(f"{path}: no sentence of {min_words}–{max_words} words in any .txt article")
    frame = pd.DataFrame(rows)
    for task in TASKS:
        frame[task] = None
    return frame


def quote_table(path: str, cue: bool, only: list[str] | None = None, context: bool = False,
                articles: list[str] | None = None) -> pd.DataFrame:
    """A labelled quote table read for training: `text` (with its cue when `cue`, and its cue sentence too when
    `context`) and the task columns (those of `only` when given; the others left unlabelled)."""
    from stance.io import read_table

    for task in only or ():
        check_task(task)
    if not Path(path).exists():
        raise InputError(f"training data not found: {path}")
    table = read_table(path)
    if only is not None:
        table = table.drop(columns=[task for task in TASKS if task not in only and task in table.columns])
    tasks = [task for task in TASKS if task in table.columns]
    if "text" not in table.columns or not tasks:
        raise InputError(f"{path}: a labelled table needs `text` and a `tone` or `stance` column; "
                         f"found {list(table.columns)}")
    texts = table["text"].fillna("").astype(str)
    cues = [c if cue and isinstance(c, str) else "" for c in table.get("cue", pd.Series([""] * len(table)))]
    if context:
        contexts = quote_contexts(table, articles or [], path)
        texts = pd.Series([with_context(t, c, x) for t, c, x in zip(texts, cues, contexts)])
    elif cue:
        texts = pd.Series([with_context(t, c, None) for t, c in zip(texts, cues)])
    frame = pd.DataFrame({"text": texts.tolist(), "origin": [f"{Path(path).name}:{i}" for i in range(len(table))]})
    for task in TASKS:
        values = table[task] if task in table.columns else pd.Series([None] * len(table))
        cleaned = [str(v).strip().lower() if isinstance(v, str) and v.strip() else None for v in values]
        bad = sorted({v for v in cleaned if v is not None} - set(TASKS[task]))
        if bad:
            raise InputError(f"{path}: {task} labels {bad} are not {list(TASKS[task])}")
        frame[task] = cleaned
    column = next((c for c in GROUP_COLUMNS if c in table.columns), None)
    frame["group"] = table[column].astype(str).tolist() if column else None
    labelled = frame[list(TASKS)].notna().any(axis=1) & (frame["text"].str.strip() != "")
    return frame[labelled]


def quote_contexts(table: pd.DataFrame, articles: list[str], path: str) -> list[str]:
    """Each quote's cue sentence: the table's `cue_sentence` column (a `stance score` table and its labelling
    sheet have one), else cut from its article (`doc_id` or `article_id`, `start`, `end`, the cue found near the
    quote) in the first of the `articles` folders that has it; empty where neither is known."""
    if "cue_sentence" in table.columns:
        return [x if isinstance(x, str) else "" for x in table["cue_sentence"]]
    column = next((c for c in GROUP_COLUMNS if c in table.columns), None)
    if not articles or column is None or not {"start", "end"} <= set(table.columns):
        logger.warning("%s has no `cue_sentence` column (nor `articles` folders for its `doc_id`, `start` and `end`): "
                       "its quotes are read without their cue sentences", path)
        return [""] * len(table)
    missing = [folder for folder in articles if not Path(folder).is_dir()]
    if missing:
        raise InputError(f"{path}: articles folder(s) not found: {missing}")
    texts: dict[str, str | None] = {}
    out = []
    for doc, start, end, text, cue in zip(table[column], table["start"], table["end"], table["text"],
                                          table.get("cue", pd.Series([""] * len(table)))):
        if doc not in texts:
            found = next((Path(folder) / f"{doc}.txt" for folder in articles if (Path(folder) / f"{doc}.txt").exists()),
                         None)
            texts[doc] = found.read_text(encoding="utf-8") if found else None
        article = texts[doc]
        if article is None or pd.isna(start) or pd.isna(end) or article[int(start):int(end)] != text:
            out.append("")
            continue
        where = find_cue(article, int(start), int(end), cue if isinstance(cue, str) else "")
        out.append(cue_sentence(article, int(start), int(end), *(where or (None, None))))
    return out


@dataclass(frozen=True)
class JointConfig:
    """A joint training run; `configs/quotes.toml` is the shipped model's."""

    output_dir: str
    data: tuple[JointSource, ...]
    init_model: str = ""  # an adapter directory of a one-task model (its encoder and its head) or a joint model
    base_model: str = "sentence-transformers/all-MiniLM-L6-v2"
    epochs: float = 3.0
    max_steps: int = -1  # when positive, stop after this many optimiser steps (overrides epochs)
    learning_rate: float = 5e-5  # the encoder's: suits `full`; a LoRA adapter wants about 3e-4
    head_learning_rate: float = 1e-3  # the heads' learning rate (0: learning_rate); a fresh head learns faster
    batch_size: int = 16
    max_length: int = 128
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    seed: int = 13  # initialisation and batch order
    data_seed: int | None = None  # the dev split and source samples (default: `seed`): seeds compared on one dev set
    dev_fraction: float = 0.15  # share of the articles of `split` sources held out
    evals_per_epoch: int = 2
    early_stopping_patience: int = 3
    class_weights: tuple[str, ...] = ("tone", "stance")  # tasks whose loss weighs classes by inverse frequency
    task_weights: dict[str, float] = field(default_factory=dict)  # loss weight per task (default 1)
    prior: dict[str, Any] = field(default_factory=dict)  # per task: shares, or a labelled table giving them
    calibrate: bool = True
    teachers: tuple[str, ...] = ()  # joint models whose averaged probabilities the model learns too (distill.py)
    distill_weight: float = 0.5  # the teachers' share of the loss; the labels keep the rest
    distill_temperature: float = 2.0
    finetune: str = "full"  # `full`: every encoder weight but the embeddings; `lora`: an adapter
    lora_r: int = 16
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    lora_target_modules: tuple[str, ...] = ("query", "key", "value", "attention.output.dense",
                                            "intermediate.dense", "output.dense")

    def __post_init__(self) -> None:
        if not self.data:
            raise ConfigError("train: at least one [[data]] source is needed")
        if not 0 <= self.dev_fraction < 1:
            raise ConfigError(f"train.dev_fraction must be in [0, 1), got {self.dev_fraction!r}")
        if self.finetune not in FINETUNE:
            raise ConfigError(f"train.finetune must be one of {list(FINETUNE)}, got {self.finetune!r}")
        if self.finetune == "lora" and self.lora_r < 1:
            raise ConfigError("a LoRA adapter needs a positive lora_r")
        for task in (*self.class_weights, *self.task_weights, *self.prior):
            check_task(task)
        if any(source.kind == "articles" for source in self.data) and not self.teachers:
            raise ConfigError("an `articles` source is unlabelled: it teaches only through `teachers`, and the "
                              "recipe names none")
        if self.teachers and not (0 < self.distill_weight <= 1 and self.distill_temperature > 0):
            raise ConfigError("train.distill_weight must be in (0, 1] and train.distill_temperature positive, got "
                              f"{self.distill_weight!r} and {self.distill_temperature!r}")


def input_format(config: JointConfig) -> str:
    """What the trained model reads (`stance_input_format` in its config.json): its quotes with their cue
    sentences when a source gave them, else with their cues when a source gave them, else the text alone."""
    if any(source.options.get("context") for source in config.data):
        return CUE_CONTEXT
    return CUE if any(source.options.get("cue") for source in config.data) else TEXT


def reads_context(model: str | None) -> bool:
    """Whether a joint model (a name `resolve_model` knows, or None for a fresh one) reads its quotes with their
    cue sentences: a model continued keeps reading what it learnt to read."""
    if model is None:
        return False
    config = Path(resolve_model(model, "tone")) / "config.json"
    if not config.exists():
        return False
    import json

    return json.loads(config.read_text(encoding="utf-8")).get("stance_input_format") == CUE_CONTEXT


def trains_joint(config_path: str | Path | None, task: str | None, init_model: str | None) -> bool:
    """Whether `stance train` trains one model for both tasks: `--task tone+stance`, a config whose [train] task
    says so, `--init-model` naming a joint model, or plain `--data` (which continues the shipped model)."""
    if task is not None:
        if task == JOINT:
            return True
        check_task(task)
        return False
    if config_path is not None:
        return read_toml(config_path).get("train", {}).get("task") == JOINT
    if init_model is None:
        return True
    from transformers import AutoConfig

    reference = Path(resolve_model(init_model, "tone"))
    return (reference / "config.json").exists() and is_joint(AutoConfig.from_pretrained(reference))


def load_joint_config(path: str | Path | None = None, **overrides: Any) -> JointConfig:
    """A `JointConfig` from a TOML file (`[train]` with `task = "tone+stance"`, `[[data]]`) and overrides."""
    settings: dict[str, Any] = {}
    where = "train"
    sources: list[dict] = []
    if path is not None:
        where = str(path)
        document = read_toml(path)
        settings = dict(document.get("train", {}))
        sources = list(document.get("data", []))
        if "stage2" in document:
            raise ConfigError(f"{where}: a joint ({JOINT}) config has one stage; continue a model with init_model")
    settings.pop("task", None)
    settings.update({k: v for k, v in overrides.items() if v is not None})
    data = settings.pop("data", None)
    settings["data"] = tuple(data) if data is not None else tuple(_source(item, where) for item in sources)
    known = {f.name for f in fields(JointConfig)}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}; expected {sorted(known)}")
    if not settings.get("output_dir"):
        raise ConfigError(f"{where}: `output_dir` is required")
    for name in ("class_weights", "lora_target_modules", "teachers"):
        if name in settings:
            settings[name] = tuple(settings[name])
    return JointConfig(**settings)


def _source(item: dict, where: str) -> JointSource:
    item = dict(item)
    try:
        kind, path = item.pop("kind"), str(item.pop("path"))
    except KeyError as exc:
        raise ConfigError(f"{where}: each data source needs `kind` and `path`; missing {exc}") from None
    extra = {name: item.pop(name) for name in ("repeat", "sample", "split", "licence") if name in item}
    return JointSource(kind=kind, path=path, options=item, **extra)


def trains_on(config: JointConfig, path: str | Path, root: str | Path = ".") -> bool:
    """Whether `config` trains on the file `path` (relative source paths taken from `root`)."""
    target = Path(path).resolve()
    return any((Path(root) / source.path).resolve() == target for source in config.data)


def read_sources(config: JointConfig) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(train rows, dev rows): whole articles of the `split` sources go to dev (seeded), every other row to
    training (repeated as its source says); duplicate texts keep their first labels."""
    data_seed = config.seed if config.data_seed is None else config.data_seed
    frames = [source.read(data_seed) for source in config.data]
    frame = pd.concat(frames, ignore_index=True).drop_duplicates(subset=["text"]).reset_index(drop=True)
    dev_mask = np.zeros(len(frame), dtype=bool)
    if config.dev_fraction > 0:
        # rows without an article id are their own group
        frame["group"] = frame["group"].where(frame["group"].notna(), "row:" + frame["origin"])
        splittable = frame[frame["split"]]
        groups = sorted(splittable["group"].unique())
        count = round(len(groups) * config.dev_fraction)
        if count < 1:
            logger.warning("no dev set: %d article(s) are too few to hold %.0f%% of them out; training on every row, "
                           "without early stopping or calibration", len(groups), 100 * config.dev_fraction)
        held = set(np.random.default_rng(data_seed).choice(groups, size=count, replace=False)) if count else set()
        dev_mask = (frame["split"] & frame["group"].isin(held)).to_numpy()
        # unlabelled sentences of a dev article would show the model its dev text through the teachers
        frame = frame[~(~frame["split"] & frame["group"].isin(held) & frame[list(TASKS)].isna().all(axis=1))]
        dev_mask = dev_mask[frame.index]
    dev = frame[dev_mask].reset_index(drop=True)
    train = frame[~dev_mask]
    train = train.loc[train.index.repeat(train["repeat"])].reset_index(drop=True)
    if train.empty:
        raise InputError("no labelled rows to train on")
    return train, dev
