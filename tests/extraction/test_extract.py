"""Extraction rules, one table row per rule, on sentences written for these tests (not the seed's)."""

from __future__ import annotations

import pytest

import stance
from stance.extraction.acronyms import defined_acronyms
from stance.records import Article


def quotes_of(text: str):
    frame = stance.extract([Article("t", text)])
    return [
        (row.quote_type, row.text, row.speaker, row.speaker_type)
        for row in frame.itertuples()
    ]


def find(quotes, fragment):
    hits = [q for q in quotes if fragment in q[1]]
    assert hits, f"no quote containing {fragment!r} in {quotes}"
    return hits[0]


@pytest.mark.parametrize(
    "text, fragment, quote_type, speaker",
    [
        # Direct quote, cue after it, inverted and not.
        ("“We will not give up an inch of our land,” Maia Sandu said on Tuesday.",
         "We will not give up an inch of our land,", "direct", "Maia Sandu"),
        ("“The shelling went on all night,” said Oleksandr Prokudin, the governor of Kherson.",
         "The shelling went on all night,", "direct", "Oleksandr Prokudin"),
        # Cue before the quote, with a colon.
        ("Olaf Scholz told reporters: “Germany will deliver the air defence systems this month.”",
         "Germany will deliver the air defence systems this month.", "direct", "Olaf Scholz"),
        # Indirect speech with and without `that`.
        ("Antonio Guterres warned that the fighting could spread to the nuclear plant.",
         "the fighting could spread to the nuclear plant", "indirect", "Antonio Guterres"),
        ("Mark Rutte said the alliance would keep supplying ammunition.",
         "the alliance would keep supplying ammunition", "indirect", "Mark Rutte"),
        # `according to`, after and before the content.
        ("Two bridges were destroyed overnight, according to Dmytro Kuleba.",
         "Two bridges were destroyed overnight", "indirect", "Dmytro Kuleba"),
        ("According to Josep Borrell, the sanctions package will be adopted next week.",
         "the sanctions package will be adopted next week", "indirect", "Josep Borrell"),
        # `described X as Y`.
        ("Kaja Kallas described the strike on the hospital as a deliberate act of terror.",
         "the strike on the hospital as a deliberate act of terror", "indirect", "Kaja Kallas"),
        # Mixed: a that-clause embedding a quoted fragment.
        ("Andriy Yermak warned that without new deliveries “the front will not hold” in the east.",
         "without new deliveries", "mixed", "Andriy Yermak"),
    ],
)
def test_quote_and_speaker(text, fragment, quote_type, speaker):
    found = find(quotes_of(text), fragment)
    assert found[0] == quote_type
    assert found[2] == speaker


def test_partial_quotes_after_a_naming_cue_are_one_quote_each():
    text = ("Mary Ellis, a historian at Oxford, went further, calling the raid “a turning point” "
            "and a “masterpiece of planning.”")
    quotes = quotes_of(text)
    assert find(quotes, "a turning point")[:3] == ("direct", "a turning point", "Mary Ellis")
    assert find(quotes, "masterpiece of planning")[2] == "Mary Ellis"


def test_relative_clause_speaker_is_the_named_person_in_apposition():
    text = ("The raid was planned for months, according to Petro Bondar, the commander of the unit, "
            "who called the attack “a lesson for the invaders.”")
    quotes = quotes_of(text)
    assert find(quotes, "a lesson for the invaders")[2] == "Petro Bondar"


def test_pronoun_resolves_to_the_canonical_full_name():
    text = ("Prime Minister Denys Shmyhal met donors in Rome on Monday.\n\n"
            "He said that reconstruction would cost more than 400 billion dollars.\n\n"
            "Shmyhal added that the first projects would start in spring.")
    quotes = quotes_of(text)
    assert find(quotes, "reconstruction would cost")[2] == "Denys Shmyhal"
    assert find(quotes, "the first projects would start")[2] == "Denys Shmyhal"


def test_role_noun_resolves_to_the_person_holding_the_role():
    text = ("Finnish President Alexander Stubb arrived in Kyiv on Friday.\n\n"
            "The president said that Finland would send another aid package.")
    assert find(quotes_of(text), "Finland would send")[2] == "Alexander Stubb"


def test_quoted_paragraph_after_a_speakers_line_keeps_the_speaker():
    text = ("“We have lost many good people,” said Iryna Vereshchuk.\n\n"
            "“Every family in this town has someone at the front. Nobody here wants to leave.”")
    quotes = quotes_of(text)
    assert find(quotes, "Every family in this town")[2] == "Iryna Vereshchuk"


def test_quote_continuing_over_paragraphs_without_a_closing_mark():
    text = ("Oksana Pokalchuk said: “The evacuation buses left at dawn. Some people refused to go.\n\n"
            "“We will try again tomorrow.”")
    quotes = quotes_of(text)
    assert find(quotes, "The evacuation buses left at dawn")[2] == "Oksana Pokalchuk"
    assert find(quotes, "We will try again tomorrow")[2] == "Oksana Pokalchuk"


@pytest.mark.parametrize(
    "text",
    [
        "The drones struck during operation “Spiderweb” on Sunday.",
        "Residents gathered to watch the film “Twenty Days in Mariupol” in the square.",
        "The so-called “referendums” were held under occupation.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(text):
    assert quotes_of(text) == []


def test_action_without_content_is_not_a_quote():
    assert quotes_of("Viktor Orban expressed frustration with the decision.") == []


@pytest.mark.parametrize(
    "text, speaker_type",
    [
        ("Ukrainian officials said the convoy reached Sumy.", "group"),
        ("Poland’s foreign ministry said the ambassador had been summoned.", "organization"),
        ("Jens Stoltenberg said the alliance stood united.", "person"),
        ("The Republican front-runner said the aid package was too large.", "person"),
    ],
)
def test_speaker_types(text, speaker_type):
    assert quotes_of(text)[0][3] == speaker_type


def test_offsets_index_the_article_and_carry_the_role():
    text = "Intro line.\r\n\r\nSergiy Kyslytsya, Ukraine’s envoy to the UN, said the vote was a victory."
    frame = stance.extract([Article("a", text)])
    row = frame.iloc[0]
    assert text[row.start:row.end] == row.text
    assert row.quote_id == f"a:{row.start}-{row.end}"
    assert row.speaker == "Sergiy Kyslytsya"
    assert "envoy" in row.speaker_role
    assert row.cue_sentence == "Sergiy Kyslytsya, Ukraine’s envoy to the UN, said …."  # what the labels read beside it


def test_unbalanced_marks_do_not_raise_and_keep_the_quote():
    text = ("Halyna Yanchenko said: “The vote was delayed again because of the air alerts in the capital\n\n"
            "Next paragraph.")
    quotes = quotes_of(text)
    assert find(quotes, "The vote was delayed again")[2] == "Halyna Yanchenko"


@pytest.mark.parametrize(
    "text, fragment, speaker",
    [
        # A quoted run continues the nearest speaker's quote, not an earlier run further back.
        ("“The bridge is gone,” said Taras Melnyk on Monday.\n\n"
         "“Nobody crossed it for a week. The ferry is all we have.”\n\n"
         "The river rose again on Tuesday.\n\nThe army sent engineers.\n\nThe work went slowly.\n\n"
         "“We will rebuild it,” Olena Hrytsenko said, pointing at the river. “It will take a year. Maybe two.”",
         "It will take a year", "Olena Hrytsenko"),
        # A cue opening the next paragraph does not sign the quoted run before it.
        ("“The power came back at noon,” said Larysa Koval on Sunday.\n\n"
         "“The hospital can work again.”\n\n"
         "Mykola Bondarenko added, “The water pumps are next.”",
         "The hospital can work again", "Larysa Koval"),
        # A sentence ending inside a title's closing mark still ends: the next quote continues the run.
        ("“We lost the village twice,” Bohdan Kravets, a platoon commander, said Thursday on the radio show "
         "“Morning Front.” “Each time we took it back within a day.”",
         "Each time we took it back", "Bohdan Kravets"),
        # `he said, but “…”`: a conjunction joins a second quote to the same cue.
        ("Mayor Ivan Petrenko met the harbour workers.\n\n"
         "“I respect the council,” he said, but “its plan for the harbour will not work.”",
         "its plan for the harbour", "Ivan Petrenko"),
    ],
)
def test_quoted_runs_and_joined_quotes(text, fragment, speaker):
    assert find(quotes_of(text), fragment)[2] == speaker


def test_a_cue_in_the_next_paragraph_still_signs_a_quote_nothing_else_claims():
    text = "“Stay at home tonight and keep the windows shut.”\n\nIvan Petrenko said, “The shelling will go on.”"
    assert find(quotes_of(text), "Stay at home tonight")[2] == "Ivan Petrenko"


def test_a_colon_quote_keeps_the_reported_clause_before_it():
    quotes = quotes_of("Petrenko Says City Needs More Generators Before Winter: 'Running Out Of Time'")
    assert find(quotes, "City Needs More Generators")[:3] == (
        "indirect", "City Needs More Generators Before Winter", "Petrenko")
    assert find(quotes, "Running Out Of Time")[2] == "Petrenko"


def _parsed(words, heads, deps, pos, ents, lemmas):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "”") and words[i] != "“"
              for i in range(len(words))]
    return Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas)


@pytest.mark.parametrize(
    "name_entity, speaker",
    [
        # The parse gives `said` no subject: the name before its apposition speaks, never the date after.
        ("B-PERSON", "Kravets"),
        # No person before the verb: a date beside it is still no speaker.
        ("O", None),
    ],
)
def test_a_subjectless_speech_verb_takes_the_name_before_its_apposition(name_entity, speaker):
    from stance.extraction.sources import find_source

    words = ["“", "Supplies", "ran", "out", ",", "”", "Kravets", ",", "a", "top", "adviser", ",", "said",
             "Friday", "."]
    heads = [2, 2, 12, 2, 12, 12, 12, 6, 10, 10, 6, 12, 12, 12, 12]
    deps = ["punct", "nsubj", "ccomp", "prt", "punct", "punct", "npadvmod", "punct", "det", "amod", "appos",
            "punct", "ROOT", "npadvmod", "punct"]
    pos = ["PUNCT", "NOUN", "VERB", "ADP", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "PUNCT",
           "VERB", "PROPN", "PUNCT"]
    ents = ["O"] * 6 + [name_entity] + ["O"] * 6 + ["B-DATE", "O"]
    lemmas = [w.lower() for w in words[:12]] + ["say", "friday", "."]
    doc = _parsed(words, heads, deps, pos, ents, lemmas)
    quote = (doc[1].idx, doc[5].idx)
    source = find_source(doc[12], [quote])
    assert (source.text if source is not None else None) == speaker


def test_parsing_groups_pieces_by_characters_so_one_huge_article_parses_in_bounded_memory():
    from stance.extraction.nlp import PARSE_BATCH_CHARS, _groups

    pieces = ["x" * 90_000] * 5 + ["short"] * 40 + ["y" * (PARSE_BATCH_CHARS + 1)]
    groups = list(_groups(pieces, batch_size=32, max_chars=PARSE_BATCH_CHARS))
    assert [p for group in groups for p in group] == pieces  # every piece once, in order
    assert all(len(g) <= 32 for g in groups)
    assert all(sum(map(len, g)) <= PARSE_BATCH_CHARS or len(g) == 1 for g in groups)
    assert len(groups[0]) == 2  # two 90k pieces fit, a third does not


