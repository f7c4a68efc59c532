"""Labelled text for training and evaluating the classifiers: one reader per public corpus.

Every reader returns a DataFrame with columns `text`, `label` and `origin` (where the row came
from), labels in the task's vocabulary (`stance.schema.TASKS`). The event-coding corpora
(CAMEO, PLOVER, NGEC) label *events*, not stances; `cameo_stance` and `PLOVER_STANCE` are the
reviewed mapping from event codes to LABELS.md §4 (see `configs/quotes.toml` and
`models/quotes/README.md`).
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pandas as pd

from stance.classifier.inputs import with_cue
from stance.errors import InputError

ROW_COLUMNS = ["text", "label", "origin"]

NEWSMTSC_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}

# PLOVER event types → stance. Cooperation, concessions and talks are `negotiation`; threats,
# sanctions, mobilisation and verbal conflict (demands, accusations, rejections) are `escalation`:
# a speaker pushing for pressure. Reports of force already used (assaults, fighting, coercion such as
# arrests and curfews), protests, investigations, aid and support are `neutral`: LABELS.md §4 labels
# what a statement advocates, and a report of an attack advocates nothing (military aid is ambiguous
# without its recipient). `None`: left out.
PLOVER_STANCE: dict[str, str | None] = {
    "AGREE": "negotiation", "CONSULT": "negotiation", "COOPERATE": "negotiation",
    "CONCEDE": "negotiation", "RETREAT": "negotiation",
    "THREATEN": "escalation", "SANCTION": "escalation", "MOBILIZE": "escalation", "REJECT": "escalation",
    "ACCUSE": "escalation",
    "DISAPPROVE": "escalation", "DEMAND": "escalation",
    "ASSAULT": "neutral", "FIGHT": "neutral", "COERCE": "neutral",
    "PROTEST": "neutral", "INVESTIGATE": "neutral", "AID": "neutral", "SUPPORT": "neutral",
    "REQUEST": None, "DOCUMENT": None,
}
# PLOVER modes that turn a demand or request into a call for talks.
NEGOTIATION_MODES = {"ceasefire", "meet", "mediate", "mediation", "negotiate", "settle", "peacekeeping"}


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=ROW_COLUMNS)
    return frame.astype({"text": "string", "label": "string", "origin": "string"})


def _open(path: str | Path) -> Path:
    path = Path(path)
    if not path.exists():
        raise InputError(f"training data not found: {path}")
    return path


def newsmtsc(path: str | Path) -> pd.DataFrame:
    """NewsMTSC sentences whose targets all share one polarity, as sentence-level tone labels."""
    path = _open(path)
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            polarities = {t["polarity"] for t in record.get("targets", [])}
            if len(polarities) != 1:
                continue
            label = NEWSMTSC_POLARITY.get(polarities.pop())
            if label:
                rows.append({"text": record["sentence_normalized"], "label": label, "origin": f"{path.name}:{number}"})
    return _frame(rows)


MATERIAL_CONFLICT = ("17", "18", "19", "20")


def cameo_stance(code: str, pentaclass: str, axis: str) -> str:
    """Stance of a CAMEO code: the data's proposed axis where it says negotiation or escalation;
    otherwise verbal cooperation (PentaClass 1: intents to cooperate, praise, agreements) is
    `negotiation`, demands, disapproval and rejections (codes 10–12) are `escalation`, and the
    rest (statements, appeals, material cooperation, investigations, protests) `neutral`. Material
    conflict (codes 17–20: coercion, assault, fighting, mass violence) is `neutral` whatever the axis
    says: the examples report force already used, and a report advocates nothing (LABELS.md §4)."""
    if code[:2] in MATERIAL_CONFLICT:
        return "neutral"
    if axis in ("negotiation", "escalation"):
        return axis
    if pentaclass == "1":
        return "negotiation"
    if code[:2] in ("10", "11", "12"):
        return "escalation"
    return "neutral"


#: Columns `cameo_examples` reads from the codebook CSV.
CAMEO_COLUMNS = ("code", "pentaclass", "proposed_axis", "example")


def cameo_examples(path: str | Path) -> pd.DataFrame:
    """The CAMEO codebook's example sentences (`cameo_escalation_axis.csv`) with their stance."""
    path = _open(path)
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in CAMEO_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            expected = ", ".join(CAMEO_COLUMNS)
            raise InputError(f"{path}: missing column(s) {', '.join(missing)}; expected a CSV with {expected}")
        for record in reader:
            text = (record.get("example") or "").strip()
            if text:
                label = cameo_stance(record["code"], record["pentaclass"], record["proposed_axis"])
                rows.append({"text": text, "label": label, "origin": f"cameo:{record['code']}"})
    return _frame(rows)


