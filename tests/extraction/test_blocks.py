"""Block quotes: a paragraph introduced by a colon paragraph of its own, whose quotation marks a web page's
blockquote lost (`Limbaugh added:` then the passage), on paragraphs written for these tests."""

from __future__ import annotations

import pytest

import stance
from stance.records import Article

PASSAGE = "We will not give up a single metre of our land, and nobody in this room should expect us to."


def quotes_of(text: str) -> list[tuple[str, str, str, str]]:
    frame = stance.extract([Article("t", text)])
    return [(row.quote_type, row.speaker, row.cue, row.text) for row in frame.itertuples()]


@pytest.mark.parametrize("intro, speaker, cue", [
    ("Dmytro Kuleba spoke in Kyiv on Monday.\n\nKuleba added:", "Dmytro Kuleba", "added"),
    ("Defence Minister Dmytro Kuleba told reporters in Kyiv:", "Dmytro Kuleba", "told"),
    ("In a speech last July, Dmytro Kuleba said:", "Dmytro Kuleba", "said"),
    ("Dmytro Kuleba wrote a letter to the Pope stating the following:", "Dmytro Kuleba", "stating"),  # not the Pope
    ("According to Dmytro Kuleba:", "Dmytro Kuleba", "According to"),
    ("The Defence Ministry said in a statement:", "Defence Ministry", "said"),
    ("Olena Bondar, a volunteer in Kharkiv, wrote on Facebook:", "Olena Bondar", "wrote"),
])
def test_a_paragraph_introduced_by_a_colon_paragraph_is_the_introducers_words(intro, speaker, cue):
    quotes = quotes_of(f"{intro}\n\n{PASSAGE}\n\nThe talks resumed on Tuesday.")
    assert quotes == [("direct", speaker, cue, PASSAGE)]


def test_only_the_next_paragraph_is_the_block():
    """Where a blockquote ended cannot be told once its marks are lost: the paragraph after the introduction is
    taken, and the reporter's next paragraph stays the reporter's."""
    text = f"Dmytro Kuleba told reporters:\n\n{PASSAGE}\n\nKuleba has led the ministry since September 2023."
    assert [q[3] for q in quotes_of(text)] == [PASSAGE]


def test_a_cue_inside_the_block_is_the_introducers_words_not_a_report_of_its_own():
    """As inside quotation marks: `as you pointed out` in the passage is the speaker addressing a host."""
    passage = ("It is typical of them. The same way, as you very aptly pointed out, people jumped to conclusions "
               "about the strike before anyone knew the facts.")
    text = f"Governor Ivan Koval spoke on the radio.\n\nThe governor added:\n\n{passage}"
    assert quotes_of(text) == [("direct", "Ivan Koval", "added", passage)]


def test_a_person_named_inside_the_block_is_no_antecedent_for_the_next_he():
    """Someone merely named inside a speaker's passage is not who the next `he` is, as inside marks."""
    text = ("Dmytro Kuleba spoke in Kyiv on Monday.\n\nKuleba added:\n\nI spoke with Lloyd Austin about the "
            "air defence batteries, and we agreed on the schedule.\n\nHe said the first battery would arrive soon.")
    assert [q[1] for q in quotes_of(text)] == ["Dmytro Kuleba", "Dmytro Kuleba"]


@pytest.mark.parametrize("intro, block", [
    # the introduction says what it reports: the paragraph is the writer's own illustration
    ("CNN also noted the relatively sparse attendance:", "Even right-leaning journalist Byron York took a moment "
     "to point out the lack of a crowd at the rally."),
    ("Kuleba pointed out that veterans' issues were largely ignored:", "As the two candidates argued about "
     "immigration, neither of them mentioned the veterans' hospitals."),
    # an imperative, a byline, a heading: nobody introduced
    ("Watch the full video of the briefing below:", "Kuleba is a former businessman who has led the ministry "
     "since September 2023."),
    ("by Jonathan Cook, The Review:", "No one but the terminally naive should be surprised that security services "
     "lie about the war."),
    ("Here are five takeaways from the summit:", "Israel's intelligence and tactics are top-notch, and the "
     "ministers know it."),
    # a statement the phrase already sources: the list after it is the writer's
    ("The systems track the ministry's records, according to the State Department:", "The tracking system, an "
     "automated system used to track and control the records of the office."),
    # a list, a numbered item, markup, a negated verb, the writer's own voice
    ("Dmytro Kuleba said:", "- Oil still flows through the shadow fleet to the ports of India and China."),
    ("Dmytro Kuleba said:", "1. The air defence batteries will arrive before the winter begins."),
    ("One user tweeted:", '<tweet tweet-id="1">The air defence batteries will arrive before the winter.</tweet>'),
    ("Dmytro Kuleba did not say:", "The air defence batteries will arrive before the winter begins in Kharkiv."),
    ("I am here to tell you what I am doing to show that I have learned from them:", "I have chosen a strong "
     "deputy who does not need the position to burnish his career."),
])
def test_a_colon_paragraph_that_introduces_no_ones_words_makes_no_block(intro, block):
    quotes = quotes_of(f"{intro}\n\n{block}")
    assert not any(q[3].startswith(block[:20]) and q[0] == "direct" for q in quotes)


def test_a_quoted_paragraph_after_the_introduction_stays_the_quotation_mark_rules():
    text = f"Dmytro Kuleba told reporters:\n\n“{PASSAGE}”"
    assert quotes_of(text) == [("direct", "Dmytro Kuleba", "told", PASSAGE)]
