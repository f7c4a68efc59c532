"""End to end on the seed article against its gold file, with the real shipped spaCy pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

import stance
from stance.evaluate.gold import load_gold_jsonl
from stance.evaluate.quotes import span_matches, speaker_matches

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = SEEDS / "000_425a455c3402a5f3.txt"
GOLD = SEEDS / "000_425a455c3402a5f3.gold.jsonl"


@pytest.fixture(scope="module")
def seed():
    return stance.extract(ARTICLE), load_gold_jsonl(GOLD)


def _matches(predicted, gold_row):
    return [p for p in predicted.itertuples() if span_matches(p.start, p.end, gold_row.start, gold_row.end)]


def test_every_direct_and_mixed_quote_with_its_speaker(seed):
    predicted, gold = seed
    for row in gold[gold.quote_type.isin(["direct", "mixed"])].itertuples():
        hits = _matches(predicted, row)
        assert hits, f"missed {row.quote_type} quote {row.text!r}"
        assert any(speaker_matches(h.speaker, h.speaker_mention, row.speaker, row.speaker_mention) for h in hits), (
            f"{row.text!r}: expected {row.speaker}, got {[h.speaker for h in hits]}")


def test_reported_statements_found_including_obrien_and_fidan(seed):
    predicted, gold = seed
    indirect = gold[gold.quote_type == "indirect"]
    found = [row for row in indirect.itertuples() if _matches(predicted, row)]
    assert len(found) >= 10
    speakers = {row.speaker for row in found}
    assert {"Phillips O’Brien", "Hakan Fidan"} <= speakers


def test_speakers_are_canonical_and_typed(seed):
    predicted, _ = seed
    zelenskyy = predicted[predicted.speaker_mention.isin(["he", "Zelenskyy", "President Zelenskyy"])]
    assert set(zelenskyy.speaker) == {"Volodymyr Zelenskyy"}
    by_speaker = predicted.drop_duplicates("speaker").set_index("speaker").speaker_type
    assert by_speaker["Ukraine’s air force"] == "organization"
    assert by_speaker["Russian military bloggers"] == "group"
    assert by_speaker["Vasyl Maliuk"] == "person"
    maliuk_role = predicted[predicted.speaker == "Vasyl Maliuk"].speaker_role.iloc[0]
    assert maliuk_role == "the head of Ukraine’s Security Service"


def test_no_scare_quotes_in_the_seed(seed):
    predicted, gold = seed
    # Every predicted quote overlaps some gold quote: the seed's unsourced marks are not reported.
    for row in predicted.itertuples():
        assert any(span_matches(row.start, row.end, g.start, g.end) for g in gold.itertuples()), row.text
