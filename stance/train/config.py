"""A one-task training recipe: the `[train]` table of a TOML config (`configs/tone.toml`, `configs/stance.toml`),
its data sources and their licences, and an optional `[stage2]` that continues the first stage on other data."""

from __future__ import annotations

import csv
import zipfile
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import pandas as pd

from stance.config import read_toml
from stance.errors import ConfigError, InputError, StanceError
from stance.schema import check_task, parse_prior
from stance.train.corpora import READERS

# What each corpus's licence allows, for the model card.
LICENCES = {
    "newsmtsc": "NewsMTSC (Hamborg & Donnay, EACL 2021), MIT",
    "cameo": "CAMEO codebook examples via andybega/icews, MIT",
    "plover": "PLOVER gold-standard sentences, Open Event Data Alliance, CC BY-SA 4.0 (attribution; share-alike)",
    "ngec": "NGEC synthetic event stories (Halterman), MIT; synthetic, used for augmentation only",
    "table": "user-supplied labelled table",
}


@dataclass(frozen=True)
class DataSource:
    """One labelled corpus: `kind` names a reader in `stance.corpora.READERS`; `options` go to it."""

    kind: str
    path: str
    options: dict[str, Any] = field(default_factory=dict)
    repeat: int = 1  # training rows of this source are seen `repeat` times an epoch (dev rows once)
    licence: str = ""  # what the model card says of the data's source and licence (default: by kind)

    def __post_init__(self) -> None:
        if self.kind not in READERS:
            raise ConfigError(f"unknown data kind {self.kind!r}; expected one of {sorted(READERS)}")
        if not isinstance(self.repeat, int) or self.repeat < 1:
            raise ConfigError(f"data.repeat must be a positive integer, got {self.repeat!r}")

    def read(self, task: str) -> pd.DataFrame:
        """The source's labelled rows; a file its reader cannot parse is an `InputError` naming it."""
        reader = READERS[self.kind]
        try:
            if self.kind == "table":
                return reader(self.path, task, **self.options)
            return reader(self.path, **self.options)
        except StanceError:
            raise
        except UnicodeDecodeError as exc:
            raise InputError(f"{self.path}: not UTF-8 text (byte {exc.start}); expected {self.kind} data") from None
        except (ValueError, KeyError, TypeError, AttributeError, zipfile.BadZipFile, csv.Error, OSError) as exc:
            # json.JSONDecodeError is a ValueError; a missing key or a wrong type is a malformed record.
            detail = f"{type(exc).__name__}: {exc}"
            raise InputError(f"{self.path}: cannot read as {self.kind} data ({detail})") from None


@dataclass(frozen=True)
class TrainConfig:
    """Everything a training run needs; `configs/tone.toml` and `configs/stance.toml` are examples."""

    task: str
    output_dir: str
    data: tuple[DataSource, ...]
    dev: tuple[DataSource, ...] = ()
    dev_fraction: float = 0.1
    base_model: str = "sentence-transformers/all-MiniLM-L6-v2"
    epochs: float = 3.0
    max_steps: int = -1
    learning_rate: float = 5e-5
    batch_size: int = 32
    max_length: int = 96
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    seed: int = 13
    early_stopping_patience: int = 2
    evals_per_epoch: int = 2
    class_weights: bool = False
    lora_r: int = 0
    lora_alpha: int = 32
    lora_dropout: float = 0.1
    lora_target_modules: tuple[str, ...] = ("query", "key", "value", "attention.output.dense",
                                            "intermediate.dense", "output.dense")
    save: str = "full"
    init_model: str = ""  # a model or adapter directory to continue training from, instead of base_model
    # With init_model: save interpolation × the trained weights + (1 − interpolation) × init_model's (weight-space
    # ensembling, "WiSE-FT": Wortsman et al., CVPR 2022). Below 1 it keeps some of what the first model knew.
    interpolation: float = 1.0
    # The class shares the saved model assumes when it predicts (recorded in its config.json, applied by
    # `TextClassifier`; see stance/classifier/model.py): `{label = share, …}` (or the text `label=share,…`), or the
    # path of a labelled table whose labels give them. None (or "none"): the model's own outputs. A [train]
    # prior is also stage 2's unless [stage2] names another; it is not carried over from init_model.
    prior: str | dict[str, float] | None = None
    stage2: TrainConfig | None = None  # a second stage, continuing from this one's model

    def __post_init__(self) -> None:
        check_task(self.task)
        if not self.data:
            raise ConfigError("train: at least one [[data]] source is needed")
        if not 0 <= self.dev_fraction < 1:
            raise ConfigError(f"train.dev_fraction must be in [0, 1), got {self.dev_fraction!r}")
        if self.save not in ("full", "adapter"):
            raise ConfigError(f"train.save must be 'full' or 'adapter', got {self.save!r}")
        if self.save == "adapter" and self.lora_r <= 0:
            raise ConfigError("train.save = 'adapter' needs lora_r > 0")
        for name in ("batch_size", "max_length", "evals_per_epoch"):
            if int(getattr(self, name)) < 1:
                raise ConfigError(f"train.{name} must be a positive integer, got {getattr(self, name)!r}")
        if self.epochs <= 0 and self.max_steps <= 0:
            raise ConfigError("train: set epochs > 0 or max_steps > 0")
        if not 0 < self.interpolation <= 1:
            raise ConfigError(f"train.interpolation must be in (0, 1], got {self.interpolation!r}")
        if shares_given(self.prior):
            parse_prior(self.prior, self.task, "train.prior")


