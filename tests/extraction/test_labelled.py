"""Headlines and transcript lines labelled with their speaker (`NAME: words`), on lines written for these tests."""

from __future__ import annotations

import pytest

import stance
from stance.records import Article


def quotes_of(text: str) -> list[tuple[str, str, str]]:
    frame = stance.extract([Article("t", text)])
    return [(row.speaker_mention, row.cue, row.text) for row in frame.itertuples()]


@pytest.mark.parametrize("line, mention, content", [
    # a surname the headline's tagger misses, named in full in the article
    ("Stoltenberg: NATO will not be dragged into the war\n\nJens Stoltenberg spoke in Brussels.", "Stoltenberg",
     "NATO will not be dragged into the war"),
    ("UN envoy: Aid convoys cannot reach the besieged port", "UN envoy", "Aid convoys cannot reach the besieged port"),
    ("KOVAL: We have heard nothing from Moscow since Friday.\n\nAsked again, Ivan Koval shrugged.", "KOVAL",
     "We have heard nothing from Moscow since Friday"),
    ("Pentagon: More air defence batteries are on the way", "Pentagon", "More air defence batteries are on the way"),
])
def test_a_line_labelled_with_a_name_is_that_speakers(line, mention, content):
    assert quotes_of(line + "\n\nThe talks resumed on Monday.")[:1] == [(mention, ":", content)]


@pytest.mark.parametrize("line", [
    "Explainer: What the grain deal means for Africa",  # a section label
    "Poland: Farmers block border crossings again",  # a country as the topic
    "Winter Is Coming: Ukraine braces for blackouts",  # a headline's phrase, not a name
    "Photo: Reuters",  # too short to be a statement
    "Monday: Talks resume in Geneva after a pause",  # a date
    "The minister made one point: the army will hold the line.",  # a sentence, not a label
    "Kyiv: Russia launched forty drones at the city overnight",  # a dateline
    "TRENDING: Grain prices jump after the port strike",
    "Casualties: 12 dead and 40 wounded in the strike",  # a word the article names no one by
    "Putin: The Making of a Dictator",  # a title: no statement
])
def test_a_line_whose_label_names_no_one_is_not_a_quote(line):
    assert all(cue != ":" for _, cue, _ in quotes_of(line))


def test_a_dateline_before_a_report_of_its_own_leaves_the_report_to_its_cue():
    text = "Geneva: Olena Bondar, the envoy, now calls the ceasefire “a dead letter”."
    assert quotes_of(text) == [("Olena Bondar", "calls", "a dead letter")]


CONTEXT = "President Volodymyr Zelensky spoke in Kyiv on Sunday. NATO's Jens Stoltenberg spoke in Brussels."


def speakers_of(text: str) -> list[tuple[str, str, str]]:
    frame = stance.extract([Article("t", text)])
    return [(row.speaker, row.cue, row.text) for row in frame.itertuples()]


@pytest.mark.parametrize("line, speaker, content", [
    # the label says whom or where the words were for: the name before `to` or `at` speaks
    ("Zelensky to Congress: Ukraine will never surrender to Russian aggression", "Volodymyr Zelensky",
     "Ukraine will never surrender to Russian aggression"),
    ("Stoltenberg at Davos: The alliance will defend every inch of its territory", "Jens Stoltenberg",
     "The alliance will defend every inch of its territory"),
    # a tag before the name
    ("EXCLUSIVE – Jens Stoltenberg: The alliance will defend every inch of its territory", "Jens Stoltenberg",
     "The alliance will defend every inch of its territory"),
    # a news agency's headline names its speaker last
    ("No one can predict the war's length: Zelensky", "Volodymyr Zelensky", "No one can predict the war's length"),
    ("Russia will respond to any attack on its territory: Kremlin", "Kremlin",
     "Russia will respond to any attack on its territory"),
])
def test_a_headline_names_its_speaker_around_whom_it_was_for_or_last(line, speaker, content):
    assert speakers_of(f"{line}\n\n{CONTEXT}")[:1] == [(speaker, ":", content)]


@pytest.mark.parametrize("line", [
    "Zelensky to meet Biden: The leaders will discuss air defence",  # a plan, not whom he spoke to
    "Zelensky Wades In: Urges Europe to keep its sanctions",  # a headline's sentence, its verb after the colon
    "Read the full story: Stoltenberg",  # an imperative: no one's statement before the name
    "More on the summit: Stoltenberg",
    "He said the alliance will hold: “Stoltenberg”",
])
def test_a_headline_that_names_no_speaker_around_its_colon_is_not_a_labelled_line(line):
    assert all(cue != ":" for _, cue, _ in speakers_of(f"{line}\n\n{CONTEXT}"))


@pytest.mark.parametrize("line, speaker, content", [
    # a news agency's headline, whose article never names the speaker again
    ("Russia will not be allowed to win: Zelenskiy", "Zelenskiy", "Russia will not be allowed to win"),
    # in headline words, with no verb
    ("Talks with Kyiv impossible for now: Peskov", "Peskov", "Talks with Kyiv impossible for now"),
])
def test_a_headline_names_its_speaker_last_with_a_surname_the_article_gives_no_one_else(line, speaker, content):
    text = f"{line}\n\nMOSCOW, March 1 (Reuters) - The grain corridor stayed shut for a third week."
    assert speakers_of(text)[:1] == [(speaker, ":", content)]