def test_a_long_single_line_article_gives_the_quotes_of_its_sentences(nlp):
    from stance.config import ExtractConfig
    from stance.extraction.nlp import parse_texts
    from stance.extraction.quotes import extract_article

    sentence = "“We will not give up our land,” Maria Lopez said on Monday. Talks resumed in Geneva. "
    text = sentence * 400  # one line of 34,000 characters, cut into pieces of 5,000 at sentence ends
    chunks = next(parse_texts(nlp, [text], max_chars=5_000, batch_size=8))
    assert len(chunks) > 6 and all(len(c.doc.text) <= 5_000 for c in chunks)
    quotes = extract_article(Article("long", text), chunks, ExtractConfig(max_chunk_chars=5_000))
    assert [q.text for q in quotes] == ["We will not give up our land,"] * 400
    assert {q.speaker.name for q in quotes} == {"Maria Lopez"}


def test_a_named_organisation_is_one_speaker_with_or_without_its_article():
    text = ("The Kremlin said the talks were over. Kremlin spokesman Dmitry Peskov spoke later. Kremlin officials "
            "were silent. The Kremlin later said that a new round was possible. The ministry said the border was shut.")
    frame = stance.extract([Article("t", text)])
    named = frame[frame["speaker_mention"].str.contains("Kremlin")]
    assert set(named["speaker"]) == {"Kremlin"} and "The Kremlin" in set(named["speaker_mention"])
    # an unnamed body keeps its article
    assert frame["speaker"].tolist()[-1] == "The ministry"


def test_invisible_characters_leave_names_and_keep_offsets():
    # a zero-width joiner inside one mention, a right-to-left mark before another, a byte-order mark before a third
    text = ("Foreign Minister Andrii Sy\u200dbiha said that the talks had failed.\n\n"
            "\u200fSybiha added that the next round would be in Geneva.\n\n"
            "“We are ready,” \ufeffSybiha told reporters.")
    frame = stance.extract([Article("t", text)])
    assert len(frame) == 3
    assert set(frame["speaker"]) == {"Andrii Sybiha"}
    assert not frame["speaker_mention"].str.contains("[\u200d\u200f\ufeff]").any()
    for row in frame.itertuples():
        assert text[row.start:row.end] == row.text  # offsets still index the text as read


def test_parseable_keeps_length_and_words_and_blanks_edge_marks():
    from stance.extraction.nlp import parseable
    from stance.records import Speaker, visible

    text = "\ufeffSay \u200fhello to Sy\u200dbiha\u200b."
    cleaned = parseable(text)
    assert len(cleaned) == len(text)
    assert cleaned == " Say  hello to Sy\u200dbiha ."  # a joiner inside a word stays: the word stays one token
    assert visible("Sy\u200dbi\u202eha") == "Sybiha"
    assert Speaker("An\u200bna K", "\u200fAnna").name == "Anna K" and Speaker("x", "\u200fAnna").mention == "Anna"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("＂We will not retreat from the river,＂ General Oleksandr Syrskyi said on Friday.",
     "We will not retreat from the river", "Oleksandr Syrskyi"),
    ("‹We will hold the line until spring›, Oleksandr Syrskyi said on Friday.",
     "We will hold the line until spring", "Oleksandr Syrskyi"),
])
def test_fullwidth_marks_and_single_guillemets_are_quotation_marks(text, fragment, speaker):
    frame = stance.extract([Article("t", text)])
    hits = frame[frame["text"].str.contains(fragment)]
    assert len(hits) == 1 and hits.iloc[0]["speaker"] == speaker and hits.iloc[0]["quote_type"] == "direct"
    assert text[hits.iloc[0]["start"]:hits.iloc[0]["end"]] == hits.iloc[0]["text"]


@pytest.mark.parametrize("text", [
    'Residents can call the hotline "0800 500 225" at any time, the regional council said on Monday.',
    'The embassy said its number was “+380 44 256 7000”.',
    '“1,200” soldiers were moved to the border, General Petro Ivanenko said.',
])
def test_numbers_in_quotation_marks_are_never_quotes(text):
    frame = stance.extract([Article("t", text)])
    assert not frame["text"].str.fullmatch(r"[\d\s,.+()-]+").any()
    assert (frame["quote_type"] != "direct").all() and (frame["quote_type"] != "mixed").all()


@pytest.mark.parametrize("text, quoted", [
    ("The alliance welcomed its new member Sweden at a ceremony in Brussels on Thursday.", None),
    ("The mayor welcomed the first evacuees from Kherson at the railway station.", None),
    ("Chancellor Olaf Scholz called the Polish prime minister on Monday evening.", None),
    ("The foreign minister welcomed the decision to send more air defence systems.", "the decision to send"),
    ("The senator called the invasion a crime against the whole of Europe.", "the invasion a crime"),
])
def test_welcoming_or_calling_someone_is_not_a_quote(text, quoted):
    frame = stance.extract([Article("t", text)])
    if quoted is None:
        assert frame.empty, frame[["quote_type", "text"]].values.tolist()
    else:
        assert frame["text"].str.contains(quoted).any()


@pytest.mark.parametrize("text, speaker", [
    # a verbless introduction ending in a colon, in its own paragraph
    ("And from Foreign Minister Andrii Sybiha:\n\n“The door to talks stays open, but not at any price.”",
     "Andrii Sybiha"),
    # a sign-off line under the quote, with a hyphen or a dash
    ("“The door to talks stays open, but not at any price.”\n\n- Foreign Minister Andrii Sybiha", "Andrii Sybiha"),
    ("“The door to talks stays open, but not at any price.”\n— Sybiha\n\nThe talks resumed in May.", "Sybiha"),
    # the name before a comma, not the body of the role after it
    ("“The door to talks stays open, but not at any price.”\n\n— Andriy Yermak, head of the Presidential Office",
     "Andriy Yermak"),
])
def test_colon_introductions_and_sign_off_lines_name_the_speaker(text, speaker):
    frame = stance.extract([Article("t", text)])
    quote = frame[frame["text"].str.startswith("The door to talks")]
    assert len(quote) == 1 and quote.iloc[0]["speaker"] == speaker
    assert not quote.iloc[0]["speaker_mention"].startswith(("-", "—"))


def test_a_dash_line_that_names_no_one_signs_nothing():
    text = "“The door to talks stays open, but not at any price.”\n\n- The list of the towns follows below."
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == [""]


def test_two_speakers_quotes_with_different_marks_stay_two_quotes():
    text = "“We want peace,” said Anna Kovalenko, while Ivan Petrenko replied: «Never with them»."
    frame = stance.extract([Article("t", text)])
    assert sorted(zip(frame["text"], frame["speaker"])) == [("Never with them", "Ivan Petrenko"),
                                                            ("We want peace,", "Anna Kovalenko")]


@pytest.mark.parametrize("text, first, second", [
    ("Lavrov said “the offer is a trap” and the envoy added ‘we will not sign it’.",
     ("the offer is a trap", "Lavrov"), ("we will not sign it", "the envoy")),
    ("Lavrov said “the offer is a trap” and Nadia Horak replied “we will wait”.",
     ("the offer is a trap", "Lavrov"), ("we will wait", "Nadia Horak")),
    ("Olena Bondar said that the bridge is closed and the mayor added that it will reopen in May.",
     ("the bridge is closed", "Olena Bondar"), ("it will reopen in May", "the mayor")),
    ("The general said the front was quiet, and the minister insisted that more shells were needed.",
     ("the front was quiet", "The general"), ("more shells were needed", "the minister")),
])
def test_a_second_report_joined_by_and_is_its_own_quote(text, first, second):
    """`X said “A” and Y added “B”`: the conjoined report with its own subject and clause is a second quote,
    never the tail of the first one's content."""
    frame = stance.extract([Article("t", text)])
    assert sorted(zip(frame["text"], frame["speaker"])) == sorted([first, second])


def test_each_quote_says_where_its_speaker_and_cue_stand_and_how_the_speaker_was_found():
    text = ("Defence Minister Anna Kovalenko visited the front on Monday.\n\n"
            "“We need more shells,” she said. Helsinki says that the border will stay closed. "
            "According to the Defence Ministry, 40 drones were shot down. Officials warned that more attacks "
            "were coming. The minister added that the shells would arrive in May. "
            "“Hold the line,” Kovalenko told the troops.")
    frame = stance.extract([Article("t", text)]).set_index("text")
    rows = {fragment: frame.loc[[t for t in frame.index if t.startswith(fragment)][0]]
            for fragment in ("We need", "the border", "40 drones", "more attacks", "the shells", "Hold the")}
    expected = {"We need": ("she", "pronoun", "said"), "the border": ("Helsinki", "place", "says"),
                "40 drones": ("the Defence Ministry", "organisation", "According to"),
                "more attacks": ("Officials", "role", "warned"), "the shells": ("The minister", "role", "added"),
                "Hold the": ("Kovalenko", "name", "told")}
    for fragment, (mention, resolution, cue) in expected.items():
        row = rows[fragment]
        assert text[row.speaker_start:row.speaker_end] == mention == row.speaker_mention
        assert row.speaker_resolution == resolution, fragment
        assert text[row.cue_start:row.cue_end] == cue
    assert rows["the border"].speaker == "Finland" and rows["the border"].speaker_type == "organization"
    assert rows["the shells"].speaker == rows["We need"].speaker == rows["Hold the"].speaker == "Anna Kovalenko"


def test_a_quote_without_a_speaker_has_no_offsets():
    frame = stance.extract([Article("t", "“This is a very long quotation that nobody signs at all,” the end.")])
    assert frame["speaker_resolution"].tolist() == ["none"]
    assert frame["speaker_start"].isna().all() and frame["cue_start"].isna().all()


def test_attribution_confidence_is_the_measured_share_of_its_cell(tmp_path, monkeypatch):
    import json

    from stance.extraction import confidence

    table = tmp_path / "attribution_confidence.json"
    table.write_text(json.dumps({"cells": {"direct/pronoun": 0.7, "*/pronoun": 0.6, "*/name": 0.9}}))
    monkeypatch.setattr(confidence, "TABLE_PATH", table)
    confidence._table.cache_clear()
    try:
        text = ("Defence Minister Anna Kovalenko visited the front on Monday.\n\n"
                "“We need more shells,” she said. She added that the shells would arrive in May. "
                "Kovalenko said that the front was holding.")
        frame = stance.extract([Article("t", text)]).set_index("text")
        assert frame.loc["We need more shells,", "attribution_confidence"] == 0.7  # its own cell
        assert frame.loc["the shells would arrive in May", "attribution_confidence"] == 0.6  # its resolution's
        assert frame.loc["the front was holding", "attribution_confidence"] == 0.9
        monkeypatch.setattr(confidence, "TABLE_PATH", tmp_path / "none.json")
        confidence._table.cache_clear()
        assert stance.extract([Article("t", text)])["attribution_confidence"].isna().all()
    finally:
        confidence._table.cache_clear()


def test_a_prediction_is_right_when_it_matches_a_gold_quote_with_the_same_speaker():
    import pandas as pd

    from stance.evaluate.quotes import attribution_correct

    gold = pd.DataFrame({"article_id": ["a", "a"], "start": [0, 50], "end": [40, 90],
                         "speaker": ["Anna Kovalenko", "Ivan Petrenko"], "speaker_mention": ["Kovalenko", "he"]})
    predicted = pd.DataFrame({"article_id": ["a", "a", "a", "b"], "start": [2, 52, 95, 0], "end": [38, 88, 120, 9],
                              "speaker": ["Anna Kovalenko", "Anna Kovalenko", "Anna Kovalenko", "X"],
                              "speaker_mention": ["she", "she", "she", "X"]})
    assert attribution_correct(gold, predicted).tolist() == [True, False, False, False]


