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
    ("Dmytro Kuleba spoke in Kyiv on Monday.\n\nHere is what Kuleba said about the West:", "Dmytro Kuleba", "said"),
    ("Dmytro Kuleba spoke in Kyiv on Monday.\n\nThis is what Kuleba told reporters:", "Dmytro Kuleba", "told"),
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
    ("Here is what we know about the strike:", "Two missiles hit the station at dawn, and the fire burned for "
     "three hours before it was put out."),  # the writer's own
    ("I am here to tell you what I am doing to show that I have learned from them:", "I have chosen a strong "
     "deputy who does not need the position to burnish his career."),
])
def test_a_colon_paragraph_that_introduces_no_ones_words_makes_no_block(intro, block):
    quotes = quotes_of(f"{intro}\n\n{block}")
    assert not any(q[3].startswith(block[:20]) and q[0] == "direct" for q in quotes)


def test_a_quoted_paragraph_after_the_introduction_stays_the_quotation_mark_rules():
    text = f"Dmytro Kuleba told reporters:\n\n“{PASSAGE}”"
    assert quotes_of(text) == [("direct", "Dmytro Kuleba", "told", PASSAGE)]


INTERVIEW = ("Q&A with Foreign Minister Dmytro Kuleba.\n\nDmytro Kuleba spoke to our correspondent Anna Smith in Kyiv. "
             "Kuleba defended the mobilisation law.\n\n"
             "Q: Will the talks resume this year?\n\n"
             "A: Not before the summer. The Russians need time to regroup, and we will use it.\n\n"
             "The same goes for the grain corridor, which we will keep open whatever Moscow says.\n\n"
             "Q: And the air defence batteries?\n\n"
             "A. They are on their way, and the first will arrive before the winter.\n\n"
             "The interview was edited for length.")


def test_an_interviews_answers_are_the_interviewees_words():
    """Each answer, and a paragraph that goes on with it before the next question, is the words of the person the
    article names most often before the first question; the questions and the closing note are nobody's."""
    frame = stance.extract([Article("t", INTERVIEW)])
    answers = frame[frame["cue"] == ""]
    assert answers["text"].tolist() == [
        "Not before the summer. The Russians need time to regroup, and we will use it.",
        "The same goes for the grain corridor, which we will keep open whatever Moscow says.",
        "They are on their way, and the first will arrive before the winter."]
    assert set(answers["speaker"]) == {"Dmytro Kuleba"}
    assert set(answers["quote_type"]) == {"direct"}
    first = answers.iloc[0]
    assert (first["speaker_mention"], INTERVIEW[first["speaker_start"]:first["speaker_end"]]) == ("A", "A")
    assert not frame["text"].str.contains("talks resume|edited for length|air defence batteries").any()


def test_answers_with_no_one_named_before_the_questions_have_no_speaker():
    text = "Q: Will the talks resume this year?\n\nA: Not before the summer, and we will keep the corridor open."
    frame = stance.extract([Article("t", text)])
    assert frame[["text", "speaker", "speaker_type"]].values.tolist() == [
        ["Not before the summer, and we will keep the corridor open.", "", "unknown"]]


def test_an_explainer_in_questions_and_answers_is_the_newsrooms_voice():
    """No question is put to anyone and no answer speaks in the first person: nobody's quotes."""
    text = ("Vladimir Putin pulled out of the grain deal in July. Putin said the West had not kept its side.\n\n"
            "Q: What was the grain deal?\n\nA: It let Ukraine ship grain through the Black Sea under UN watch.\n\n"
            "Q: Why did it end?\n\nA: Russia says its own exports of food and fertiliser stayed blocked.")
    assert "" not in stance.extract([Article("t", text)])["cue"].tolist()


@pytest.mark.parametrize("intro, question, speaker", [
    # the person the interview is said to be with, however often the article names others
    ("Our correspondent spoke to Oleksandra Matviichuk in an interview with Oleksandra Matviichuk. We asked about "
     "Vladimir Putin, the warrant against Putin, and whether Putin will ever face a court.", "Q: Will he?",
     "Oleksandra Matviichuk"),
    # the person a question addresses by name
    ("The spy chief has rarely spoken in public since the summer.", "Q: Mr Budanov, when will the war end?",
     "Budanov"),
    # the person who is said to have given the interview, or to have spoken to the writers, though the tagger knows
    # no name in the intro
    ("Oleksandr Syrskyi, the commander-in-chief, gave a rare interview this week. Syrskyi took over from Valerii "
     "Zaluzhnyi in February.", "Q: Why did Ukraine withdraw from Avdiivka?", "Oleksandr Syrskyi"),
    ("Our correspondent Anna Smith interviewed Ukraine's foreign minister Andrii Sybiha in Kyiv.",
     "Q: What do you expect from the summit?", "Andrii Sybiha"),
    ("Yulia Navalnaya has vowed to continue her husband's work. Alexei Navalny died in February. Navalnaya spoke to "
     "us in Berlin.", "Q: What do you want the West to do?", "Yulia Navalnaya"),
    # else the person the intro's sentences are about, not one merely named in them
    ("Mark Rutte took over from Jens Stoltenberg in October. Rutte has since visited every ally.",
     "Q: How is the alliance holding?", "Mark Rutte"),
])
def test_the_interviewee_is_the_one_the_interview_is_with_or_about(intro, question, speaker):
    text = f"{intro}\n\n{question}\n\nA: I think we will hold it, whatever they send against us."
    frame = stance.extract([Article("t", text)])
    answers = frame[frame["cue"] == ""]
    assert answers["text"].tolist() == ["I think we will hold it, whatever they send against us."]
    assert answers["speaker"].tolist() == [speaker]