# PLOVER modes that make an accusation an investigation, which reports and pushes nothing.
INVESTIGATION_MODES = {"investigate"}


def _plover_label(event: str, mode: str) -> str | None:
    label = PLOVER_STANCE.get(event)
    if event in ("DEMAND", "REQUEST") and mode.lower() in NEGOTIATION_MODES:
        return "negotiation"
    if event == "ACCUSE" and mode.lower() in INVESTIGATION_MODES:
        return PLOVER_STANCE["INVESTIGATE"]
    return label


def plover_sentences(path: str | Path) -> pd.DataFrame:
    """PLOVER's gold-standard CAMEO sentences (CC BY-SA 4.0) with the stance of their event."""
    path = _open(path)
    rows = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        text = (record.get("text") or "").strip()
        label = _plover_label(record.get("event", ""), str(record.get("mode") or ""))
        if text and label:
            rows.append({"text": text, "label": label, "origin": record["id"]})
    return _frame(rows)


def _lead(story: str, sentences: int) -> str:
    """The first `sentences` sentences of a story (split on full stops; good enough for leads)."""
    body = " ".join(story.split())
    parts, start = [], 0
    for index, char in enumerate(body):
        if char in ".!?" and (index + 1 == len(body) or body[index + 1] == " "):
            parts.append(body[start:index + 1].strip())
            start = index + 1
            if len(parts) == sentences:
                break
    return " ".join(parts) if parts else body


def ngec_synthetic(path: str | Path, per_class: int = 700, sentences: int = 2, seed: int = 0) -> pd.DataFrame:
    """NGEC's synthetic event stories (MIT; augmentation only): the first sentences of each story,
    labelled through `PLOVER_STANCE`, at most `per_class` stories per stance."""
    path = _open(path)
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        with archive.open(name) as raw:
            records = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")))
    rows = []
    for number, record in enumerate(records):
        label = _plover_label(record.get("label", ""), record.get("mode") or "")
        text = record.get("text", "").strip()
        if label and text:
            rows.append({"text": _lead(text, sentences), "label": label, "origin": f"ngec:{number}"})
    frame = _frame(rows)
    parts = [group.sample(n=min(per_class, len(group)), random_state=seed) for _, group in frame.groupby("label")]
    return pd.concat(parts, ignore_index=True) if parts else frame


def labelled_table(path: str | Path, task: str, cue: bool = False) -> pd.DataFrame:
    """A user's table (JSON Lines, CSV, Parquet, or a gold JSONL of quotes) with `text` and a
    column named after the task; `cue=True` prefixes each text with its `cue` column."""
    from stance.io import read_table

    path = _open(path)
    table = read_table(path)
    missing = [c for c in ("text", task) if c not in table.columns]
    if missing:
        raise InputError(f"{path}: a labelled table needs columns `text` and `{task}`; missing {missing}; "
                         f"found {list(table.columns)}")
    labelled = table[task].notna() & (table[task].astype(str).str.strip() != "")
    table = table[labelled & table["text"].notna()]
    origin = [f"{path.name}:{i}" for i in table.index]
    texts = table["text"].tolist()
    if cue and "cue" in table.columns:
        texts = [with_cue(t, c) for t, c in zip(texts, table["cue"])]
    return _frame([{"text": t, "label": str(lab).strip().lower(), "origin": o}
                   for t, lab, o in zip(texts, table[task], origin)])


READERS = {
    "newsmtsc": newsmtsc,
    "cameo": cameo_examples,
    "plover": plover_sentences,
    "ngec": ngec_synthetic,
    "table": labelled_table,
}