@pytest.mark.parametrize("text, speaker, resolution", [
    ("A statement from the Kremlin said that the talks had been postponed.", "Kremlin", "organisation"),
    ("A report by the UN human rights office said that civilians were killed in the strike.",
     "UN human rights office", "organisation"),
    ("The Defence Ministry published a statement on Monday. The statement said that 40 drones were shot down.",
     "Defence Ministry", "organisation"),
    ("The ministry's statement said that the talks were over.", "The ministry", "organisation"),
    ("The announcement said the ceasefire would start at midnight.", "The announcement", "none"),
    ("General said that the army would hold.", "General", "role"),
])
def test_a_document_or_a_lone_title_as_speaker_is_traced_or_marked(text, speaker, resolution):
    frame = stance.extract([Article("t", text)])
    assert len(frame) == 1
    assert (frame.iloc[0]["speaker"], frame.iloc[0]["speaker_resolution"]) == (speaker, resolution)


@pytest.mark.parametrize("text, speaker", [
    ("Anna Kovalenko, the head of the border service, visited the crossing on Monday.\n\n"
     "The border chief said that the queues were getting shorter.", "Anna Kovalenko"),
    ("John Miller, the British defence secretary, met his allies in Brussels. "
     "The defence chief said that more aid would come.", "John Miller"),
    ("Kharkiv governor Oleh Synehubov reported new shelling on Monday.\n\n"
     "The governor said that two people were wounded.", "Oleh Synehubov"),
])
def test_a_role_noun_finds_the_person_who_holds_that_kind_of_role(text, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text, content, speaker", [
    ("Moscow's claim that Kyiv had shelled the plant was rejected by the agency.", "Kyiv had shelled the plant",
     "Russia"),
    ("The president rejected the ministry's warning that more strikes would come.", "more strikes would come",
     "the ministry"),
])
def test_a_claim_noun_with_a_that_clause_reports_its_holders_words(text, content, speaker):
    frame = stance.extract([Article("t", text)])
    row = frame[frame["text"] == content]
    assert len(row) == 1 and row.iloc[0]["speaker"] == speaker and row.iloc[0]["quote_type"] == "indirect"


@pytest.mark.parametrize("text, name", [
    ("Kellogg's said on Monday that it would stop selling cereal in Russia.", "Kellogg's"),
    ("Macy’s said the boycott had cost it sales.", "Macy’s"),
    ("The chain will leave Russia, according to McDonald's.", "McDonald's"),  # not a holder either
])
def test_a_possessive_ending_on_the_subject_is_part_of_the_name(text, name):
    row = stance.extract([Article("t", text)]).iloc[0]
    assert (row["speaker"], row["speaker_mention"]) == (name, name)
    assert text[row["speaker_start"]:row["speaker_end"]] == name


def test_a_claim_holders_possessive_is_not_part_of_the_name():
    text = "Berlin's warning that the pipeline was at risk went unheeded."
    row = stance.extract([Article("t", text)]).iloc[0]
    assert row["speaker_mention"] == "Berlin" and text[row["speaker_start"]:row["speaker_end"]] == "Berlin"