@pytest.mark.parametrize("line", [
    "Sanctions are hurting the economy: Survey",  # a common noun
    "War in Ukraine enters its third year: Kyiv",  # a dateline's capital
    "Grain prices are rising fast: Reuters explainer",
])
def test_a_last_word_that_is_no_surname_names_no_speaker(line):
    assert all(cue != ":" for _, cue, _ in speakers_of(f"{line}\n\nThe grain corridor stayed shut for a week."))


@pytest.mark.parametrize("text, speaker, content", [
    # a transcript: another line's label in capitals makes this one a speaker's, though the article names no Macron
    ("A reporter asked about troops.\n\nREPORTER: Will France send soldiers to Ukraine?\n\nMACRON: Nothing "
     "should be ruled out in this war.", "MACRON", "Nothing should be ruled out in this war"),
    # one line in the first person
    ("The minister spoke at a news conference.\n\nKULEBA: I told Blinken we need Patriots, not promises.",
     "KULEBA", "I told Blinken we need Patriots, not promises"),
])
def test_a_transcript_label_the_article_names_nowhere_else_is_a_speaker(text, speaker, content):
    assert (speaker, ":", content) in speakers_of(text)


@pytest.mark.parametrize("text", [
    # a heading in capitals over a line of the article's own: no first person, no other labelled line
    "The strike hit the city at dawn.\n\nCASUALTIES: Five people died and twelve were wounded in the strike.",
    "The strike hit the city at dawn.\n\nUPDATE: We have learned that five people died.",
])
def test_a_heading_in_capitals_is_no_transcript_label(text):
    assert all(cue != ":" for _, cue, _ in speakers_of(text))


def test_a_transcript_label_is_a_person_named_by_the_fullest_label_the_transcript_gives():
    text = ("Video transcript:\n\nKATE BOULDUAN: Why will the campaign not debate in New York this month?\n\n"
            "JOEL BENENSON: This is a man who said he would never run a negative ad.\n\n"
            "BOULDUAN: You were open to more debates back in January, were you not?")
    frame = stance.extract([Article("t", text)])
    turns = frame[frame["cue"] == ":"]
    assert turns["text"].str[:8].tolist() == ["Why will", "This is ", "You were"]
    assert turns[["speaker", "speaker_type", "speaker_resolution"]].values.tolist() == [
        ["KATE BOULDUAN", "person", "name"], ["JOEL BENENSON", "person", "name"], ["KATE BOULDUAN", "person", "name"]]


def test_a_transcripts_turn_needs_no_verb_and_a_digests_topics_are_no_speakers():
    text = ("Dmytro Kuleba sat down with CNN on Tuesday.\n\nKATE BOULDUAN: Minister, what do you need most right "
            "now?\n\nKULEBA: Air defence, air defence and air defence.\n\nBOULDUAN: And the F-16s?")
    assert speakers_of(text)[1:] == [("Dmytro Kuleba", ":", "Air defence, air defence and air defence"),
                                     ("KATE BOULDUAN", ":", "And the F-16s?")]
    digest = ("War at a glance\n\nFRONT LINE: Russian troops advanced near Pokrovsk overnight.\n\nENERGY: Ukraine "
              "restored power to 200,000 homes.\n\nDIPLOMACY: EU ministers meet in Brussels to discuss sanctions.")
    assert all(cue != ":" for _, cue, _ in speakers_of(digest))


def test_a_transcript_label_with_a_note_on_how_the_words_came_is_still_the_speakers():
    text = ("President Volodymyr Zelenskyy spoke to reporters in Kyiv.\n\nREPORTER: Will Ukraine give up the "
            "Donbas?\n\nZELENSKYY (through translator): We will not give up Donbas, not now and not ever.")
    assert ("Volodymyr Zelenskyy", ":", "We will not give up Donbas, not now and not ever") in speakers_of(text)


def test_a_short_transcript_label_takes_the_fullest_name_though_the_prose_gives_a_shorter_one():
    text = ("Brennan hosted the show on Sunday.\n\nMARGARET BRENNAN: Will the plan pass?\n\nSULLIVAN: I think it "
            "will.\n\nBRENNAN: The White House has not endorsed it.")
    assert speakers_of(text)[-1] == ("MARGARET BRENNAN", ":", "The White House has not endorsed it")


def test_a_transcript_whose_turns_address_someone_keeps_the_interviewers_questions():
    text = ("Secretary General Mark Rutte joined the program from The Hague.\n\nJUDY WOODRUFF: Will allies reach "
            "the five percent target?\n\nRUTTE: Yes. Every ally except one has signed up.\n\nRUTTE: You know "
            "which one.")
    assert speakers_of(text)[0] == ("JUDY WOODRUFF", ":", "Will allies reach the five percent target?")


def test_a_transcript_label_takes_the_prose_name_the_tagger_took_for_a_body():
    # `Christiane Amanpour` reads as an organisation to the tagger here; her label still gives her full name
    text = ("Ukraine's foreign minister sat down with CNN's Christiane Amanpour in Kyiv on Monday.\n\nAMANPOUR: Will "
            "the city have heat this winter?\n\nKULEBA: I promise you that every school will be warm by November.")
    assert ("Christiane Amanpour", ":", "Will the city have heat this winter?") in speakers_of(text)
    # a title before the surname is no part of the name (`President Stubb` gives no `President` first name)
    text = ("President Stubb met reporters in Helsinki.\n\nSTUBB: I told them we will keep helping Ukraine.")
    assert speakers_of(text)[0][0] != "President Stubb"