def shares_given(prior: object) -> bool:
    """Whether a `prior` setting gives shares (a mapping, or `label=share,…`) rather than a table's path."""
    return prior is not None and (not isinstance(prior, str) or "=" in prior)


def _sources(items: list[dict], where: str) -> tuple[DataSource, ...]:
    sources = []
    for item in items:
        item = dict(item)
        try:
            kind, path, repeat = item.pop("kind"), str(item.pop("path")), item.pop("repeat", 1)
            licence = str(item.pop("licence", ""))
            sources.append(DataSource(kind=kind, path=path, options=item, repeat=repeat, licence=licence))
        except KeyError as exc:
            raise ConfigError(f"{where}: each data source needs `kind` and `path`; missing {exc}") from None
    return tuple(sources)


# What a second stage takes from the first unless its `[stage2]` table says otherwise.
INHERITED = ("task", "output_dir", "base_model", "max_length", "seed", "lora_r", "lora_alpha", "lora_dropout",
             "lora_target_modules", "save", "prior")


def _stage2(table: dict, first: dict, where: str) -> TrainConfig:
    table = dict(table)
    where = f"{where} [stage2]"
    settings = {name: first[name] for name in INHERITED if name in first}
    settings.update({k: v for k, v in table.items() if k not in ("data", "dev")})
    settings["data"] = _sources(table.get("data", []), where)
    settings["dev"] = _sources(table.get("dev", []), where)
    known = {f.name for f in fields(TrainConfig)} - {"stage2", "init_model"}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}; expected {sorted(known)}")
    if not settings["data"]:
        raise ConfigError(f"{where}: at least one [[stage2.data]] source is needed")
    if "lora_target_modules" in settings:
        settings["lora_target_modules"] = tuple(settings["lora_target_modules"])
    return TrainConfig(**settings)


def load_train_config(path: str | Path | None = None, **overrides: Any) -> TrainConfig:
    """A `TrainConfig` from a TOML file (`[train]`, `[[data]]`, `[[dev]]`, optional `[stage2]` with
    `[[stage2.data]]`) with keyword overrides (which apply to the first stage, and to the second where
    it inherits them: task, output directory, base model, seed)."""
    data: dict[str, Any] = {}
    stage2: dict | None = None
    where = "train"
    if path is not None:
        where = str(path)
        document = read_toml(path)
        data = dict(document.get("train", {}))
        data["data"] = _sources(document.get("data", []), where)
        data["dev"] = _sources(document.get("dev", []), where)
        stage2 = document.get("stage2")
    data.update({k: v for k, v in overrides.items() if v is not None})
    known = {f.name for f in fields(TrainConfig)} - {"stage2"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}; expected {sorted(known)}")
    for name in ("task", "output_dir", "data"):
        if not data.get(name):
            hint = " (--data TABLE or [[data]] in --config)" if name == "data" else ""
            raise ConfigError(f"{where}: `{name}` is required{hint}")
    if "lora_target_modules" in data:
        data["lora_target_modules"] = tuple(data["lora_target_modules"])
    if stage2 is not None:
        data["stage2"] = _stage2(stage2, data, where)
    return TrainConfig(**data)


def trains_on(config: TrainConfig, path: str | Path, root: str | Path = ".") -> bool:
    """Whether any stage of `config` trains on the file `path` (relative source paths are taken from `root`,
    the directory the config is run from)."""
    stages = [config] + ([config.stage2] if config.stage2 else [])
    target = Path(path).resolve()
    return any((Path(root) / source.path).resolve() == target for stage in stages for source in stage.data)