@pytest.mark.parametrize("text, content, speaker", [
    ("Peskov repeated the claim that Kyiv had staged the attack.", "Kyiv had staged the attack", "Peskov"),
    ("Kyiv stood by its assertion that the dam was blown up from inside.", "the dam was blown up from inside",
     "Ukraine"),
    ("Lawmakers persisted in arguments that the vote had been rigged.", "the vote had been rigged",
     "Lawmakers"),
    # an evaluative verb reports the claim noun itself: one quote, not two
    ("Lavrov reiterated his claim that Kyiv shelled the plant.", "his claim that Kyiv shelled the plant", "Lavrov"),
])
def test_a_claim_someone_asserts_as_their_own_is_theirs(text, content, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame[["text", "speaker"]].values.tolist() == [[content, speaker]]


def test_no_asserting_verb_is_an_evaluative_one():
    # an evaluative verb reports the claim noun itself (`reiterated his claim that …`); were it also an asserting
    # verb, the claim noun would report a second, nested quote
    from stance.extraction.lexicon import ASSERTING_VERBS, EVALUATIVE_VERBS

    assert not ASSERTING_VERBS & EVALUATIVE_VERBS


def test_a_claim_nobody_holds_is_not_a_quote():
    assert stance.extract([Article("t", "The claim that the plant was shelled is false.")]).empty


@pytest.mark.parametrize("text, content, speaker", [
    ("The talks, the minister said, would resume next week after the holiday.",
     "The talks, the minister said, would resume next week after the holiday", "the minister"),
    ("Too often, Olena Hrytsenko said, the aid convoys arrive after the shelling has started.",
     "Too often, Olena Hrytsenko said, the aid convoys arrive after the shelling has started", "Olena Hrytsenko"),
    # an apostrophe inside a word is not a quotation mark
    ("Back in Lviv, Mr. Koval said, he decided to rebuild the city's power station.",
     "Back in Lviv, Mr. Koval said, he decided to rebuild the city's power station", "Koval"),
])
def test_a_speech_verb_set_into_a_sentence_reports_the_sentence_around_it(text, content, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["text"].tolist() == [content]
    assert frame.iloc[0]["quote_type"] == "indirect" and frame.iloc[0]["speaker"] == speaker


@pytest.mark.parametrize("text, content, speaker", [
    ("As Mykola Lysenko pointed out, the new bridges will not carry heavy trucks before spring.",
     "the new bridges will not carry heavy trucks before spring", "Mykola Lysenko"),
    ("The harvest, as the farm ministry noted on Friday, is the smallest since the invasion began.",
     "The harvest, as the farm ministry noted on Friday, is the smallest since the invasion began",
     "the farm ministry"),
    ("Fuel prices rose again in October, as the central bank had predicted.",
     "Fuel prices rose again in October", "the central bank"),
])
def test_an_as_clause_with_a_speech_verb_reports_the_clause_it_stands_in(text, content, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["text"].tolist() == [content]
    assert frame.iloc[0]["quote_type"] == "indirect" and frame.iloc[0]["speaker"] == speaker


@pytest.mark.parametrize("text", [
    "As expected, the convoy reached the border on Sunday.",  # no speaker
    "The crowd cheered as the mayor thanked the firefighters.",  # an event: the verb has its own object
    "The hall fell silent as she was announced the winner.",  # passive, no agent
])
def test_an_as_clause_that_reports_nothing_is_not_a_quote(text):
    assert stance.extract([Article("t", text)]).empty


def test_an_as_clause_relaying_someone_elses_words_gives_them_to_the_original_speaker():
    text = "As the agency reported, the defence minister said that the new drones would arrive in March."
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["the defence minister"]


@pytest.mark.parametrize("text, content, speaker", [
    ("As reported by Interfax, the convoy reached the border on Sunday.", "the convoy reached the border on Sunday",
     "Interfax"),
    ("As stated in the ministry's report, the bridge will reopen in May.", "the bridge will reopen in May",
     "the ministry"),
])
def test_a_passive_as_clause_with_an_agent_or_an_authored_document_reports_the_clause_around_it(
        text, content, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["text"].tolist() == [content] and frame["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text", [
    "As shown in the video, the tanks crossed the river.",  # evidence, nobody's statement
    "As described in the report, the soldiers were moving north.",  # a document that names no author
])
def test_a_passive_as_clause_with_no_one_behind_it_is_not_a_quote(text):
    assert stance.extract([Article("t", text)]).empty


@pytest.mark.parametrize("text, content", [
    ("Because the winter is coming, Olena Bondar said, the grid needs repairs now.",
     "Because the winter is coming, Olena Bondar said, the grid needs repairs now"),
    ("When the war ends, the minister said, the country will need billions to rebuild.",
     "When the war ends, the minister said, the country will need billions to rebuild"),
])
def test_a_clause_before_a_parenthetical_cue_belongs_to_what_it_reports(text, content):
    frame = stance.extract([Article("t", text)])
    assert frame["text"].tolist() == [content] and frame.iloc[0]["quote_type"] == "indirect"


def test_a_date_after_a_prepositional_cue_is_not_what_was_called_for():
    frame = stance.extract([Article("t", "The mayor called Friday for an inquiry into the blackout.")])
    assert frame["text"].tolist() == ["an inquiry into the blackout"]


@pytest.mark.parametrize("text, content", [
    ("Putin called 2022 a turning point for Russia.", "2022 a turning point for Russia"),
    ("The minister described the past year as the hardest since independence.",
     "the past year as the hardest since independence"),
])
def test_a_date_that_is_what_was_named_stays_in_the_content(text, content):
    assert stance.extract([Article("t", text)])["text"].tolist() == [content]


def test_a_clause_in_the_past_before_a_parenthetical_cue_in_the_past_is_not_what_was_said():
    frame = stance.extract([Article("t", "When reporters pressed him, the minister said, the army had enough shells.")])
    assert not any(text.startswith("When reporters") for text in frame["text"])


@pytest.mark.parametrize("text, content, speaker", [
    # an adjective of belief with a that-clause, as `believe` and `fear`
    ("Many officials are afraid that the ceasefire will not hold.", "the ceasefire will not hold", "Many officials"),
    ("The general came away convinced that the offensive had stalled.", "the offensive had stalled",
     "The general"),
    # `make` with a word of saying
    ("Olena Bondar made it clear that Kyiv would not cede territory.", "Kyiv would not cede territory",
     "Olena Bondar"),
    ("The ministry tried to make the case that the sanctions were working.", "the sanctions were working",
     "The ministry"),
    # the that-clause hung on `make`, and `clear` without `that`
    ("The envoy made the case to both delegations that a truce was near.", "a truce was near", "The envoy"),
    ("Olena Bondar made it clear she would not resign.", "she would not resign", "Olena Bondar"),
])
def test_a_clause_held_by_an_adjective_of_belief_or_made_clear_is_reported_speech(text, content, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["text"].tolist() == [content] and frame["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text", [
    "It is certain that the bridge will fall.",  # nobody holds it: the reporter's voice
    "It seems sure that the talks will fail.",
    "I am confident that the line will hold.",  # the writer, outside quotation marks
    "The results made it clear that the vote was rigged.",  # a thing makes nothing clear in words
    "The rain made it clear the match would be delayed.",
    "He made his point loudly so that everyone could hear.",  # a purpose, not what was said
    "It repeated the claim that the strike had missed.",
    "The army made sure that no civilians were left.",  # `made sure`: ensured
    "As shown by the ministry's figures, the front has not moved.",  # evidence, not a statement
    "As expected by analysts, the central bank raised interest rates.",  # the reporter's fact, as expected
    "As requested by Ukraine, the tanks will arrive in March.",
    "As reported earlier by this newspaper, the deal collapsed.",  # the writer's own outlet
    "The drought's threat to destroy crops worried farmers.",  # a thing threatens nothing in words
    "The police cited the driver for speeding.",  # a summons, not a statement
])
def test_a_clause_nobody_states_is_not_a_quote(text):
    assert stance.extract([Article("t", text)]).empty


@pytest.mark.parametrize("text, content, speaker", [
    ("The minister cited the destruction of the dam as proof of Russian intent.",
     "the destruction of the dam as proof of Russian intent", "The minister"),
    ("Citing the release of prisoners, the envoy said talks had made progress.", "the release of prisoners",
     "the envoy"),
])
def test_what_someone_cites_is_what_they_said(text, content, speaker):
    quote = find(quotes_of(text), content)
    assert quote[1] == content and quote[2] == speaker


@pytest.mark.parametrize("text", [
    "The newspaper reported the deal, citing two officials.",  # relayed speech: the officials are a source
    "The agency described the deal, citing a statement.",  # a document the words come from
])
def test_citing_a_source_is_not_itself_a_quote(text):
    assert not any(q[1].startswith(("two officials", "a statement")) for q in quotes_of(text))


def test_a_promise_or_threat_with_an_infinitive_is_its_holders_claim():
    frame = stance.extract([Article("t", "The governor's threat to cut off water to the city alarmed residents.")])
    assert frame["text"].tolist() == ["to cut off water to the city"]
    assert frame["speaker"].tolist() == ["The governor"]


def test_quoted_fragments_in_a_clause_with_a_parenthetical_cue_belong_to_its_speaker():
    # the clause with its fragments is one mixed quote (LABELS.md §1), so the claim around them is kept
    text = "Most farmers, the minister said, can “plant again by April” and “sell abroad by the summer.”"
    frame = stance.extract([Article("t", text)])
    assert frame["text"].tolist() == [text]
    assert set(frame["speaker"]) == {"the minister"} and set(frame["quote_type"]) == {"mixed"}


def test_a_parenthetical_cue_between_quoted_words_is_left_to_the_quotation_marks():
    frame = stance.extract([Article("t", "“The bridge is gone,” the mayor said, “and the ferry is all we have.”")])
    assert "indirect" not in set(frame["quote_type"]) and set(frame["speaker"]) == {"the mayor"}


def test_a_second_speech_verb_conjoined_to_the_content_ends_it():
    text = ("Petro Bondar said he would order a review of the city's air defences and warned against "
            "complacency over the winter.")
    frame = stance.extract([Article("t", text)])
    first = frame[frame["text"].str.startswith("he would order")]
    assert first["text"].tolist() == ["he would order a review of the city's air defences"]


def test_a_speech_verb_conjoined_inside_a_reported_clause_keeps_the_outer_speaker():
    text = ("Finland told the summit the blackout in the region has reached a critical point, and urged the "
            "ministers to send generators.")
    frame = stance.extract([Article("t", text)])
    urged = frame[frame["cue"] == "urged"]
    assert urged["speaker"].tolist() == ["Finland"]


@pytest.mark.parametrize("text, speaker", [
    # relayed speech (LABELS.md §6): the original speaker, not the agency or the document relaying it
    ("According to the bulletin, the navy said that two drones were shot down over the bay.", "the navy"),
    ("Interfax reported on Monday: \"A regional governor said the power plant was hit twice overnight.\"",
     "A regional governor"),
])
def test_relayed_speech_belongs_to_its_original_speaker(text, speaker):
    frame = stance.extract([Article("t", text)])
    assert len(frame) == 1 and frame.iloc[0]["speaker"] == speaker


def test_a_relaying_person_keeps_a_quote_that_reports_someone_else():
    text = "Anna Kovalenko said: \"The mayor said the shelters were ready, and they were not.\""
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Anna Kovalenko"]


@pytest.mark.parametrize("text, speaker, resolution", [
    ("Moldova filed a complaint on Tuesday. The country said that the ballots were illegal.", "Moldova", "place"),
    ("Officials in Odesa counted the damage. The country said that the ballots were illegal.", "The country",
     "none"),
])
def test_the_country_is_the_country_named_before_it(text, speaker, resolution):
    frame = stance.extract([Article("t", text)])
    assert (frame.iloc[0]["speaker"], frame.iloc[0]["speaker_resolution"]) == (speaker, resolution)


def test_a_name_the_tagger_took_for_a_place_is_a_person_by_the_role_beside_it():
    # `Margot Vandervelden` is tagged as a place; the role in apposition makes it a person, whom `she` refers to
    text = ("“We are in a tragic situation,” said Margot Vandervelden, WFP interim regional director for Western "
            "Africa. “We must take immediate action,” she said. Kyiv said it would not retreat.")
    frame = stance.extract([Article("t", text)])
    assert frame[["speaker", "speaker_type", "speaker_resolution"]].values.tolist() == [
        ["Margot Vandervelden", "person", "name"], ["Margot Vandervelden", "person", "pronoun"],
        ["Ukraine", "organization", "place"]]


def test_an_interview_speaks_for_the_one_interviewed():
    text = "The convoy was stopped twice at the border, according to an interview with Marta Nowak, a Polish MP."
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Marta Nowak"]


def test_a_role_abbreviation_tagged_as_a_body_finds_the_person_who_holds_it():
    text = ("Peter Schmidt, then a member of the European Parliament (MEP), visited the port. "
            "The MEP said that the cranes had been hit.")
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Peter Schmidt"]


@pytest.mark.parametrize("text, speaker", [
    # `it said` speaks for the body named before it; a capital speaks for its country
    ("The Red Cross opened a new office in the city on Monday. “Our teams are working day and night,” it said.",
     "Red Cross"),
    ("Moscow rejected the proposal on Friday. It said that the talks were pointless.", "Russia"),
    ("The Danish Refugee Council counted 300 families in the camp. It said the shelters were full and more tents "
     "were needed.", "Danish Refugee Council"),
    # under the name it had when it spoke, possessor and all
    ("Russia's Defence Ministry said the drones were shot down. It said two pilots were killed.",
     "Russia's Defence Ministry"),
])
def test_it_said_speaks_for_the_organisation_named_before_it(text, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist()[-1] == speaker and frame["speaker_resolution"].tolist()[-1] == "pronoun"


@pytest.mark.parametrize("text, speaker", [
    # someone named only inside another's reported words is not who speaks next
    ("In a message to Reuters, Mykola Hrytsenko, an adviser to the governor, said the claims were serious and "
     "doubted whether Ivan Sokolenko was fit to lead. “One should take this seriously,” he said.", "Mykola Hrytsenko"),
    # `according to X` gives X the words, so X speaks on
    ("According to Pavlo Hrab, the administration has replaced four commanders because many disagreed with Dmitri "
     "Orlov. “We are on our fourth commander,” he said.", "Pavlo Hrab"),
    # the nearest sentence that names someone, even when not as its subject
    ("Angela Weber opened the debate on Monday. The debate later turned to a letter from the Dutch minister Pieter "
     "de Vries. He said that the embassy would stay closed.", "Pieter de Vries"),
    # a name the tagger missed, speaking after its role
    ("Ukrainian intelligence chief Major-General Petro Lysenko said that the fires were no accident. “Much of this "
     "is our work,” he said.", "Petro Lysenko"),
    # not the one the pronoun does something to in a clause without a subject of its own
    ("Ivan Petrov arrived on Monday. After meeting Vladimir Putin in Moscow, he said the war would end soon.",
     "Ivan Petrov"),
    ("Anna Kovalenko arrived on Monday. Speaking to Joe Biden by phone, she said the war would end soon.",
     "Anna Kovalenko"),
    # but a name the subject is given (`Born as X`) is the subject's
    ("Anna Kovalenko spoke first. Born as Maria Ivanova, she later said that the war would end soon.",
     "Maria Ivanova"),
    # a pronoun that is a sentence's subject since the mention carries the chain: `he said` is who `He claimed` is
    ('"Sweden is behind the conclusion that full membership is the only reasonable choice," Kristersson said.\n\n'
     'On Wednesday tensions between Russia and Nordic countries were on display during new remarks of Finnish '
     'Prime Minister Petteri Orpo.\n\nHe claimed in a speech before the parliament that Moscow is preparing for a '
     '"long conflict with the West."\n\n"If we fail to respond to this challenge, the coming years will be filled '
     'with danger," he said.', "Petteri Orpo"),
    # words without a capital that the tagger took for a person are no name (`’s keeper`), nor a word made from a
    # name (`pro-Putin`), which never becomes that person's full name
    ("Vladimir Putin spoke on Monday. Yevgeny Satanovsky is one of the most popular pro-Putin pundits. “Washington "
     "will disappear,” Putin said.", "Vladimir Putin"),
    ("“We must leave now,” said Ivan Petrov. He urged the residents to remember to be their brother’s keeper "
     "in the new city. “Help each other,” he added.", "Ivan Petrov"),
])
def test_a_pronoun_that_speaks_finds_the_one_who_spoke_before(text, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist()[-1] == speaker


def test_a_pronoun_never_takes_its_antecedent_from_the_quote_it_speaks():
    text = ("Researchers at the lab said the campaigns had grown. The most active of them is linked to the "
            "Presidential Administration, they added.")
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Researchers", "Researchers"]


def test_who_hanging_on_the_wrong_word_finds_the_people_before_it():
    text = ("In the film we see the director in conversation with a group of young medics who argue that the "
            "hospital needs more generators.")
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["young medics"]


@pytest.mark.parametrize("text, speaker", [
    # a first name alone is the one person introduced before under it
    ("Jamie Dimon spoke at the forum. Later, Jamie told reporters that the war had shaken markets.", "Jamie Dimon"),
    # not when two share it
    ("Olena Marchenko and Olena Kovalenko met the press. Olena said the shelters were full.", "Olena"),
    # a headline's name and verb (`Jamie Dimon Slams Biden`) is no second name under it
    ("Jamie Dimon Slams Biden For Begging Saudis For Oil\n\nJamie Dimon spoke at the forum. Later, Jamie said "
     "that the war had shaken markets.", "Jamie Dimon"),
])
def test_a_first_name_alone_is_the_person_introduced_under_it(text, speaker):
    assert stance.extract([Article("t", text)])["speaker"].tolist()[-1] == speaker


def test_a_headlines_verb_is_no_part_of_a_name():
    # the tagger reads `Obama Says` as one name; the verb is cut, so neither quote is `Obama Says`'s
    text = ("Obama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\nThe museum opened on "
            "Saturday. Obama said that it would tell an American story.")
    assert stance.extract([Article("t", text)])["speaker"].tolist() == ["Obama", "Obama"]


@pytest.mark.parametrize("headline, body, speaker", [
    # a title-case headline `NAME VERBS …:` before a quotation: the name's words, the verb not among them
    ("Biden Slams Putin: ‘He Is a War Criminal.’", "President Joe Biden lashed out at Putin on Wednesday.",
     "Joe Biden"),
    ("Zelensky Warns Allies: “We Cannot Wait Any Longer”", "Volodymyr Zelensky met allies in Brussels.",
     "Volodymyr Zelensky"),
    ("Kremlin Says: ‘No Talks Without Recognition’", "The Kremlin's spokesman spoke on Monday.", "Kremlin"),
])
def test_a_headline_names_the_speaker_of_the_quotation_after_its_colon(headline, body, speaker):
    frame = stance.extract([Article("t", f"{headline}\n\n{body}")])
    first = frame.iloc[0]
    assert first["quote_type"] == "direct" and first["speaker"] == speaker and first["start"] > headline.index(":")


@pytest.mark.parametrize("headline", [
    "Ukraine Braces for Winter: ‘The Worst Is Yet to Come’",  # no reporting verb after a name
    "Residents of Kyiv Say: ‘We Will Stay’",  # the words before the verb name no one the article names
])
def test_a_headline_without_a_name_and_a_reporting_verb_gives_its_quotation_no_speaker(headline):
    frame = stance.extract([Article("t", f"{headline}\n\nThe city prepared for the cold on Monday.")])
    assert (frame[frame["start"] < len(headline)]["speaker"].fillna("") == "").all()


@pytest.mark.parametrize("aside", ["Harsh?", "Unfair?", "Madness!"])
def test_a_word_that_is_a_question_of_its_own_is_no_person_a_pronoun_refers_to(aside):
    text = ("In his 2002 book, Kevin McKinley suggested asking yourself this: would I rather help my kid?\n\n"
            f"{aside} He doesn't think so. “I don't judge what people choose to spend money on,” he said.")
    assert stance.extract([Article("t", text)])["speaker"].tolist()[-1] == "Kevin McKinley"


def test_a_lone_first_name_that_speaks_is_a_person_a_pronoun_can_refer_to():
    text = ("“I had finished three years of my course and could not start again,” Tarun told PTI. "
            "He says the rent in Samarkand is higher.")
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Tarun", "Tarun"]


def test_a_long_quotation_does_not_push_its_speaker_out_of_a_pronouns_reach():
    quoted = " ".join(f"Point {word} of the plan concerns the grain corridor." for word in
                      "one two three four five six seven eight nine".split())
    text = f"Lorenzo Ferri, a Rome-based analyst, was blunt. “{quoted}” “The talks will fail,” he adds."
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist()[-1] == "Lorenzo Ferri"


@pytest.mark.parametrize("text", [
    "“The water is back,” said a plumber, Taras Melnyk, on Sunday.",
    "A plumber, Taras Melnyk, said the water was back.",
    "A volunteer, Taras Melnyk, who runs the shelter, said the water was back.",
])
def test_a_role_noun_with_a_name_in_apposition_is_that_person(text):
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Taras Melnyk"]
    assert frame["speaker_resolution"].tolist() == ["name"]


def test_a_titled_name_the_tagger_missed_is_a_person_a_pronoun_can_refer_to():
    """`Defence Minister Rustem Umerov` is a person by its title even where NER tags no person; a later `he`
    resolves to him."""
    text = ("Officials spoke on Monday.\n\nAnd from Defence Minister Rustem Umerov:\n\n"
            "“We will hold every road.”\n\nHe added that talks were not on the table.")
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Rustem Umerov", "Rustem Umerov"]


def test_a_mark_between_words_of_a_name_leaves_one_space():
    text = "Foreign Minister\u200c Andrii Sybiha said that the talks had failed."
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Andrii Sybiha"]
    assert not frame["speaker_mention"].iloc[0].startswith(" ")


@pytest.mark.parametrize("text, speaker", [
    # a role in apposition makes an untagged name a person; `the spy chief` is the head named before
    ("Kyrylo Budanov, head of Ukraine's military intelligence, spoke on television. The spy chief said Russia "
     "was preparing a new offensive.", "Kyrylo Budanov"),
    # an abbreviated title and the role noun it stands for
    ("Gen. Valerii Zaluzhnyi toured the front. The General said the line would hold.", "Valerii Zaluzhnyi"),
    # a lone honorific as the speaker: the person named just before
    ("Miss Olena Bondar arrived late at the hearing. “I am sorry,” Miss said.", "Olena Bondar"),
    # a word for the same kind of office: `the diplomat` for the ambassador, `the general` for the commander
    ("Ambassador Taras Kachka met the delegation on Monday. “The talks went well,” the diplomat said.",
     "Taras Kachka"),
    ("Army commander Oleksandr Syrskyi toured the front. The general said the line would hold.",
     "Oleksandr Syrskyi"),
])
def test_a_lone_title_or_role_refers_back_to_the_person_it_was_given_to(text, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist()[-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Ambassador Taras Kachka met the delegation on Monday. A senior Western diplomat said the talks were stuck.",
     "A senior Western diplomat"),
    ("Army commander Oleksandr Syrskyi toured the front. One general said the line would not hold.", "One general"),
    # `general` in a civil title is no officer
    ("UN Secretary General Antonio Guterres visited Kyiv on Monday. The commander said the line would hold.",
     "The commander"),
])
def test_an_unnamed_role_is_a_new_source_not_the_person_named_before(text, speaker):
    assert stance.extract([Article("t", text)])["speaker"].tolist() == [speaker]


def test_the_role_after_an_unnamed_one_is_not_the_person_named_before_it():
    text = ("Ambassador Taras Kachka arrived in Kyiv. A senior Western diplomat said the talks were stuck. "
            "The diplomat said a deal was far off.")
    assert "Taras Kachka" not in stance.extract([Article("t", text)])["speaker"].tolist()


@pytest.mark.parametrize("text, speaker", [
    # someone brought in without a name who speaks, or whom the writer asks or talks to, is whom `he` or `she` means
    ("President Volodymyr Zelensky visited Odesa on Monday. A nurse at the city hospital said the wards were full. "
     "“We sleep here,” she said.", "A nurse"),
    ("Interior Minister Ihor Klymenko toured Kharkiv. I asked a volunteer at the station what he needed most. "
     "“Water,” he said.", "a volunteer"),
    ("Defence Minister Rustem Umerov arrived in Kherson. Our correspondent spoke to a pensioner on the embankment. "
     "“Nobody comes here now,” he said.", "a pensioner"),
    # `she` is never a man the article names, when a woman was met since
    ("Mayor Vitali Klitschko inspected the damage. A woman queuing for bread said she had not slept. “The sirens "
     "never stop,” she said.", "A woman"),
    # asked, in the passive; a participle the parse makes of the verb that gives the word
    ("President Volodymyr Zelenskiy said the line would hold. A Ukrainian officer was asked whether it would. “It "
     "will hold as long as we have ammunition,” he said.", "A Ukrainian officer"),
    ("Mayor Hennadiy Trukhanov said the port was hit. One resident, who asked not to be named, described hearing "
     "three blasts in a row. “The windows just flew in,” she said.", "One resident"),
])
def test_a_pronoun_refers_to_the_unnamed_person_who_spoke_since_the_named_one(text, speaker):
    assert stance.extract([Article("t", text)])["speaker"].tolist()[-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # someone only mentioned is not whom the next `he said` means: a victim, whom the quote's speaker was asked by
    ("Governor Oleh Syniehubov spoke on Monday. A 70-year-old man was wounded in Izium. “The city itself was not "
     "hit,” he said.", "Oleh Syniehubov"),
    ("Governor Oleh Syniehubov spoke on Monday. Asked by a reporter about the damage, he said the city was calm.",
     "Oleh Syniehubov"),
    ("Governor Oleh Syniehubov spoke on Monday. The rules let the council name a replacement candidate. “It is our "
     "choice,” he said.", "Oleh Syniehubov"),
    # an unnamed noun with the name beside it is that person
    ("Governor Oleh Syniehubov spoke on Monday. A nurse, Olena Kovalenko, said the hospital was full. “We have no "
     "beds,” she said.", "Olena Kovalenko"),
])
def test_someone_unnamed_who_does_not_speak_takes_no_pronoun(text, speaker):
    assert stance.extract([Article("t", text)])["speaker"].tolist()[-1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # a role in the headline is the person the first sentences introduce in that role
    ("NATO Troops Are Operating In Ukraine, Russian General Claims\n\nAndrei Gurulev, a retired Russian general "
     "and State Duma deputy, made the claim on state television on Tuesday.", "Andrei Gurulev"),
    ("Polish Foreign Minister Reveals Biden Knew About The Plan\n\nRadoslaw Sikorski, Poland's foreign minister, "
     "spoke on Monday.", "Radoslaw Sikorski"),
    # every office word of the headline's role must be the person's: a prime minister is no foreign minister
    ("Hungarian Prime Minister Says The Aid Plan Has Failed\n\nHungary's foreign minister, Peter Szijjarto, told "
     "reporters the plan had no support.", "Hungarian Prime Minister"),
    # no one in that role below: the role stays
    ("NATO Troops Are Operating In Ukraine, Russian General Claims\n\nThe claim was made on state television on "
     "Tuesday. Mayor Vitali Klitschko did not comment.", "Russian General"),
])
def test_a_role_in_the_headline_is_the_person_introduced_in_it_below(text, speaker):
    assert stance.extract([Article("t", text)])["speaker"].tolist()[0] == speaker


@pytest.mark.parametrize("text, speaker_type", [
    ("Ahead of the primary, Hillary Clinton’s campaign says it is unwilling to debate.", "organization"),
    ("Ahead of the primary, the Sanders campaign said it would assess its options.", "organization"),
    ("Ahead of the primary, Trump's campaign manager said the polls were wrong.", "person"),
])
def test_a_campaign_is_a_body_and_its_manager_a_person(text, speaker_type):
    assert stance.extract([Article("t", text)])["speaker_type"].tolist() == [speaker_type]


def test_a_role_refers_back_to_the_person_whose_apposition_gave_it():
    text = ("Chris LaCivita, a senior adviser to the Trump campaign, told reporters the rally would go ahead. The "
            "senior adviser added that security had been doubled.")
    assert stance.extract([Article("t", text)])["speaker"].tolist() == ["Chris LaCivita", "Chris LaCivita"]


@pytest.mark.parametrize("text, speaker_type", [
    ("A Ukrainian teenager told the court that he had been held for a month.", "person"),
    ("The PiS politician said the border would stay closed.", "person"),
    ("One commenter noted that the bridge had been hit twice.", "person"),
    ("The restaurant chain said it would leave Russia by the end of the year.", "organization"),
    ("The exchange said trading would resume on Monday.", "organization"),
    ("The Russian side said the talks had failed.", "organization"),
])
def test_a_word_for_a_person_or_a_body_types_an_unnamed_source(text, speaker_type):
    assert stance.extract([Article("t", text)])["speaker_type"].tolist() == [speaker_type]


def test_a_preposition_the_parse_makes_the_subject_gives_way_to_the_name_before_the_verb():
    text = "Of Carson, Levine, who has given money to Marco Rubio, said, “He’s flat-out scary.”"
    assert stance.extract([Article("t", text)])["speaker"].tolist() == ["Levine"]


def test_someone_unnamed_who_speaks_is_a_person():
    frame = stance.extract([Article("t", "A woman said the shelling never stopped. The woman added that the "
                                         "water was off.")])
    assert frame[["speaker", "speaker_type"]].values.tolist() == [["A woman", "person"], ["A woman", "person"]]


def test_a_first_name_outside_a_surname_tagged_as_a_place_makes_a_person_a_pronoun_can_refer_to():
    # the tagger reads `Reznikov` as a place and leaves `Oleksii` out: the two are one person's name, and `he` him
    text = ("Oleksii Reznikov, Ukraine’s Minister of Defense, said on Monday that there was no need to panic.\n\n"
            "“Don’t worry, sleep well,” he said.")
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["Oleksii Reznikov", "Oleksii Reznikov"]
    assert frame["speaker_type"].tolist() == ["person", "person"]


@pytest.mark.parametrize("text, speaker", [
    ("Head of the Presidential Office Andriy Yermak said the talks were off.", "Andriy Yermak"),
    ("Commander of the Ground Forces Oleksandr Pavliuk said the line was holding.", "Oleksandr Pavliuk"),
    ("Polish Armed Forces Chief of Staff Wieslaw Kukula warned that Russia was preparing.", "Wieslaw Kukula"),
    ("Chief of Staff Wieslaw Kukula warned that Russia was preparing.", "Wieslaw Kukula"),
])
def test_a_role_whose_of_phrase_ends_in_a_name_is_that_person(text, speaker):
    row = stance.extract([Article("t", text)]).iloc[0]
    assert row["speaker"] == speaker and row["speaker_type"] == "person"
    assert text[row["speaker_start"]:row["speaker_end"]].endswith(speaker)


@pytest.mark.parametrize("text", [
    "The head of the Security Service said the drones were destroyed.",
    "The head of the delegation that met Vladimir Putin said the drones were destroyed.",  # a name in a clause
])
def test_a_role_over_a_body_without_a_name_of_its_own_stays_the_role(text):
    assert stance.extract([Article("t", text)])["speaker"].tolist() == ["The head"]


@pytest.mark.parametrize("text, fragment, speaker", [
    ("As the general put it, the front line is holding for now.", "the front line is holding for now",
     "the general"),
    ("As Olena Bondar put it in an interview last week, the grid “will not survive another winter.”",
     "will not survive another winter.", "Olena Bondar"),
    # the passive, and before a colon
    ("As put by the mayor, the city will rebuild every school.", "the city will rebuild every school", "the mayor"),
    ("As put by Anna Kovalenko, who heads the city council: “We will rebuild every school.”",
     "We will rebuild every school.", "Anna Kovalenko"),
])
def test_as_x_put_it_reports_the_clause_around_it(text, fragment, speaker):
    quote = find(quotes_of(text), fragment)
    assert quote[2] == speaker


@pytest.mark.parametrize("text", [
    "As he put it on the table, the box fell open.",
    "As she put it away, the phone rang again.",
    "As put by the door, the boxes blocked the way.",
])
def test_putting_a_thing_somewhere_is_not_a_quote(text):
    assert quotes_of(text) == []


def test_a_cue_after_a_quote_does_not_report_the_words_before_its_colon():
    text = "Senator Maria Ortiz turned to the witness: “Your figures do not add up,” she said."
    assert quotes_of(text) == [("direct", "Your figures do not add up,", "Maria Ortiz", "person")]


@pytest.mark.parametrize("text, content, speaker", [
    ("Shoigu was quoted by TASS as saying the offensive would continue.", "the offensive would continue", "Shoigu"),
    ("The envoy was cited by Reuters as saying that the grain deal was dead.", "the grain deal was dead",
     "The envoy"),
])
def test_the_one_quoted_as_saying_speaks_not_the_agency(text, content, speaker):
    assert find(quotes_of(text), content)[1:3] == (content, speaker)


def test_a_report_relaying_someone_who_said_something_gives_the_words_to_them():
    text = "Radio Svoboda reports: the analyst Olena Bondar said on Monday that the dam had been mined."
    assert [q[1:3] for q in quotes_of(text)] == [("the dam had been mined", "Olena Bondar")]


@pytest.mark.parametrize("text", [
    "For tips, email the desk or call 044 555 0199.",
    "Email the desk at desk@example.com or call 212 555 4552.",
])
def test_a_phone_number_is_never_a_quote(text):
    assert quotes_of(text) == []


def test_an_occasion_for_speaking_is_not_the_speaker():
    text = ("Olena Bondar met the press on Friday. “We will rebuild,” she said at a news conference announcing "
            "that the city would repair the bridge.")
    frame = stance.extract([Article("t", text)])
    assert set(frame["speaker"]) == {"Olena Bondar"} and len(frame) == 2


@pytest.mark.parametrize("text, speaker", [
    ("Mr. Petrenko met Mrs. Kovalenko on Monday. She said the plan would work.", "Kovalenko"),
    ("Mrs. Kovalenko met Mr. Petrenko on Monday. He said the plan would work.", "Petrenko"),
    ("Olena Bondar, a spokeswoman for the council, met Ivan Melnyk. He said the plan would work.", "Ivan Melnyk"),
    ("Olena Bondar met Ivan Melnyk on Monday. He said the plan would work.", "Ivan Melnyk"),  # her given name
    # no evidence either way (given names used for both): the subject, as before
    ("Sasha Bondar met Kim Melnyk on Monday. He said the plan would work.", "Sasha Bondar"),
])
def test_he_and_she_skip_a_person_the_article_gives_the_other_gender(text, speaker):
    """An honorific or a gendered role (`Mrs.`, `spokesman`) tells who `he` or `she` can be; without one, anyone."""
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == [speaker]


def test_a_section_head_the_parser_takes_for_a_second_subject_is_not_the_speaker():
    text = ("Families are struggling.\n\nTHE LENDING Back when he wrote his book, Mr. Harrington said that he "
            "considered loans a last resort.")
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].iloc[0] == "Harrington"


@pytest.mark.parametrize("text, content", [
    ("Olena Bondar said the grid would recover from the strikes, which hit six regions on Friday.",
     "the grid would recover from the strikes"),
    ("The governor said the convoy reached Kupiansk, where the bridge was destroyed in May.",
     "the convoy reached Kupiansk"),
])
def test_a_relative_clause_after_a_comma_that_ends_the_report_is_left_out(text, content):
    assert [q[1] for q in quotes_of(text)] == [content]


def test_a_relative_clause_holding_quoted_words_stays_in_the_report():
    text = "Olena Bondar said the offer came from Kyiv, which “has always wanted peace”."
    assert find(quotes_of(text), "has always wanted peace")[0] == "mixed"


def test_a_second_speech_verb_with_its_own_subject_ends_the_first_report():
    text = "Officials said the dam was mined and the mayor accused the army of lying about it."
    assert find(quotes_of(text), "the dam was mined")[1] == "the dam was mined"


@pytest.mark.parametrize("text, content", [
    ("Taras Melnyk said he did not support Ivan Petrenko, the favourite of the Kremlin.",
     "he did not support Ivan Petrenko"),
    ("Analysts said the sanctions had worked, citing the fall in oil revenue.", "the sanctions had worked"),
])
def test_an_apposition_or_participle_clause_that_ends_a_report_is_left_out(text, content):
    assert find(quotes_of(text), content)[1] == content


def test_adding_that_takes_the_speaker_of_the_report_it_follows():
    text = "The minister said the talks would resume, adding that Kyiv was ready."
    assert [q[1:3] for q in quotes_of(text)] == [("the talks would resume", "The minister"),
                                                 ("Kyiv was ready", "The minister")]


def test_a_report_on_both_sides_of_its_cue_is_two_quotes():
    """`A, X said: “B”`: the clause before and the quotation after are both X's, and neither holds the cue."""
    text = "The offensive will stall before winter, Olena Bondar said: “The brigades have no shells left.”"
    assert sorted(q[:3] for q in quotes_of(text)) == [
        ("direct", "The brigades have no shells left.", "Olena Bondar"),
        ("indirect", "The offensive will stall before winter", "Olena Bondar")]


def test_a_misparsed_clause_before_the_cue_is_not_part_of_its_report():
    text = ("Writing for a panel that all agreed Kyiv won the week, Olena Bondar noted that the way the army "
            "held the line was critical.")
    assert [q[1:3] for q in quotes_of(text)] == [("the way the army held the line was critical", "Olena Bondar")]


@pytest.mark.parametrize("text, quote, speaker", [
    ("State television, which casts the retreat as a “regrouping of forces”, showed new maps.",
     "regrouping of forces", "State television"),
    ("Peskov had back in June declared Sandu “illegitimate” after Moldova failed to hold a vote.",
     "illegitimate", "Peskov"),
])
def test_naming_with_as_and_a_declared_label_are_direct_quotes(text, quote, speaker):
    assert find(quotes_of(text), quote)[:3] == ("direct", quote, speaker)


@pytest.mark.parametrize("text", [
    "Officials in Beijing refused to call it an invasion of a sovereign state.",
    "State media avoid calling the retreat a defeat for the army.",
    "The fisherman cast his net as the sun rose over the bay.",
])
def test_words_not_said_and_a_net_cast_are_not_quotes(text):
    assert quotes_of(text) == []


def test_the_occasion_after_a_comma_is_not_part_of_the_report():
    text = "The minister said the grain deal would be renewed, in an interview with the BBC on Sunday."
    assert [q[1] for q in quotes_of(text)] == ["the grain deal would be renewed"]


def test_a_place_of_the_reported_event_stays_in_the_report():
    text = "The minister said the grain deal would be discussed at the summit."
    assert [q[1] for q in quotes_of(text)] == ["the grain deal would be discussed at the summit"]


def test_an_adverbial_clause_before_the_cue_is_not_its_report():
    text = ("While he acknowledged money was a major reason he felt demoralized serving under Zelensky, Melnyk also "
            "noted several “intangibles” left him further disillusioned.")
    assert not any(q[1].startswith("While") for q in quotes_of(text))


def test_encouraging_is_a_second_report_that_ends_the_first():
    text = ("Orban wrote in the early morning hours that Brussels was “arrogant” and “a menace” and encouraged "
            "Hungarians to “read” the letter.")
    assert find(quotes_of(text), "arrogant")[1] == "Brussels was “arrogant” and “a menace”"


def test_a_date_before_the_reported_clause_and_a_participle_after_it_are_the_tellings():
    text = ("The president told the veterans this weekend he would consider it a “personal insult” if they stayed "
            "home, implicitly putting his name on the ballot.")
    quote = find(quotes_of(text), "personal insult")
    assert quote[1] == "he would consider it a “personal insult” if they stayed home"


@pytest.mark.parametrize("text", [
    "It is worth noting that the bridge was never repaired.",
    "It should be noted that the brigade withdrew in May.",
    "Ask yourself whether the front can hold another winter.",
    "Do you know where the aid money went?",
    # the writer to the reader
    "You may have read that the grain deal collapsed in July.",
    "As you know, the bridge was never repaired.",
])
def test_the_reporters_own_voice_is_nobodys_quote(text):
    assert quotes_of(text) == []


def test_a_command_inside_a_quote_stays_a_quote():
    assert quotes_of("“Tell them we are ready,” the general said.") == [
        ("direct", "Tell them we are ready,", "the general", "person")]


def test_quoted_words_modifying_what_a_speaker_announced_are_theirs():
    assert quotes_of("Orban and Fico announced an ‘iron friendship’ pact on Friday.")[0][:3] == (
        "direct", "iron friendship", "Orban and Fico")  # both announced it: a joint speaker


def test_a_title_announced_is_not_a_quote():
    assert quotes_of("The publisher announced the novel “War and Peace” for May.") == []


def test_an_apostrophe_does_not_keep_the_occasion_in_the_report():
    text = ("Shoigu was quoted by TASS as saying the talks would be “long”, at a meeting in Minsk with Belarus’s "
            "defence minister.")
    assert find(quotes_of(text), "long")[1] == "the talks would be “long”"


def test_an_it_passive_with_an_agent_is_the_agents_report():
    text = "It was announced by the ministry that the bridge would reopen in May."
    assert [q[1:3] for q in quotes_of(text)] == [("the bridge would reopen in May", "the ministry")]


def test_a_name_the_parse_hangs_a_participle_on_still_speaks():
    # the parse reads `called` as a participle describing the only noun of the sentence
    frame = stance.extract([Article("t", "Zelenskyy called Tuesday for more air defence.")])
    assert frame["speaker"].tolist() == ["Zelenskyy"]


def test_the_noun_a_past_participle_describes_is_acted_on_and_does_not_speak():
    # `called` here calls an election: whatever the extractor makes of it, the election says nothing
    frame = stance.extract([Article("t", "A snap election called on Friday for a new parliament drew few voters.")])
    assert "A snap election" not in set(frame["speaker"]) and "A snap election" not in set(frame["speaker_mention"])


@pytest.mark.parametrize("text, content", [
    ("A Belarusian officer said that at first the soldiers were afraid that they would be sent to Kursk.",
     "at first the soldiers were afraid that they would be sent to Kursk"),
    ("As a Belarusian officer said, at first the soldiers were afraid that they would be sent to Kursk.",
     "at first the soldiers were afraid that they would be sent to Kursk"),
])
def test_a_belief_inside_what_someone_said_is_part_of_their_words(text, content):
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].str.lower().tolist() == ["a belarusian officer"]
    assert frame["text"].tolist() == [content]


def test_a_claim_noun_with_a_that_clause_and_an_infinitive_reports_the_that_clause():
    text = "The general's threat to march on the capital and insistence that he is not bluffing alarmed the cabinet."
    frame = stance.extract([Article("t", text)])
    assert "he is not bluffing" in frame["text"].tolist()


def test_a_contrast_with_anothers_words_ends_the_content():
    text = "The minister said the army would hold the line, while analysts warned that the front was thin."
    frame = stance.extract([Article("t", text)])
    assert frame[["speaker", "text"]].values.tolist() == [
        ["The minister", "the army would hold the line"], ["analysts", "the front was thin"]]


@pytest.mark.parametrize("text, content", [
    ("Olena Bondar said Ukraine would keep fighting while talks continued in Istanbul.",
     "Ukraine would keep fighting while talks continued in Istanbul"),  # `while` of time
    ("The minister said the West was lying while it claimed to want peace.",
     "the West was lying while it claimed to want peace"),  # no reported clause of its own
])
def test_a_while_clause_without_a_report_of_its_own_stays_in_the_content(text, content):
    assert stance.extract([Article("t", text)])["text"].tolist() == [content]


def test_a_participle_of_saying_done_by_someone_in_the_content_stays_in_it():
    text = "The mayor said Russian soldiers went door to door, telling residents: “Leave or die.”"
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == ["The mayor"] and frame["text"].iloc[0].startswith("Russian soldiers")
    assert "Leave or die" in frame["text"].iloc[0]


def test_a_participle_of_saying_after_the_content_is_a_report_of_its_own():
    text = "Zelensky said the talks had failed, telling reporters in Kyiv that “Russia does not want peace.”"
    frame = stance.extract([Article("t", text)])
    assert frame[["quote_type", "text"]].values.tolist() == [
        ["indirect", "the talks had failed"], ["direct", "Russia does not want peace."]]
    assert set(frame["speaker"]) == {"Zelensky"}


def test_a_platform_the_tagger_takes_for_a_person_is_no_antecedent():
    text = "Taras Bondar spoke on Monday. In a post on Twitter, he said talks would fail."
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].str.endswith("Bondar").tolist() == [True]


@pytest.mark.parametrize("text, speaker, mention", [
    # names joined by `and` speak together, each named as it would be alone
    ("Joe Biden and Boris Johnson met in London. Biden and Johnson said the talks must resume.",
     "Joe Biden and Boris Johnson", "Biden and Johnson"),
    ("Antony Blinken and Dmytro Kuleba said the talks must resume.", "Antony Blinken and Dmytro Kuleba",
     "Antony Blinken and Dmytro Kuleba"),
    ("The BBC and Reuters reported that the launchers were moved at night.", "BBC and Reuters", "The BBC and Reuters"),
    ("Both China and Russia believe that the West is to blame.", "China and Russia", "Both China and Russia"),
    # a name and a description: the name alone, as before
    ("Russia and its allies said the talks were over.", "Russia", "Russia"),
])
def test_names_joined_by_and_are_one_joint_speaker(text, speaker, mention):
    frame = stance.extract([Article("t", text)])
    assert frame[["speaker", "speaker_mention"]].values.tolist() == [[speaker, mention]]
    row = frame.iloc[0]
    assert text[int(row.speaker_start):int(row.speaker_end)] == mention


@pytest.mark.parametrize("headline, speaker, content", [
    # a headline in title case is read as a sentence: its verb of saying is seen, its name is a name
    ("Zelensky Says Russia Is Preparing New Offensive In The East", "Zelensky", "Russia Is Preparing"),
    ("NATO Troops Are Operating In Ukraine Disguised As Mercenaries, Russian General Claims", "Russian General",
     "NATO Troops Are Operating In Ukraine"),
    ("Clinton Says Russians Hacked DNC", "Hillary Clinton", "Russians Hacked DNC"),
])
def test_a_title_case_headline_reads_as_a_sentence(headline, speaker, content):
    body = "\n\nVolodymyr Zelensky and Hillary Clinton spoke on Monday about Russia, NATO and the DNC."
    frame = stance.extract([Article("t", headline + body)])
    first = frame.iloc[0]
    assert first["end"] <= len(headline) and first["text"].startswith(content)
    assert speaker in first["speaker"]


def test_a_sentence_full_of_names_is_no_headline():
    """`Prime Minister Denys Shmyhal met donors in Rome.` capitalises names alone: it is read as written. A
    headline's words are read in lower case where the article writes them so, or they are common words."""
    from stance.extraction.headlines import sentence_case

    text = "Prime Minister Denys Shmyhal Met Donors in Rome.\n\nPrime Minister Denys Shmyhal met donors in Rome."
    assert sentence_case(text) == text
    headline = ("Shmyhal Says Donors Are Ready To Pay For The Grid\n\n"
                "Denys Shmyhal said donors were ready to pay for the grid.")
    assert sentence_case(headline).split("\n")[0] == "Shmyhal says donors are ready to pay for the grid"


def test_a_clause_reported_then_words_quoted_after_a_colon_are_two_quotes():
    text = "Putin said the West was ready to scapegoat Zelensky: “He will be replaced by next year.”"
    quotes = quotes_of(text)
    assert [q[:3] for q in quotes] == [
        ("indirect", "the West was ready to scapegoat Zelensky", "Putin"),
        ("direct", "He will be replaced by next year.", "Putin")]
    # a verb of saying inside the clause takes the words: one mixed quote (the soldiers' words, in his report)
    text = "The mayor said Russian soldiers went door to door, telling residents: “Leave or die.”"
    assert [q[0] for q in quotes_of(text)] == ["mixed"]


@pytest.mark.parametrize("text, content", [
    ("Witnesses said a woman shouted at the soldiers: “Go home!”", "a woman shouted at the soldiers: “Go home!”"),
    ("Witnesses said the soldiers were “very angry!”", "the soldiers were “very angry!”"),
])
def test_a_mixed_quote_keeps_the_closing_mark_after_an_exclamation(text, content):
    assert [q[1] for q in quotes_of(text)] == [content]


@pytest.mark.parametrize("text, speaker, mention", [
    # a civil title with `general` refers back to the one who holds it, and its hyphen stays in the mention
    ("WHO Director-General Tedros Adhanom Ghebreyesus visited Lviv.\n\nThe director-general said that hospitals "
     "needed generators before winter.", "Tedros Adhanom Ghebreyesus", "The director-general"),
    ("NATO Secretary-General Mark Rutte landed in Kyiv.\n\nThe NATO secretary-general said that more air defence "
     "was on its way.", "Mark Rutte", "The NATO secretary-general"),
    ("Attorney General Pam Bondi spoke in Washington.\n\nThe attorney general said that the sanctions would hold.",
     "Pam Bondi", "The attorney general"),
])
def test_a_civil_general_refers_back_to_the_one_who_holds_the_title(text, speaker, mention):
    row = stance.extract([Article("a", text)]).iloc[-1]
    assert (row.speaker, row.speaker_mention, row.speaker_type) == (speaker, mention, "person")


def test_a_first_name_the_tagger_leaves_out_does_not_hide_the_title_before_it():
    # (the tagger takes only `Zaluzhnyi` for the name, leaving `Gen. Valerii` before it)
    text = "Gen. Valerii Zaluzhnyi met troops near Bakhmut on Monday.\n\nThe general said that the line would hold."
    assert stance.extract([Article("a", text)]).iloc[-1].speaker.endswith("Zaluzhnyi")


@pytest.mark.parametrize("text, speaker", [
    # `she` passes over the man named last for the woman named before him
    ("Iryna Vereshchuk said the evacuation of Kherson would resume on Monday. Ihor Klymenko said the roads were "
     "being cleared.\n\n“We will not leave anyone behind,” she said.", "Iryna Vereshchuk"),
    # and `he` over the woman
    ("Dmytro Lubinets said the prisoners had been tortured. Oksana Markarova said the evidence would go to The "
     "Hague.\n\n“Every case will be documented,” he said.", "Dmytro Lubinets"),
])
def test_a_given_name_tells_whom_she_or_he_can_mean(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    ("Olena Kondratiuk said the vote would go ahead.", "Olena Kondratiuk"),  # tagged an organisation
    ("Taras Kachka, Ukraine's chief negotiator, said the deal was close.", "Taras Kachka"),  # surname tagged a place
])
def test_a_name_that_begins_with_a_given_name_is_a_person(text, speaker):
    row = stance.extract([Article("a", text)]).iloc[0]
    assert (row.speaker, row.speaker_type) == (speaker, "person")


