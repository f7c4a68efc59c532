"""Nouns that carry what someone said (`stance.extraction.claims`) and what a content leaves to the reporter
(`stance.extraction.contents`). Sentences of the project's own."""

import pytest
from conftest import quotes_of


@pytest.mark.parametrize("text, content, speaker, cue", [
    # a feeling voiced is said
    ("The governor voiced concern that the dam could give way.", "the dam could give way", "The governor",
     "concern"),
    ("Peskov expressed hope that the prisoner exchange would go ahead.", "the prisoner exchange would go ahead",
     "Peskov", "hope"),
    # a claim noun given, offered or made by someone is theirs
    ("The commander gave assurances that the bridge would be held.", "the bridge would be held", "The commander",
     "assurances"),
    ("The embassy offered assurances that the convoy was carrying only food.", "the convoy was carrying only food",
     "The embassy", "assurances"),
    # the parse takes `that` for a relative pronoun; the clause has a subject and a modal, or an object, of its own
    ("The ministry issued a warning that more strikes would follow.", "more strikes would follow", "The ministry",
     "warning"),
    ("The mayor repeated her claim that soldiers looted the museum.", "soldiers looted the museum", "The mayor",
     "claim"),
    # what a call, an appeal or a plea asks for
    ("Kyiv renewed its call for a no-fly zone over the west of the country.",
     "a no-fly zone over the west of the country", "Ukraine", "call"),
    ("The Red Cross's appeal for safe passage out of the city went unanswered.", "safe passage out of the city",
     "Red Cross", "appeal"),
    ("Zelensky made a plea for more air defence systems.", "more air defence systems", "Zelensky", "plea"),
    ("The envoy issued a call for the two armies to pull back from the river.",
     "the two armies to pull back from the river", "The envoy", "call"),
])
def test_a_noun_of_saying_gives_the_holders_words(text, content, speaker, cue):
    assert quotes_of(text) == [[content, speaker, cue]]


@pytest.mark.parametrize("text", [
    "Her fear that the war would spread kept her awake.",  # a feeling held, not voiced
    "The build-up of troops raised fears that an attack was coming.",  # an event's effect
    "Many share the worry that prices will rise.",
    "It was a promise that he would keep.",  # relative clauses: `that` is the object
    "These are comments that you won't hear on television.",
    "The claim that he made turned out to be false.",
    "Calls for a ceasefire grew louder.",  # nobody holds them
    "The rouble fell amid strong demand for foreign currency from importers.",  # a market's demand
    "He took a call from the minister.",
])
def test_a_noun_nobody_is_said_to_voice_is_not_a_quote(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, content", [
    # a concession after the content is the reporter's
    ("The general claimed that the offensive was on schedule, although he again declined to give figures.",
     "the offensive was on schedule"),
    ("The ministry said the convoy had crossed the border, though it is unclear who escorted it.",
     "the convoy had crossed the border"),
    # a non-restrictive relative clause after what someone is said to have named
    ("The senator praised the defence minister's plan to rebuild the air force, which would cost billions.",
     "the defence minister's plan to rebuild the air force"),
])
def test_what_the_reporter_adds_after_a_comma_is_not_the_quote(text, content):
    assert [row[0] for row in quotes_of(text)] == [content]


def test_an_apposition_still_names_what_was_criticised():
    # `criticized X, the …`: the apposition names the object, which is the content
    (row,) = quotes_of("The president criticized Ivan Petrov, the former head of the central bank.")
    assert row[0] == "Ivan Petrov, the former head of the central bank"


def test_a_concession_holding_its_own_report_keeps_that_report():
    rows = quotes_of("Maria Zakharova said the talks had failed, although she noted that both sides would meet again.")
    assert [row[:2] for row in rows] == [["the talks had failed", "Maria Zakharova"],
                                         ["both sides would meet again", "Maria Zakharova"]]


@pytest.mark.parametrize("text, content, speaker", [
    # a verb conjoined to a reporting verb is not inside what that verb reports
    ("The ministry promised an inquiry and tried to make the case to donors that the funds were safe.",
     "the funds were safe", "The ministry"),
    # the parse hangs the that-clause on the one spoken to
    ("The soldier was shouting to the medics that his friend was still breathing.", "his friend was still breathing",
     "The soldier"),
])
def test_a_clause_the_parse_hangs_elsewhere_is_still_reported(text, content, speaker):
    assert [row[:2] for row in quotes_of(text)] == [[content, speaker]]


