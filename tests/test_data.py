"""The project's own labelled data in `data/`: labels the tasks know, and training quotes kept apart from the
quotes the classifiers are measured on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from stance.schema import TASKS

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
EVALUATED = [REPO / "seeds" / "000_425a455c3402a5f3.gold.jsonl",
             REPO.parent / "shared" / "data" / "urw_articles.gold.jsonl"]  # the second only beside ../shared
SYNTHETIC = ("war_quotes.synthetic.jsonl", "war_quotes.synthetic_hard.jsonl", "war_quotes.synthetic_targeted.jsonl")
LABELLED = ("urw_train.labels.jsonl", "urw_more.labels.jsonl", "urw_extra.labels.jsonl",
            "newsmtsc_quotes.labels.jsonl")  # real quotes, trained on (the last by an experiment recipe)


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


@pytest.mark.parametrize("name, tasks", [
    ("urw_train.labels.jsonl", ("tone", "stance")),
    ("urw_more.labels.jsonl", ("tone", "stance")),
    ("urw_extra.labels.jsonl", ("tone", "stance")),
    ("war_quotes.synthetic.jsonl", ("tone", "stance")),
    ("war_quotes.synthetic_hard.jsonl", ("tone", "stance")),
    ("war_quotes.synthetic_targeted.jsonl", ("tone", "stance")),
    ("newsmtsc_conflict.stance.jsonl", ("stance",)),
])
def test_project_labels_are_the_tasks_labels(name, tasks):
    table = pd.read_json(DATA / name, lines=True)
    assert len(table) > 0 and table["text"].astype(str).str.strip().str.len().gt(0).all()
    for task in tasks:
        assert set(table[task]) <= set(TASKS[task]), f"{name}: {task} labels outside {TASKS[task]}"


@pytest.mark.parametrize("name", SYNTHETIC)
def test_synthetic_quotes_are_balanced_unique_and_carry_cues(name):
    table = pd.read_json(DATA / name, lines=True)
    counts = table["stance"].value_counts()
    assert counts.min() >= 0.3 * len(table)  # every stance about a third: negotiation is what real news lacks
    assert table["text"].map(_key).is_unique
    assert set(table["type"]) <= {"direct", "indirect", "mixed"}
    assert table["cue"].astype(str).str.strip().str.len().gt(0).mean() > 0.95


def test_no_training_quote_is_an_evaluated_quote():
    evaluated = set()
    for path in EVALUATED:
        if path.exists():
            evaluated |= set(pd.read_json(path, lines=True)["text"].map(_key))
    assert evaluated  # the seed's gold file always ships
    for name in (*SYNTHETIC, *LABELLED):
        trained = set(pd.read_json(DATA / name, lines=True)["text"].map(_key))
        assert not trained & evaluated, f"{name} holds evaluated quotes: {sorted(trained & evaluated)[:3]}"


def test_the_synthetic_sets_do_not_repeat_each_other():
    sets = [set(pd.read_json(DATA / name, lines=True)["text"].map(_key)) for name in SYNTHETIC]
    for i, one in enumerate(sets):
        for other in sets[i + 1:]:
            assert not one & other, sorted(one & other)[:3]


def test_the_targeted_synthetic_quotes_say_who_wrote_them():
    table = pd.read_json(DATA / "war_quotes.synthetic_targeted.jsonl", lines=True, dtype=False)
    for column in ("slice", "writer", "written", "note"):
        assert table[column].astype(str).str.len().gt(0).all(), column


MORE = ("urw_more.labels.jsonl", "urw_more.not_quotes.jsonl")
EXTRA = ("urw_extra.labels.jsonl", "urw_extra.not_quotes.jsonl")
ARTICLES = [REPO.parent / "shared" / "data" / name for name in ("urw_articles_more", "urw_articles")]


@pytest.mark.parametrize("name", [*MORE, *EXTRA])
def test_the_war_quote_corpus_carries_its_provenance(name):
    table = pd.read_json(DATA / name, lines=True, dtype=False)
    labels = ("tone", "stance") if name.endswith(".labels.jsonl") else ()
    for column in ("doc_id", "start", "end", "text", *labels, "labeller", "labelled"):
        assert table[column].notna().all() and table[column].astype(str).str.len().gt(0).all(), (name, column)
    assert (table["end"] > table["start"]).all()
    assert not table.duplicated(["doc_id", "start", "end"]).any()


def test_no_span_is_labelled_twice_across_the_corpus_files():
    spans = pd.concat([pd.read_json(DATA / name, lines=True, dtype=False) for name in (*MORE, *EXTRA)])
    assert not spans.duplicated(["doc_id", "start", "end"]).any()


@pytest.mark.skipif(not ARTICLES[0].exists(), reason="needs ../shared/data/urw_articles_more")
@pytest.mark.parametrize("name", [*MORE, *EXTRA])
def test_the_war_quote_corpus_offsets_index_its_articles(name):
    for row in pd.read_json(DATA / name, lines=True, dtype=False).itertuples():
        path = next(p for p in (folder / f"{row.doc_id}.txt" for folder in ARTICLES) if p.exists())
        article = path.read_text(encoding="utf-8")
        assert article[row.start:row.end] == row.text, (name, row.doc_id, row.start)


@pytest.mark.parametrize("double_name, files", [("urw_more.double.jsonl", MORE), ("urw_extra.double.jsonl", EXTRA),
                                                 ("urw_more.second.jsonl", MORE)])
def test_the_double_labelled_subset_agrees_with_the_corpus(double_name, files):
    double = pd.read_json(DATA / double_name, lines=True, dtype=False)
    assert len(double) >= 100
    labels = pd.concat([pd.read_json(DATA / name, lines=True, dtype=False).assign(is_quote=name == files[0])
                        for name in files]).set_index(["doc_id", "start", "end"])
    for row in double.itertuples():
        assert row.a["labeller"] != row.b["labeller"]
        if (row.doc_id, row.start, row.end) not in labels.index:
            continue  # dropped from the corpus as an evaluated quote's words (data/README.md)
        final = labels.loc[(row.doc_id, row.start, row.end)]
        is_quote = row.final.get("is_quote", True)  # the second pass labelled spans already taken for quotes
        assert bool(final["is_quote"]) == is_quote
        if is_quote:
            assert (final["tone"], final["stance"]) == (row.final["tone"], row.final["stance"])
            assert row.b["labeller"] in final["labeller"]
        if row.final["by"] == "agreed":
            assert row.a.get("is_quote", True) == row.b.get("is_quote", True)
            assert row.a["tone"] == row.b["tone"] and row.a["stance"] == row.b["stance"]


def test_every_corpus_quote_is_labelled_twice():
    """Every quote of the corpus files was labelled by two annotators, blind (data/README.md)."""
    for name in ("urw_more.labels.jsonl", "urw_extra.labels.jsonl"):
        labellers = pd.read_json(DATA / name, lines=True, dtype=False)["labeller"]
        assert labellers.str.contains("+", regex=False).all(), name


def test_the_speaker_labels_cover_the_corpus_and_keep_their_provenance():
    """`urw_more.speakers.jsonl` names a source (or none) for every quote of `urw_more.labels.jsonl`, same spans,
    and its double-labelled subset's final labels are the file's (data/README.md)."""
    speakers = pd.read_json(DATA / "urw_more.speakers.jsonl", lines=True, dtype=False)
    corpus = pd.read_json(DATA / "urw_more.labels.jsonl", lines=True, dtype=False)
    key = ["doc_id", "start", "end"]
    assert sorted(map(tuple, speakers[key].to_numpy())) == sorted(map(tuple, corpus[key].to_numpy()))
    assert set(speakers["speaker_type"]) <= {"person", "organization", "group", "unknown"}
    assert speakers["labeller"].str.startswith("annotator-").all() and speakers["labelled"].notna().all()
    named = speakers[speakers["speaker"].astype(str).str.len() > 0]
    assert len(named) > 0.95 * len(speakers)
    double = pd.read_json(DATA / "urw_more.speakers_double.jsonl", lines=True, dtype=False)
    assert len(double) >= 100
    by_span = speakers.set_index(key)
    for row in double.itertuples():
        assert row.a["labeller"] != row.b["labeller"]
        final = by_span.loc[(row.doc_id, row.start, row.end)]
        assert (final["speaker"], bool(final["is_quote"])) == (row.final["speaker"], row.final["is_quote"])
        assert row.a["labeller"] in final["labeller"] and row.b["labeller"] in final["labeller"]


NEWS = ("newsmtsc_quotes.labels.jsonl", "newsmtsc_quotes.not_quotes.jsonl")
NEWSMTSC = REPO.parent / "shared" / "data" / "newsmtsc"
NEWS_KEY = ["line", "start", "end"]


def test_the_news_quotes_carry_their_provenance_and_labels():
    """Quotes of NewsMTSC's training sentences labelled by the project (data/README.md): each names its sentence
    (`line` of train.jsonl) and offsets, who labelled it and when; none is labelled twice over."""
    labels = pd.read_json(DATA / NEWS[0], lines=True, dtype=False)
    assert len(labels) >= 1000
    assert set(labels["tone"]) <= set(TASKS["tone"]) and set(labels["stance"]) <= set(TASKS["stance"])
    spans = pd.concat([pd.read_json(DATA / name, lines=True, dtype=False) for name in NEWS])
    for column in ("doc_id", "line", "start", "end", "text", "labeller", "labelled"):
        assert spans[column].notna().all() and spans[column].astype(str).str.len().gt(0).all(), column
    assert (spans["end"] > spans["start"]).all() and not spans.duplicated(NEWS_KEY).any()
    assert spans["labeller"].str.startswith("annotator-").all()


def test_the_news_quotes_double_labelled_subset_is_the_files_final_labels():
    double = pd.read_json(DATA / "newsmtsc_quotes.double.jsonl", lines=True, dtype=False)
    assert len(double) >= 200
    spans = pd.concat([pd.read_json(DATA / name, lines=True, dtype=False).assign(is_quote=name == NEWS[0])
                       for name in NEWS]).set_index(NEWS_KEY)
    for row in double.itertuples():
        assert row.a["labeller"] != row.b["labeller"]
        final = spans.loc[(row.line, row.start, row.end)]
        assert bool(final["is_quote"]) == row.final["is_quote"]
        assert row.a["labeller"] in final["labeller"] and row.b["labeller"] in final["labeller"]
        if row.final["is_quote"]:
            assert (final["tone"], final["stance"]) == (row.final["tone"], row.final["stance"])
        if row.final["by"] == "agreed":
            fields = ("is_quote", "tone", "stance")
            assert [row.a[k] for k in fields] == [row.b[k] for k in fields]


@pytest.mark.skipif(not NEWSMTSC.exists(), reason="needs ../shared/data/newsmtsc")
def test_the_news_quotes_index_newsmtsc_train_and_never_an_evaluated_sentence():
    """Offsets index the sentence at `line` of NewsMTSC's train.jsonl; no quote comes from a sentence the project
    measures on: NewsMTSC's dev sets, or the conflict sentences labelled for stance (newsmtsc_conflict)."""
    import json

    sentences = [json.loads(line)["sentence_normalized"]
                 for line in (NEWSMTSC / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    measured = {json.loads(line)["sentence_normalized"] for name in ("dev_rw.jsonl", "dev_mt.jsonl")
                for line in (NEWSMTSC / name).read_text(encoding="utf-8").splitlines() if line.strip()}
    conflict_lines = pd.read_json(DATA / "newsmtsc_conflict.stance.jsonl", lines=True)["line"]
    conflict = {sentences[line - 1] for line in conflict_lines}
    for name in NEWS:
        for row in pd.read_json(DATA / name, lines=True, dtype=False).itertuples():
            sentence = sentences[row.line - 1]
            assert sentence[row.start:row.end] == row.text, (name, row.line)
            assert sentence not in measured and sentence not in conflict  # nor a repeat of a conflict sentence


def test_the_targeted_synthetic_double_labels_agree_with_the_final_labels():
    final = pd.read_json(DATA / "war_quotes.synthetic_targeted.jsonl", lines=True)
    rows = [json.loads(line) for line in (DATA / "war_quotes.synthetic_targeted.double.jsonl").read_text(
        encoding="utf-8").splitlines()]
    assert len(rows) >= 200 and len({row["row"] for row in rows}) == len(rows)
    for row in rows:
        quote = final.iloc[row["row"]]
        assert quote["text"] == row["text"] and row["a"]["labeller"] != row["b"]["labeller"]
        assert (quote["tone"], quote["stance"]) == (row["final"]["tone"], row["final"]["stance"])
        agreed = (row["a"]["tone"], row["a"]["stance"]) == (row["b"]["tone"], row["b"]["stance"])
        assert (row["final"]["by"] == "agreed") == agreed