@pytest.mark.parametrize("text, speaker", [
    # `the prime minister` is not the defence minister named since, though both are ministers
    ("Prime Minister Kristen Michal said the border would stay shut. Defence Minister Hanno Pevkur had asked for "
     "more troops.\n\n“We will not be intimidated,” the prime minister said.", "Kristen Michal"),
    ("Defence Minister Hanno Pevkur met Prime Minister Kristen Michal in Tallinn.\n\nThe defence minister said that "
     "more troops would be sent to Narva.", "Hanno Pevkur"),
])
def test_a_ministers_office_word_picks_the_minister(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a country in the role tells two holders of one office apart, by name, adjective or seat
    ("Latvia's foreign minister Baiba Braze met Poland's foreign minister Radoslaw Sikorski in Riga.\n\n"
     "Latvia's foreign minister said the sanctions were working.", "Baiba Braze"),
    ("German Defence Minister Boris Pistorius greeted Danish Defence Minister Troels Lund Poulsen.\n\n"
     "The Danish minister said more F-16 jets would follow.", "Troels Lund Poulsen"),
    ("Chinese leader Li Qiang met Russian President Mikhail Mishustin at the summit, and Indian leader Raj Kapoor "
     "joined them.\n\nThe Kremlin leader said the two countries would trade more.", "Mikhail Mishustin"),
    ("Russian President Vladimir Putin met Belarusian President Alexander Lukashenko in Minsk.\n\n"
     "The Kremlin chief said the union state was stronger than ever.", "Vladimir Putin"),
    # a counterpart holds the office of the one whose counterpart they are, in their own country
    ("Estonian Foreign Minister Margus Tsahkna met his Latvian counterpart Baiba Braze in Riga.\n\n"
     "The Latvian minister said the sanctions were working.", "Baiba Braze"),
    # the one whose role names the country comes first, before one whose role names none
    ("President Marta Kovac met French President Luc Moreau in Paris.\n\nThe French leader said the alliance was "
     "strong.", "Luc Moreau"),
    # `the Ukrainian leader`: the country's president, never named a leader
    ("Ukrainian President Volodymyr Zelenskyy toured Kharkiv on Friday.\n\nThe Ukrainian leader said the city would "
     "be rebuilt.", "Volodymyr Zelenskyy"),
])
def test_a_country_in_a_role_picks_that_countrys_office_holder(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a relative clause's verb gives its subject a role a later role noun names
    ("Colonel Oleh Shyriaiev, who commands the 225th Assault Battalion, met Mayor Ihor Terekhov.\n\n"
     "The commander said the Russians had attacked four times.", "Oleh Shyriaiev"),
    ("Olena Bilyk, who heads the village council, met Governor Oleh Syniehubov.\n\n"
     "The head of the council said the school would reopen.", "Olena Bilyk"),
])
def test_a_role_given_by_a_verb_is_the_persons_role(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker, kind", [
    # a role with only a country or a rank beside it is a person, where the tagger took it for a body
    ("Russian General Says The Fighting Will Go On For Years\n\nLieutenant General Andrei Gurulev, a retired "
     "Russian general, said on Monday that the fighting would go on for years.", "Andrei Gurulev", "person"),
    ("Top Ukrainian Official Says Talks Are Over\n\nThe talks in Istanbul ended without a deal on Friday.",
     "Top Ukrainian Official", "person"),
])
def test_a_role_the_tagger_took_for_a_body_is_a_person(text, speaker, kind):
    row = stance.extract([Article("a", text)]).iloc[0]
    assert (row.speaker, row.speaker_type) == (speaker, kind)