def test_a_clause_inside_what_is_reported_is_part_of_it():
    # `said` reports the whole clause, `made it clear` and all: one quote, not two
    rows = quotes_of("The envoy said the army had promised help and made it clear that it would stay.")
    assert [row[0] for row in rows] == ["the army had promised help and made it clear that it would stay"]


def test_a_relative_clause_on_the_one_spoken_to_is_not_a_quote():
    assert quotes_of("The general spoke to the soldiers that remained in the town.") == []


@pytest.mark.parametrize("text, content", [
    # what follows a last spaced dash is the reporter's aside
    ("The governor said the evacuation had begun - buses have been leaving since dawn.",
     "the evacuation had begun"),
    ("Shoigu suggested that Kyiv could use a dirty bomb — an explosive laced with radioactive material.",
     "Kyiv could use a dirty bomb"),
])
def test_what_follows_a_last_dash_is_the_reporters(text, content):
    assert [row[0] for row in quotes_of(text)] == [content]


@pytest.mark.parametrize("text, content", [
    # a pair of dashes around an aside inside the content, and a dash before quoted words, stay
    ("The envoy said the plan – a ceasefire followed by talks – would be presented on Monday.",
     "the plan – a ceasefire followed by talks – would be presented on Monday"),
    ("The mayor said the city was ready - “we will not be caught out again.”",
     "the city was ready - “we will not be caught out again"),
])
def test_a_dash_inside_the_content_or_before_quoted_words_stays(text, content):
    assert [row[0] for row in quotes_of(text)][0].startswith(content)


def test_a_gerund_subject_opens_the_reported_clause():
    (row,) = quotes_of("The senator said having the president on the ballot puts every seat at risk.")
    assert row[:2] == ["having the president on the ballot puts every seat at risk", "The senator"]


def test_a_reporting_gerund_is_its_own_cue():
    rows = quotes_of("The minister continues insisting the strikes hit only military targets.")
    assert [row[0] for row in rows] == ["the strikes hit only military targets"]


def test_a_statement_an_agency_relays_is_the_speakers_and_ends_before_the_agency():
    # LABELS.md §6: relayed speech belongs to its original speaker
    assert quotes_of("Zelensky said the strike on the market was a war crime, Reuters reported.") == [
        ["the strike on the market was a war crime", "Zelensky", "said"]]


def test_a_mixed_quote_keeps_the_closing_mark_of_its_fragment():
    (row,) = quotes_of("The minister said the strike was “a war crime,” the agency reported.")
    assert row[:2] == ["the strike was “a war crime,”", "The minister"]
    (row,) = quotes_of("The mayor said the city would rebuild “stronger than before.”")
    assert row[0] == "the city would rebuild “stronger than before.”"


def test_quoted_words_never_relay_the_statement_around_them():
    (row,) = quotes_of("The senator said voters are tired of hearing “she said this, he tweeted that.”")
    assert row[:2] == ["voters are tired of hearing “she said this, he tweeted that.”", "The senator"]


def test_say_with_an_object_that_carries_a_finite_verb_reports_a_clause():
    # the tagger takes `decries` for a noun, so the parse makes the clause an object with a relative clause
    (row,) = quotes_of("Stone says the increase in polarization that Bloomberg decries also makes his election "
                       "even less likely.")
    assert row[:2] == ["the increase in polarization that Bloomberg decries also makes his election even less likely",
                       "Stone"]
    # a real relative clause on the object of `say` is not a report
    assert quotes_of("She said the words that everyone remembers.") == []


@pytest.mark.parametrize("text, content, speaker", [
    # a statement relayed by another cue after it is its own speaker's, once (LABELS.md §6)
    ("Zelensky said the attack was a crime, the agency said.", "the attack was a crime", "Zelensky"),
    ("Kuleba said the talks had stalled, his office said in a statement.", "the talks had stalled", "Kuleba"),
    # the parse may hang the relayed speaker's clause on the relaying verb
    ("An Indonesian official said the draft was still being negotiated and might change, it said.",
     "the draft was still being negotiated and might change", "An Indonesian official"),
])
def test_a_relayed_statement_is_one_quote_of_its_own_speaker(text, content, speaker):
    assert [row[:2] for row in quotes_of(text)] == [[content, speaker]]


