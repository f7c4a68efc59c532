"""nlp.Cover answers `any(a <= pos < b for a, b in spans)` in log time, nested and overlapping spans included."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from stance.extraction.nlp import Cover

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans, st.integers(-2, 95))
def test_cover_agrees_with_a_scan_of_every_span(quoted, pos):
    assert (pos in Cover(quoted)) == any(a <= pos < b for a, b in quoted)


def test_a_span_nested_in_a_longer_one_does_not_hide_its_end():
    cover = Cover([(0, 50), (10, 20)])
    assert 30 in cover and 50 not in cover and -1 not in cover