def test_a_given_name_and_the_untagged_surname_after_it_are_one_person_whose_hyphenated_role_counts():
    # the tagger takes `Oleksandr` for a body and leaves `Syrskyi` untagged; `commander-in-chief` makes him a
    # commander, whom `the general` means
    text = ("Oleksandr Syrskyi, the commander-in-chief of Ukraine's armed forces, visited the front on Monday.\n\n"
            "“The situation is difficult but under control,” the general told reporters. Syrskyi added that "
            "reinforcements had been sent.")
    assert list(stance.extract([Article("a", text)]).speaker) == ["Oleksandr Syrskyi", "Oleksandr Syrskyi"]


def test_a_body_named_again_by_its_kind_is_that_body_and_so_is_it_after_it():
    text = ("Ukraine's air force said it shot down 85 of 110 drones overnight.\n\nThe air force said in a statement "
            "that 87 drones were shot down. “Hits were recorded in six regions,” it said.")
    assert set(stance.extract([Article("a", text)]).speaker) == {"Ukraine's air force"}


def test_the_one_asked_answers_next():
    text = ("Petro Poroshenko spoke in Lviv.\n\nLast month, Mark Sorensen of the BBC asked Poroshenko whether the "
            "war had changed him.\n\n“Of course it has. I think of the soldiers every day,” he said.")
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == "Petro Poroshenko"