def test_quoted_words_after_a_statement_belong_to_the_cue_after_them():
    rows = quotes_of("Zelensky said the attack was a crime, “Russia will pay for this,” he added.")
    assert [row[:2] for row in rows] == [["the attack was a crime", "Zelensky"],
                                         ["Russia will pay for this,", "Zelensky"]]


def test_a_clause_that_is_not_a_report_is_still_what_the_later_cue_says():
    # `continuing`, `called for` with a thing as subject: no one's report, so the minister said it
    (row,) = quotes_of("Those discussions are continuing, the minister said.")
    assert row[:2] == ["Those discussions are continuing", "the minister"]


@pytest.mark.parametrize("text", [
    "The general gave assurances that the troops never received.",  # a relative clause the parse calls content
    "He expressed the hope that they had long held.",
    "Officials made claims that no one could verify.",
])
def test_a_clause_whose_verb_takes_the_claim_is_relative(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, content, speaker", [
    ("The minister voiced alarm that the dam could fail.", "the dam could fail", "The minister"),
    ("Poland put forward a proposal to send peacekeepers to the border.", "to send peacekeepers to the border",
     "Poland"),
    ("Kyiv renewed its call for a no-fly zone, which NATO has repeatedly rejected.", "a no-fly zone", "Ukraine"),
])
def test_more_nouns_of_saying(text, content, speaker):
    assert [row[:2] for row in quotes_of(text)] == [[content, speaker]]


def test_a_hedge_in_the_speakers_own_concession_stays():
    (row,) = quotes_of("The commander said the army would hold the line, although it might have to give up ground.")
    assert row[0] == "the army would hold the line, although it might have to give up ground"


def test_according_to_after_a_statement_only_says_who_passed_it_on():
    assert quotes_of("Zelensky said the attack was a crime, according to Reuters.") == [
        ["the attack was a crime", "Zelensky", "said"]]
    # with no statement of its own before it, the phrase names the source
    assert quotes_of("The attack was a crime, according to Reuters.") == [
        ["The attack was a crime", "Reuters", "according to"]]
    # nor does a statement after a leading phrase take it over
    (row,) = quotes_of("According to the air force, the missiles can fly more than 50 kilometres.")
    assert row[:2] == ["the missiles can fly more than 50 kilometres", "the air force"]


def test_a_that_clause_on_the_one_shouted_at_is_reported():
    (row,) = quotes_of("The sergeant yelled at the recruits that the enemy was close.")
    assert row[:2] == ["the enemy was close", "The sergeant"]
    assert quotes_of("He looked at the soldiers that remained in the town.") == []


def test_a_that_clause_on_the_one_who_told_is_reported():
    """`were told by X that …`: the parse hangs the content on X as if it were a relative clause."""
    (row,) = quotes_of("Reporters were told by a senior official that the strike had been planned for weeks.")
    assert row[:2] == ["the strike had been planned for weeks", "a senior official"]
    assert quotes_of("The plan was drafted by an aide that the ministry had hired in May.") == []


@pytest.mark.parametrize("text, content, speaker", [
    # the parse hangs the that-clause of someone's claim on the verb whose object the claim is
    ("The communique echoes Modi's message to Putin that the era of war is over.", "the era of war is over", "Modi"),
    ("The draft repeats Scholz's warning to Moscow that any attack would be answered.",
     "any attack would be answered", "Scholz"),
])
def test_a_claims_clause_hung_on_the_verb_is_the_claim_holders(text, content, speaker):
    assert [content, speaker] in [q[:2] for q in quotes_of(text)]
    assert all(q[1] == speaker for q in quotes_of(text) if q[0] == content)


@pytest.mark.parametrize("text, expected", [
    # a name right before a claim noun holds it, as a possessive does
    ("Pentagon warnings that Russia would invade were ignored.", [["Russia would invade", "Pentagon", "warnings"]]),
    ("The White House statement that the aid would continue was welcome.",
     [["the aid would continue", "White House", "statement"]]),
    # not a common noun before it: no one holds `the storm warnings`
    ("Storm warnings that the dam would break were ignored.", []),
])
def test_a_name_before_a_claim_noun_holds_it(text, expected):
    assert quotes_of(text) == expected