@pytest.mark.parametrize("text", [
    "A: Not before the summer, and the grain corridor stays open.",  # an answer with no question before it
    "QAnon accounts spread the rumour again.\n\nThe grain corridor stays open, officials said on Monday.",
])
def test_a_line_that_only_looks_like_an_answer_is_no_interview(text):
    assert "" not in stance.extract([Article("t", text)])["cue"].tolist()


def test_a_post_signed_with_its_handle_on_the_line_under_it_is_the_authors():
    text = ("The commission's president wrote within the hour.\n\n"
            "I condemn in the strongest terms this barbaric attack on civilians in Kharkiv.\n\n"
            "— Kaja Kallas (@kajakallas) May 25, 2024\n\n"
            "Russian forces shelled the city again on Monday night.\n\n— Reporting by Anna Smith (@annasmith)")
    frame = stance.extract([Article("t", text)])
    assert frame[["quote_type", "text", "speaker"]].values.tolist() == [
        ["direct", "I condemn in the strongest terms this barbaric attack on civilians in Kharkiv.", "Kaja Kallas"]]


def test_an_intro_that_says_an_interview_follows_makes_the_answers_quotes():
    """Answers with no `I` to questions with no `you` are still the interviewee's when the intro says an interview
    follows (`spoke to us in Warsaw`)."""
    text = ("Mark Rutte spoke to us in Brussels.\n\nQ: How much will the allies spend next year?\n\n"
            "A: Nearly three percent of their output, and more in the east.")
    answers = stance.extract([Article("t", text)])
    assert answers[["text", "speaker"]].values.tolist() == [
        ["Nearly three percent of their output, and more in the east.", "Mark Rutte"]]


def test_a_long_paragraph_above_a_handle_is_no_post():
    """A handle's signature under a paragraph longer than a post (its tweet lost when the page became text) does not
    make the writer's paragraph the tweeter's."""
    paragraph = ("Daniels, the actress who is suing the president to release her from an agreement she signed in 2016, "
                 "has said she will not stop, and her lawyer has filed two more motions this week in the federal court "
                 "in Los Angeles, where the judge has yet to rule on any of them, months after the first was filed and "
                 "argued before him.")
    text = f"{paragraph}\n\n— Roseanne Barr (@therealroseanne) May 4, 2018"
    assert len(paragraph) > 300
    assert "Roseanne Barr" not in stance.extract([Article("t", text)])["speaker"].tolist()


def test_you_in_an_interviews_question_is_the_one_it_is_put_to():
    text = ("Dmytro Kuleba, the foreign minister, gave an interview in Kyiv this week.\n\nQ: You said last month that "
            "Ukraine would not cede any land. Is that still true?\n\nA: It is. We will not trade land for peace.")
    frame = stance.extract([Article("t", text)])
    asked = frame[frame["cue"] == "said"].iloc[0]
    assert (asked["text"], asked["speaker"], asked["speaker_mention"]) == (
        "Ukraine would not cede any land", "Dmytro Kuleba", "You")
    assert text[asked["speaker_start"]:asked["speaker_end"]] == "You"
    # outside an interview's question, `you` is still nobody the article names
    frame = stance.extract([Article("t", "Dmytro Kuleba spoke in Kyiv. You said that the war would end soon.")])
    assert frame["speaker"].tolist()[-1:] == [""]


def test_an_outlet_the_interview_was_given_to_is_not_the_one_interviewed():
    text = ("Estonian Spy Chief: Russia Is Rebuilding Its Forces\n\nIn an interview with Reuters, Kaupo Rosin, the "
            "head of Estonia's foreign intelligence service, spoke about Russia.\n\nQ: You warned in February that "
            "Russia was preparing for a long war. Has that changed?\n\nA: No. We see the same preparations, and we "
            "expect them to continue.")
    assert set(stance.extract([Article("t", text)])["speaker"]) == {"Kaupo Rosin"}


def test_an_explainer_that_addresses_its_reader_is_no_interview():
    text = ("Explainer: What Happened To The Grain Deal?\n\nThe deal collapsed in July.\n\nQ: You may have "
            "read that the deal collapsed. Why did it?\n\nA: Moscow said its own exports stayed blocked, and the "
            "ships stopped.")
    assert "" not in stance.extract([Article("t", text)])["cue"].tolist()