def test_a_head_of_state_is_the_countrys_president_not_its_minister():
    text = ("Belarusian Foreign Minister Pavel Marchuk met President Anton Lisovsky in Minsk.\n\n"
            "The Belarusian head of state said the border would stay open.")
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == "Anton Lisovsky"


@pytest.mark.parametrize("text, speaker", [
    # the parse hangs the name on the place or body the role serves, as an apposition or a second object
    ("Ukraine's envoy to London, Vadym Prystaiko, said the tanks would arrive soon.", "Vadym Prystaiko"),
    ("The head of the SBU, Vasyl Maliuk, said the drones were Ukrainian.", "Vasyl Maliuk"),
])
def test_a_name_after_the_place_a_role_serves_is_the_role_holder(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a pronoun after a role noun that speaks is the role's holder, not someone named before it
    ("U.S. President Donald Trump spoke by phone with Ukrainian President Volodymyr Zelensky on Thursday.\n\n"
     "The Ukrainian president said the call was frank. He said Kyiv was ready for a ceasefire.", "Volodymyr Zelensky"),
    # a role noun the tagger took for part of a name
    ("Prime Minister Donald Tusk spoke on Saturday. President Karol Nawrocki argued for a bigger army.\n\n“There "
     "is no daylight between us,” the prime minister said, although he admitted they disagreed on other issues.",
     "Donald Tusk"),
    ("Mayor Ihor Terekhov met Defence Minister Rustem Umerov in Kharkiv.\n\nThe minister said more air defence "
     "was coming. He said the first systems would arrive in May.", "Rustem Umerov"),
])
def test_a_pronoun_after_a_role_that_speaks_is_that_role(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker


@pytest.mark.parametrize("text, speaker", [
    # a paragraph that is all one quotation, under a paragraph that ends on a person, is that person's
    ("Mariana Bezuhla, a lawmaker from the ruling party, has been one of the loudest critics of the new law.\n\n"
     "“The law punishes those who already served. It must be rewritten before the summer.”", "Mariana Bezuhla"),
    ("Ukraine's ambassador to Britain, Valerii Zaluzhnyi, gave a rare interview this week. He was asked about his "
     "plans.\n\n“I have never been a politician and I do not intend to become one.”", "Valerii Zaluzhnyi"),
])
def test_a_quoted_paragraph_under_one_ending_on_a_person_is_theirs(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker


@pytest.mark.parametrize("text", [
    # a paragraph above that ends on no one, or on a thing, names no speaker
    "The parliament passed the mobilisation law on Thursday.\n\n“The law punishes those who already served. It must "
    "be rewritten before the summer.”",
    # nor one that ends on a person who is only acted on
    "Police detained Mariana Bezuhla outside parliament on Thursday.\n\n“The law punishes those who already served. "
    "It must be rewritten before the summer.”",
])
def test_a_quoted_paragraph_under_one_ending_on_no_one_keeps_no_speaker(text):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == ""


@pytest.mark.parametrize("text, speaker", [
    # an outlet set off by its name speaks by that name, whatever the tagger took the name for
    ("“The enemy is retreating in panic,” one popular channel, Rybar, wrote.", "Rybar"),
    ("“The strike hit a school,” the Ukrainian news outlet, Suspilne, reported.", "Suspilne"),
    ("The German newspaper Welt reported that Moscow had issued new demands.", "Welt"),
    ("The Russian military blogger channel Rybar, which has a million subscribers, wrote that the line had broken.",
     "Rybar"),
])
def test_an_outlet_named_in_apposition_speaks_by_its_name(text, speaker):
    row = stance.extract([Article("a", text)]).iloc[-1]
    assert (row.speaker, row.speaker_type) == (speaker, "organization")


def test_a_body_quoted_by_the_acronym_the_article_defined_keeps_its_full_name():
    text = ("The Security Service of Ukraine (SBU) detained two suspects on Monday.\n\n"
            "“Both suspects face life imprisonment,” the SBU said.")
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == "Security Service of Ukraine"


@pytest.mark.parametrize("text, expected", [
    ("the National Anti-Corruption Bureau of Ukraine (NABU) said",
     {"NABU": "National Anti-Corruption Bureau of Ukraine"}),
    ("The Department of Defense (DoD) and the Institute for the Study of War (ISW) agreed.",
     {"DoD": "Department of Defense", "ISW": "Institute for the Study of War"}),
    # the name starts at the word the acronym starts with
    ("Russia’s Federal Security Service (FSB) and the Alliance to Reclaim Our Schools (AROS) said",
     {"FSB": "Federal Security Service", "AROS": "Alliance to Reclaim Our Schools"}),
    ("Main Intelligence Directorate (GUR) and then Reclaim Our Schools (AROS)", {}),
    # a single word, or a lower-case word, in parentheses defines nothing
    ("Kyiv (Ukraine) and the ministry (MoD) said", {}),
    ("Zelensky said (in English) that", {}),
])
def test_defined_acronyms(text, expected):
    assert defined_acronyms(text) == expected


@pytest.mark.parametrize("text", [
    # a leader of something else is not the country's president
    "Ukrainian President Volodymyr Zelenskyy toured Kharkiv on Friday.\n\nThe Ukrainian opposition leader said the "
    "city was not ready for winter.",
    # nor is a bare `leader` one who only holds an office
    "Ukrainian President Volodymyr Zelenskyy toured Kharkiv on Friday.\n\nThe leader said the city was not ready "
    "for winter.",
])
def test_a_leader_is_the_presidents_only_with_his_country_alone(text):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker != "Volodymyr Zelenskyy"


@pytest.mark.parametrize("text, speaker", [
    ("RIA Novosti quoted Deputy Foreign Minister Alexander Grushko as saying that NATO troops would be targets.",
     "Alexander Grushko"),
    ("Volodymyr Zelensky toured Kharkiv on Friday. His office quoted him as saying: “The city will be rebuilt.”",
     "Volodymyr Zelensky"),
])
def test_an_agency_or_office_that_quotes_someone_as_saying_passes_their_words_on(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker


def test_citing_something_as_an_example_makes_it_no_speaker():
    text = ("Arestovych cited the grain dispute as an example, accusing the president’s office of “acting as if it "
            "ran the European Union.”")
    assert "the grain dispute" not in set(stance.extract([Article("a", text)]).speaker)


@pytest.mark.parametrize("text", [
    "Families who want to leave should call the hotline “1547” before noon.",
    "The council called an emergency meeting for Tuesday night.",
    "The buses left according to the timetable, and the bridge was rebuilt according to the plan.",
])
def test_ringing_convening_and_going_by_a_plan_say_nothing(text):
    assert stance.extract([Article("a", text)]).empty


def test_calling_something_something_is_still_a_quote():
    assert quotes_of("Peskov called the reports baseless.")[0][1:3] == ("the reports baseless", "Peskov")


def test_a_clause_the_parse_hangs_on_the_occasion_is_still_reported():
    text = "Hamas leader Khalil al-Hayya said in a televised speech that the group would accept the truce."
    assert find(quotes_of(text), "the group would")[2] == "Khalil al-Hayya"


@pytest.mark.parametrize("text, speaker, speaker_type", [
    # the tagger cuts the name in two (`Ursula von der` a person, `Leyen` a place)
    ("European Commission President Ursula von der Leyen opened the summit in Brussels.\n\n“Ukraine's place is in "
     "our Union,” von der Leyen said.", "Ursula von der Leyen", "person"),
    ("Von der Leyen told reporters that the next package would target the shadow fleet.", "Von der Leyen", "person"),
])
def test_a_name_with_particles_is_one_person(text, speaker, speaker_type):
    row = stance.extract([Article("a", text)]).iloc[-1]
    assert (row.speaker, row.speaker_type) == (speaker, speaker_type)


def test_a_title_before_a_name_with_particles_stays_the_persons_role():
    text = ("Mayor Bill de Blasio visited the site on Sunday.\n\nThe mayor said that the city would pay for the "
            "repairs.")
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == "Bill de Blasio"


def test_a_report_citing_someone_before_its_that_passes_their_words_on():
    text = "Ukrinform reported, citing the regional governor, that four people had been wounded in Sumy."
    row = stance.extract([Article("a", text)]).iloc[0]
    assert (row.text, row.speaker) == ("four people had been wounded in Sumy", "the regional governor")


def test_a_body_that_issues_a_statement_before_a_colon_introduces_the_quote():
    text = ("Poland's border guard issued a statement on its website:\n\n“Two drones crossed into our airspace and "
            "were tracked for twenty minutes.”")
    row = stance.extract([Article("a", text)]).iloc[0]
    assert row.speaker_type == "organization" and row.speaker.endswith("border guard")


@pytest.mark.parametrize("headline", ["Stoltenberg: ‘Ukraine will join NATO one day’",
                                      "Stoltenberg: “Ukraine will join NATO one day”"])
def test_a_headline_that_only_names_its_speaker_before_a_quotation_gives_it(headline):
    text = f"{headline}\n\nJens Stoltenberg, the alliance's former chief, spoke in Oslo on Monday about the war."
    row = stance.extract([Article("a", text)]).iloc[0]
    assert (row.text, row.speaker, row.cue) == ("Ukraine will join NATO one day", "Jens Stoltenberg", ":")


@pytest.mark.parametrize("text, words", [
    ("Sybiha said the drones came from Belarus, two days after Minsk denied any part in the attack.",
     "the drones came from Belarus"),
    ("Rutte said the alliance stood united, a week after Hungarian officials questioned the plan.",
     "the alliance stood united"),
])
def test_when_the_reporter_sets_the_words_in_time_is_not_part_of_them(text, words):
    assert stance.extract([Article("a", text)]).iloc[0].text == words


def test_a_time_inside_the_words_stays():
    assert quotes_of("Sybiha said the talks would resume two days after the summit ended.")[0][1] == (
        "the talks would resume two days after the summit ended")


@pytest.mark.parametrize("text, speaker", [
    ("Ukraine's ambassador in London, Valerii Zaluzhnyi, said that drones had changed the war.", "Valerii Zaluzhnyi"),
    ("Denmark's former premier Anders Fogh Rasmussen said the alliance must act.", "Anders Fogh Rasmussen"),
])
def test_a_given_name_the_tagger_leaves_out_stays_part_of_the_name(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[0].speaker == speaker


def test_the_street_a_government_sits_on_is_a_body():
    row = stance.extract([Article("a", "Downing Street said the sanctions would take effect on Friday.")]).iloc[0]
    assert (row.speaker, row.speaker_type) == ("Downing Street", "organization")


@pytest.mark.parametrize("text, speaker", [
    # a document that speaks is not a place merely named near it
    ("The leaders of France, Germany and Britain said in a joint statement that they would send more aid.\n\n"
     "“Any agreement must respect Ukraine's sovereignty,” the statement said.", "the statement"),
    ("NATO leaders met at a summit in The Hague.\n\n“We reaffirm our commitment to collective defence,” the "
     "communique said.", "NATO"),
    # a country that issued it is its author
    ("Russia issued a statement on Monday.\n\n“The strikes will continue,” the statement said.", "Russia"),
])
def test_a_document_speaks_for_its_issuer_not_a_place_named_near_it(text, speaker):
    assert stance.extract([Article("a", text)]).iloc[-1].speaker == speaker
