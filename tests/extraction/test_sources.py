"""Who speaks when no plain `X said` names the source: attribution phrases (`in his words`), manner-of-speaking
verbs, and speech verbs that hang from a passive or an adjective. Sentences written for these tests."""

from __future__ import annotations

import pytest

import stance
from stance.records import Article


def quotes_of(text: str) -> list[tuple[str, str, str, str]]:
    frame = stance.extract([Article("t", text)])
    return [(row.quote_type, row.text, row.speaker, row.cue) for row in frame.itertuples()]


def quote_with(quotes, fragment):
    hits = [q for q in quotes if fragment in q[1]]
    assert hits, f"no quote containing {fragment!r} in {quotes}"
    return hits[0]


@pytest.mark.parametrize("text, fragment, speaker, cue", [
    ("Retired colonel Anna Brandt followed the siege for months.\n\nIn her words, “the supply lines were cut "
     "within a week.”", "supply lines were cut", "Anna Brandt", "In her words"),
    ("Lars Feld, an economist in Freiburg, has studied the embargo.\n\nIn Feld's words, “the refineries will run dry by "
     "spring.”", "refineries will run dry", "Lars Feld", "In Feld's words"),
    ("In the words of Jens Stoltenberg, the war in Ukraine is a defeat for all of Europe.",
     "the war in Ukraine is a defeat", "Jens Stoltenberg", "In the words of"),
])
def test_in_someones_words_names_the_source(text, fragment, speaker, cue):
    _, _, found_speaker, found_cue = quote_with(quotes_of(text), fragment)
    assert (found_speaker, found_cue) == (speaker, cue)


@pytest.mark.parametrize("text", [
    "In other words, the ceasefire had collapsed before it began.",
    "In my words, the ceasefire had collapsed before it began.",
])
def test_in_other_words_is_the_writers_own_voice(text):
    assert not [q for q in quotes_of(text) if "ceasefire" in q[1]]


@pytest.mark.parametrize("verb", ["scoffed", "sneered", "snapped", "grumbled"])
def test_a_manner_of_speaking_verb_before_a_quote_names_its_speaker(verb):
    text = f"Dmitri Orlov, a trade adviser in Moscow, took questions on the new tariffs.\n\nOrlov {verb}, “They will hurt Brussels more than us.”"
    assert quote_with(quotes_of(text), "hurt Brussels")[2] == "Dmitri Orlov"


@pytest.mark.parametrize("text, fragment, speaker", [
    # a participle under a passive verb of perceiving: the one caught or heard speaks
    ("The agency has been caught falsely claiming that the grain convoy reached Odesa.",
     "the grain convoy reached Odesa", "The agency"),
    ("Senator Maria Lopez was overheard telling aides that the aid bill would pass in May.",
     "the aid bill would pass in May", "Maria Lopez"),
    # a speech verb under an adjective (`quick to`, `eager to`): the adjective's subject speaks
    ("Mayor Vitali Novak was quick to praise the volunteers as “the best of our city.”",
     "the best of our city", "Vitali Novak"),
    ("General Tomas Berg was eager to stress that no troops would cross the border.",
     "no troops would cross the border", "Tomas Berg"),
])
def test_a_speech_verb_under_a_passive_or_an_adjective_takes_the_subject_above(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


def test_a_speech_verb_that_is_itself_passive_still_takes_its_agent_not_its_subject():
    quotes = quotes_of("The envoy was told by Ambassador Karen Holt that the talks were over.")
    assert quote_with(quotes, "the talks were over")[2] == "Karen Holt"


@pytest.mark.parametrize("text, fragment, speaker", [
    # LABELS.md §6: the outlet passes on the words of the one it cites or quotes
    ("Grain exports fell by a third in May, the Financial Times reported, citing two officials at the port.",
     "Grain exports fell", "two officials"),
    ("There have been no checks on the deliveries at all, Le Monde reported, quoting the defence ministry.",
     "no checks on the deliveries", "the defence ministry"),
    ("The bridge was hit twice, Reuters said, citing a statement by the Ukrainian navy.",
     "The bridge was hit twice", "the Ukrainian navy"),
    # a report whose content opens with `according to X` is X's
    ("Bloomberg reported that, according to a senior NATO diplomat, the summit would delay the decision.",
     "according to a senior NATO diplomat", "a senior NATO diplomat"),
])
def test_relayed_words_belong_to_the_one_cited(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


def test_citing_an_event_or_a_reason_is_not_relaying():
    quotes = quotes_of("Senator Mark Ellis said the reforms were real, citing the release of political prisoners.")
    assert quote_with(quotes, "the reforms were real")[2] == "Mark Ellis"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("According to the data provided by border guards, about 300 people crossed the river on Sunday.",
     "about 300 people crossed", "border guards"),
    ("According to figures from the UN refugee agency, six million people have left the country.",
     "six million people have left", "the UN refugee agency"),
])
def test_data_and_figures_speak_for_whoever_compiled_them(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


def test_a_shouted_promotion_line_inside_a_quote_does_not_cut_the_speakers_paragraphs():
    text = ("Mr Dalton thinks escalation is unlikely. He said: “People should stay calm. Neither side wants war.\n\n"
            "READ MORE STORIES\n\n“Both sides know what a nuclear exchange would mean.”")
    quotes = quotes_of(text)
    assert quote_with(quotes, "Both sides know")[2] == "Dalton"
    assert not [q for q in quotes if q[3] == "READ"]


def test_a_shouted_headline_with_its_own_subject_still_reports():
    quotes = quotes_of("MINISTER SAYS: THE BORDER WILL STAY CLOSED UNTIL SPRING\n\nThe ministry gave no details.")
    assert [q for q in quotes if "BORDER WILL STAY CLOSED" in q[1]]


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Jake Ellison later stood by his earlier comment that officials “have seen nothing that would change our "
     "posture.”", "have seen nothing", "Jake Ellison"),
    ("The ministry's remark that the convoy carried “only food” was disputed by observers.", "only food",
     "The ministry"),
])
def test_a_comment_or_remark_with_a_that_clause_reports_its_holders_words(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


def test_repeating_ones_own_claim_leaves_the_source_to_the_verb():
    quotes = quotes_of("Prime Minister Ana Brnabic repeated her claim that the mine was safe.")
    assert quote_with(quotes, "the mine was safe")[2] == "Ana Brnabic"


def test_a_quote_signed_by_a_name_and_reminded_is_that_persons():
    text = ("Maria Kovac, the co-owner of a Lviv bakery, spoke after the raid.\n\n\"Every child deserves a safe "
            "school,\" Kovac reminded the audience.")
    assert quote_with(quotes_of(text), "Every child deserves")[2:] == ("Maria Kovac", "reminded")


@pytest.mark.parametrize("introduced, later, speaker", [
    ("Russian Ambassador Anatoly Petrov", "the diplomat", "Anatoly Petrov"),
    ("Senator Joan Whitby", "the lawmaker", "Joan Whitby"),
])
def test_a_broader_role_noun_refers_back_to_the_person_with_the_narrower_role(introduced, later, speaker):
    text = f"{introduced} spoke to reporters on Friday.\n\n\"Washington keeps burning money in this war,\" {later} said."
    assert quote_with(quotes_of(text), "burning money")[2] == speaker
