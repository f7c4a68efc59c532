"""Reporting verbs that state nothing, passive reports with their agent, and what a verb's content leaves to the
reporter (`stance.extraction.cues`). Sentences of the project's own."""

import pytest
from conftest import quotes_of

import stance
from stance.extraction.nlp import parseable
from stance.records import Article


@pytest.mark.parametrize("text", [
    "The minister did not say that the deal was dead.",
    "Biden never blamed Kyiv for the strike on the bridge.",
    "The spokesman would not confirm or deny that the convoy had been hit.",
    "Peskov declined to confirm or deny that talks had begun.",
    "The general has not yet condemned the shelling of the port.",
    "The governor did not explain why the sirens had stayed silent.",
])
def test_a_denied_verb_of_saying_or_judging_states_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, content, speaker, cue", [
    # the denial of a belief is a view held, and the denial of a refusal a statement
    ("The envoy does not believe that the talks will work.", "the talks will work", "The envoy", "believe"),
    ("Peskov did not rule out talks with Kyiv.", "talks with Kyiv", "Peskov", "rule out"),
    ("The general did not deny that his troops had crossed the river.", "his troops had crossed the river",
     "The general", "deny"),
    # the negation is the content's, or the speaker's words, not the cue's
    ("The minister said the deal was not dead.", "the deal was not dead", "The minister", "said"),
    ("“Probably not,” the minister said.", "Probably not,", "the minister", "said"),
    ("The envoy not only criticised the deal but said it was a betrayal.", "it was a betrayal", "The envoy", "said"),
])
def test_a_negation_that_is_not_the_cues_keeps_the_quote(text, content, speaker, cue):
    assert [content, speaker, cue] in quotes_of(text)


@pytest.mark.parametrize("text, content, speaker", [
    ("Russia was accused by Kyiv of shelling the nuclear plant.", "shelling the nuclear plant", "Ukraine"),
    ("The battalion was accused of war crimes by the village council.", "war crimes", "the village council"),
    ("The hacker was accused by the FBI of running the botnet.", "running the botnet", "FBI"),
    # the parse hangs the gerund on the agent
    ("Russia was accused by Western governments of deliberately targeting civilian infrastructure.",
     "deliberately targeting civilian infrastructure", "Western governments"),
])
def test_a_passive_judgement_with_its_agent_gives_the_agents_reason(text, content, speaker):
    assert quotes_of(text) == [[content, speaker, "accused"]]


def test_a_passive_judgement_without_an_agent_is_nobodys():
    assert quotes_of("Russia was accused of shelling the nuclear plant.") == []


@pytest.mark.parametrize("text", [
    # a phrase on the agent that is no gerund is the agent's own description
    "Moscow was criticised by groups for human rights.",
    "The mayor was praised by the head of the agency.",
])
def test_a_noun_phrase_on_the_agent_is_no_reason(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, content, speaker, cue", [
    # a claim voiced, relayed by an office: one quote, the claimant's, with its quoted fragment closed
    ("Lavrov repeated his claim that Kyiv was “a terrorist state,” the ministry said.",
     "Kyiv was “a terrorist state,”", "Lavrov", "claim"),
    ("The mayor repeated her claim that soldiers looted the museum, the agency reported.",
     "soldiers looted the museum", "The mayor", "claim"),
    # a fragment left open by an `according to` content ends at its mark too
    ("According to the ministry, the strike was “a gross violation,” and talks were off.",
     "the strike was “a gross violation,” and talks were off", "the ministry", "According to"),
])
def test_a_relayed_claim_is_the_claimants_and_ends_at_its_closing_mark(text, content, speaker, cue):
    assert quotes_of(text) == [[content, speaker, cue]]


def test_a_claim_voiced_without_its_content_is_the_relaying_sources_report():
    assert quotes_of("Lavrov repeated his claim, the ministry said.") == [
        ["Lavrov repeated his claim", "the ministry", "said"]]


@pytest.mark.parametrize("text, speaker", [
    # the tagger runs the place the role serves into the holder's name
    ("Russia's ambassador to Washington Anatoly Antonov said the aid would change nothing.", "Anatoly Antonov"),
    ("The special envoy for Ukraine Kurt Volker said the talks had stalled.", "Kurt Volker"),
    # a `to` or `for` phrase that names someone else says whom the role serves
    ("An aide to President Volodymyr Zelensky said the talks had stalled.", "An aide"),
    ("A spokeswoman for Hillary Clinton says the campaign helped nobody.", "A spokeswoman"),
])
def test_a_role_with_the_place_it_serves_before_a_name_is_that_persons(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


def test_a_participle_after_a_reaction_in_a_relative_clause_is_the_reacting_persons():
    text = ("Europe paid twice the price for gas, which drew a sharp rebuke from Hungary's foreign minister, saying it "
            "was a scandal.")
    assert quotes_of(text) == [["it was a scandal", "Hungary's foreign minister", "saying"]]
    text = ("Bloomberg reported that Europe lost a trillion dollars by shunning Russian gas, which drew criticism from "
            "President Emmanuel Macron, saying it must stop.")
    assert quotes_of(text) == [["Europe lost a trillion dollars by shunning Russian gas", "Bloomberg", "reported"],
                               ["it must stop", "Emmanuel Macron", "saying"]]


def test_a_participle_after_a_reaction_inside_a_report_goes_on_with_the_report():
    assert quotes_of("The minister said the plan had drawn criticism from Kyiv, adding that it would go ahead.") == [
        ["the plan had drawn criticism from Kyiv", "The minister", "said"],
        ["it would go ahead", "The minister", "adding"]]


@pytest.mark.parametrize("text, bracketed", [
    ("of [Russian] troops,", "of  Russian  troops,"),
    ("“[The Kremlin] will", "“ The Kremlin  will"),
    ("[W]e are", "[W]e are"),  # part of a word
    ("the continent [of Europe].”", "the continent [of Europe].”"),  # it ends the quote
    ("See [1] and [2].", "See  1  and [2]."),
])
def test_an_editors_brackets_between_words_are_read_as_spaces(text, bracketed):
    assert parseable(text) == bracketed


@pytest.mark.parametrize("text", [
    "The council is continuing to demand an “end of the shelling and the return of [Ukrainian] children,” Olena "
    "Bondar, an aide to the mayor, wrote on Telegram, adding that she hopes the talks will work.",
    "The ministry keeps asking for the “release of [our] prisoners,” Taras Melnyk, a spokesman for the army, said.",
    "They are demanding the “withdrawal of [Russian] forces from the plant,” Ivan Petrenko, the director, told us.",
])
def test_an_editors_brackets_do_not_change_the_parse_of_the_sentence_they_stand_in(nlp, text):
    def parse(words: str) -> list[tuple[str, str, str]]:
        return [(t.text, t.dep_, t.head.text) for t in nlp(parseable(words)) if not t.is_space and t.text not in "[]"]

    assert parse(text) == parse(text.replace("[", "").replace("]", ""))


def test_a_span_that_would_start_inside_an_editors_brackets_keeps_the_opening_one():
    assert quotes_of("The minister praised [the troops] for holding the line.") == [
        ["[the troops] for holding the line", "The minister", "praised"]]
    assert quotes_of("The minister said [Russian] troops would leave.") == [
        ["[Russian] troops would leave", "The minister", "said"]]


def test_a_name_in_an_opening_phrase_is_not_the_subject(nlp):
    # the misparse, written out: the speaker hangs as an apposition on the name in the opening phrase, and the
    # verb is left without a subject
    from spacy.tokens import Doc

    from stance.extraction.sources import find_source

    words = ["In", "his", "talk", "with", "Hartmann", ",", "energy", "chief", "Herman", "Halushchenko", ",",
             "admits", ":", "“", "The", "grid", "is", "failing", ".", "”"]
    heads = [11, 2, 0, 2, 3, 4, 7, 9, 9, 4, 11, 11, 11, 16, 15, 16, 11, 16, 11, 11]
    deps = ["prep", "poss", "pobj", "prep", "pobj", "punct", "compound", "compound", "compound", "appos", "punct",
            "ROOT", "punct", "punct", "det", "nsubj", "ccomp", "acomp", "punct", "punct"]
    pos = ["ADP", "PRON", "NOUN", "ADP", "PROPN", "PUNCT", "NOUN", "NOUN", "PROPN", "PROPN", "PUNCT", "VERB",
           "PUNCT", "PUNCT", "DET", "NOUN", "AUX", "VERB", "PUNCT", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", *["O"] * 10]
    lemmas = [{"admits": "admit", "is": "be"}.get(w, w.lower()) for w in words]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas,
              sent_starts=[True, *[False] * 19])
    assert find_source(doc[11]).text == "Halushchenko"
    assert [q[1] for q in quotes_of("In Kyiv, Olena Bondar, the mayor's aide, said the water was back.")] == [
        "Olena Bondar"]


@pytest.mark.parametrize("text, expected", [
    # the title of a work is not a quote, and does not hide the name before it
    ("Writing in The Observer, Mark Harlow, a historian and author of \"The Long Retreat: Armies in Winter,\" said "
     "that the army had failed to prepare.", [["the army had failed to prepare", "Mark Harlow", "said"]]),
    ("The documentary “Winter on Fire” shows the square at night, the reviewer wrote.",
     [["The documentary “Winter on Fire” shows the square at night", "the reviewer", "wrote"]]),
    # a name given, and words in title case with nothing that introduces a title, are quotes
    ("Zelensky called it “A Crime Against Humanity,” and left.", [["A Crime Against Humanity,", "Zelensky", "called"]]),
    ("“Glory To Ukraine,” the crowd chanted.", [["Glory To Ukraine,", "the crowd", "chanted"]]),
])
def test_the_title_of_a_work_is_not_a_quote(text, expected):
    assert quotes_of(text) == expected


def test_an_adverbial_clause_inside_an_organisations_quote_does_not_make_it_a_relayed_report(nlp):
    # the misparse, written out: `after the story spread, viewers repeat it` with `spread` as the reported clause
    # of `repeat`; the quote stays the company's
    from types import SimpleNamespace

    from spacy.tokens import Doc

    from stance.extraction.relay import original_source
    from stance.records import Speaker

    words = ["After", "the", "story", "spread", ",", "viewers", "repeat", "it"]
    heads = [3, 2, 3, 6, 6, 6, 6, 6]
    deps = ["mark", "det", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "dobj"]
    pos = ["SCONJ", "DET", "NOUN", "VERB", "PUNCT", "NOUN", "VERB", "PRON"]
    lemmas = ["after", "the", "story", "spread", ",", "viewer", "repeat", "it"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    company = Speaker("the company", type="organization")
    item = SimpleNamespace(kind="direct", start=0, end=len(doc.text), speaker=company)
    assert original_source(doc, item) is None
    # a reporting clause with a named subject inside an organisation's quote still passes the words on
    assert [q[1] for q in quotes_of('Reuters noted that "A senior official said on Wednesday Moscow was ready to '
                                    'talk."')] == ["A senior official"]


@pytest.mark.parametrize("text, expected", [
    ("Zelensky attacked the West for its slow delivery of tanks.",
     [["the West for its slow delivery of tanks", "Zelensky", "attacked"]]),
    ("She attacked her rivals for accepting donations from abroad.",
     [["her rivals for accepting donations from abroad", "She", "attacked"]]),
    # an army attacks in deeds, and `for hours` says how long
    ("Russian forces attacked the town for the third time.", []),
    ("He attacked the convoy for hours.", []),
])
def test_a_person_attacking_someone_for_a_reason_judges_them_in_words(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # what a thing shows is the relaying source's statement, whole
    ("According to the ministry, the flight data of one of the drones show that it was launched from a cargo ship.",
     [["the flight data of one of the drones show that it was launched from a cargo ship", "the ministry",
       "According to"]]),
    # someone who speaks inside an `according to` content still speaks
    ("According to the report, the minister said that the bridge was hit twice.",
     [["the bridge was hit twice", "the minister", "said"]]),
])
def test_what_a_thing_shows_inside_an_according_to_content_is_the_sources_statement(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Kremlin presented the referendum as the will of the people.",
     [["the will of the people", "Kremlin", "presented"]]),
    ("Organisers billed the summit as a turning point for the region.",
     [["a turning point for the region", "Organisers", "billed"]]),
    ("The minister presented his plan on Monday.", []),  # no `as`: an act
])
def test_presenting_or_billing_something_as_something_names_it(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # through the adverb that holds the preposition, to the one who speaks
    ("The governor refuses to discuss candidates, aside from saying he wants a diverse list.",
     [["he wants a diverse list", "The governor", "saying"]]),
    ("Apart from saying the talks had stalled, Peskov gave no details.",
     [["the talks had stalled", "Peskov", "saying"]]),
    # `stopped short of calling`: words not said
    ("The minister stopped short of calling the strike a war crime.", []),
])
def test_a_participle_behind_an_adverbs_preposition_speaks_for_the_subject(text, expected):
    assert quotes_of(text) == expected


def test_a_role_the_parse_makes_a_second_subject_after_a_name_gives_way_to_the_name(nlp):
    # the misparse, written out: `NAME, the secretary general of the alliance, vowed …` with both as subjects
    from spacy.tokens import Doc

    from stance.extraction.sources import find_source

    words = ["Jens", "Halvorsen", ",", "the", "secretary", "general", "of", "the", "alliance", ",", "vowed", "to",
             "stay"]
    heads = [1, 10, 10, 5, 5, 10, 5, 8, 6, 5, 10, 12, 10]
    deps = ["compound", "nsubj", "punct", "det", "compound", "nsubj", "prep", "det", "pobj", "punct", "ROOT", "aux",
            "xcomp"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PART", "VERB"]
    lemmas = [w.lower() for w in words[:10]] + ["vow", "to", "stay"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert find_source(doc[10]).text == "Halvorsen"


@pytest.mark.parametrize("text", [
    "Military analysts said economic factors have contributed to the decline, citing the rising cost of fuel.",
    "Security experts said political pressures have added to the delay, citing the elections in both countries.",
])
def test_a_participle_of_citing_after_a_reported_clause_is_the_reporters(text):
    assert {q[1] for q in quotes_of(text)} == {text.split(" said")[0]}


@pytest.mark.parametrize("text, content", [
    # a list of things the parse took for an apposition stays whole
    ("The spokesman said the president has long called for tax fairness, the closure of loopholes and higher "
     "taxes on the rich.",
     "the president has long called for tax fairness, the closure of loopholes and higher taxes on the rich"),
    # an apposition to a name, roles joined by `and` included, is the reporter's
    ("Putin said he would meet Mr. Trump, the presumed favourite of the Kremlin.", "he would meet Mr. Trump"),
])
def test_a_list_is_not_cut_as_an_apposition(text, content):
    assert quotes_of(text)[0][0] == content


@pytest.mark.parametrize("text, expected", [
    # the parse may hang the whole sentence under a leading `according to`: the phrase ends at its comma
    ("According to conservative radio host Dan Miller, the decision reeks of fear and desperation.",
     [["the decision reeks of fear and desperation", "Dan Miller", "According to"]]),
    ("According to Smith, a professor at Yale, the decision reeks of fear and desperation.",
     [["the decision reeks of fear and desperation", "Smith", "According to"]]),
])
def test_a_leading_according_to_phrase_ends_at_the_comma_after_its_source(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("At a rally, the senator likened the refugees to a “vicious snake” in a song.",
     [["vicious snake", "the senator", "likened"]]),
    ("The host likened the channel to the BBC of the Cold War.",
     [["the channel to the BBC of the Cold War", "The host", "likened"]]),
])
def test_likening_someone_to_something_names_them(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('The senator exhorted delegates to "vote your conscience" in his speech.',
     [["vote your conscience", "The senator", "exhorted"]]),
    ("Two speechwriters implored her to bring the line back.",
     [["her to bring the line back", "Two speechwriters", "implored"]]),
    ("The prisoner begged forgiveness.", []),  # no one urged to do anything
])
def test_urging_someone_to_do_something_is_a_quote(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Zelensky compared Putin to Hitler.", [["Putin to Hitler", "Zelensky", "compared"]]),
    # a relative clause after what someone is likened to is the reporter's, scare quotes and all
    ("The party compared the new border rules to the old pass laws, which confined workers to “reserves”.",
     [["the new border rules to the old pass laws", "The party", "compared"]]),
    # a comparison of data, or `compared to` between figures, says what nobody is called
    ("The ministry compared the figures with last year's.", []),
    ("Food prices rose 12% in May, compared to 9% in the same month last year.", []),
])
def test_comparing_someone_to_something_names_them_but_a_comparison_of_data_does_not(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a denial inside another's report is that report's content (found by a blind review)
    ("Scholz never said Germany would send the missiles, his spokesman insisted.",
     [["Scholz never said Germany would send the missiles", "his spokesman", "insisted"]]),
    # `according to plan`: no one's words
    ("According to plan, the convoy left the city at dawn.", []),
    ("According to police, three people died in the strike.", [["three people died in the strike", "police",
                                                                 "According to"]]),
    # the parse may make the infinitive an adverbial clause
    ("The mayor exhorted residents to stay in shelters.", [["residents to stay in shelters", "The mayor",
                                                            "exhorted"]]),
])
def test_what_a_blind_review_of_these_rules_found(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, content", [
    # what the speaker did after the quoted words is the reporter's
    ("The inspector warned that the site was “fragile and potentially dangerous,” before leaving the city.",
     "the site was “fragile and potentially dangerous,”"),
    # without quoted words to end on, `before …` may be the speaker's own plan
    ("He said the army would withdraw before regrouping in the east.",
     "the army would withdraw before regrouping in the east"),
])
def test_a_deed_after_the_closing_mark_is_not_part_of_the_content(text, content):
    assert quotes_of(text)[0][0] == content


@pytest.mark.parametrize("text, expected", [
    # what a call asks for is a statement however short
    ("The Pope called for peace.", [["peace", "The Pope", "called"]]),
    ("The opposition called for free elections.", [["free elections", "The opposition", "called"]]),
    ("A top official appealed for calm.", [["calm", "A top official", "appealed"]]),
    # a short object says nothing, and `for` after an object says why
    ("She called for him.", []),
    ("The empire keeps pushing war for profit.", []),
])
def test_what_a_call_asks_for_is_a_quote_however_short(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, content", [
    # the parse takes the list's first item for what is called for and the rest for the verb's object or a `dep`
    ("The minister called for sanctions on oligarchs, tighter export controls and a ban on Russian oil.",
     "sanctions on oligarchs, tighter export controls and a ban on Russian oil"),
    ("Zelensky called for more weapons, more sanctions and a tribunal.", "more weapons, more sanctions and a tribunal"),
    # the first item with its own phrase, the comma hung on it, the rest a loose noun
    ("The protesters called for the release of detained journalists, an end to police violence and fresh elections.",
     "the release of detained journalists, an end to police violence and fresh elections"),
    ("The opposition called for the release of political prisoners, an end to censorship and free elections.",
     "the release of political prisoners, an end to censorship and free elections"),
    # a date after the comma says when
    ("They called for talks, last week.", "talks"),
    # a clause after the comma is not the list's
    ("She called for calm, saying the situation was under control.", "calm"),
])
def test_a_list_called_for_is_one_content(text, content):
    assert quotes_of(text)[0][0] == content


@pytest.mark.parametrize("text, content", [
    # the parse hangs `for someone to do something` on the verb as a clause: who is asked to do what
    ("The minister called for the allies to send more tanks.", "the allies to send more tanks"),
    ("The senator pressed for Kyiv to hold elections next year.", "Kyiv to hold elections next year"),
    ("The bishops appealed for both armies to stop shelling the town.", "both armies to stop shelling the town"),
])
def test_a_call_for_someone_to_act_is_a_quote(text, content):
    assert quotes_of(text)[0][0] == content


def test_quoted_words_after_a_call_stay_with_the_verb_that_holds_them():
    # the parse hangs the quoted infinitive on `calling`; it is what Reznikov urges, and the call is its own quote
    quotes = quotes_of("“Wait,” said Defence Minister Oleksii Reznikov, urging those calling for Kyiv’s surrender to "
                       "“give us time.”")
    assert ["give us time.", "Oleksii Reznikov", "urging"] in quotes
    assert [text for text, _, cue in quotes if cue == "calling"] == ["Kyiv’s surrender"]


def test_an_object_before_the_call_phrase_is_what_someone_is_called():
    assert quotes_of("The senator called the plan a betrayal of Ukraine.")[0][0] == "the plan a betrayal of Ukraine"


@pytest.mark.parametrize("ents, expected", [
    # a full name in apposition to a role is the person, even where the tagger left it untyped
    (["O"] * 9, "Sadowski"),
    # or typed as an organisation, known for a person by the role it stands beside
    (["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O", "O"], "Sadowski"),
    # not a name typed as a place
    (["O", "O", "O", "O", "B-GPE", "I-GPE", "O", "O", "O"], "general"),
])
def test_a_role_the_tagger_took_for_an_adjective_gives_way_to_the_name_after_it(nlp, ents, expected):
    # the misparse, written out: `his top general, Marek Sadowski, has alleged` with `general` an adjective
    from types import SimpleNamespace

    from spacy.tokens import Doc

    from stance.extraction.attribution import _named_in_apposition
    words = ["his", "top", "general", ",", "Marek", "Sadowski", ",", "has", "alleged"]
    heads = [2, 2, 8, 2, 5, 2, 2, 8, 8]
    deps = ["poss", "amod", "nsubj", "punct", "compound", "appos", "punct", "aux", "ROOT"]
    pos = ["PRON", "ADJ", "ADJ", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents,
              lemmas=[w.lower() for w in words])
    index = SimpleNamespace(surname_known=lambda token: False)
    assert _named_in_apposition(doc[2], index).text == expected


@pytest.mark.parametrize("text, expected", [
    # a role whose phrase runs the place it serves into the name records that person's role, so a word for the same
    # office refers back to them
    ("Washington keeps pouring money into the conflict, Russia's ambassador to Washington Anatoly Antonov has said. "
     "“The money is wasted on war,” the diplomat told journalists.", ["Anatoly Antonov", "Anatoly Antonov"]),
    ("Berlin keeps sending tanks, Ukraine's ambassador to Germany Oleksii Makeiev said on Monday. “We need more of "
     "them,” the diplomat added.", ["Oleksii Makeiev", "Oleksii Makeiev"]),
    # an aide to someone is not that someone, nor is `the aide` later: it is the aide met before, one speaker
    ("Kyiv wants a deal, an aide to President Volodymyr Zelensky said. “We are ready,” the aide added.",
     ["an aide", "an aide"]),
    # the tagger may take the place and the name for one person: the name is still the one without the place
    ("Kyiv needs more shells, Germany's ambassador to Kyiv Martin Jäger said on Monday. “We will deliver them,” "
     "the envoy added.", ["Martin Jäger", "Martin Jäger"]),
    # a body served, of one word or two, before the name
    ("Britain's ambassador to the UN Barbara Woodward said the vote was a disgrace.", ["Barbara Woodward"]),
    ("Ukraine's ambassador to the United Nations Sergiy Kyslytsya said the vote was a disgrace.",
     ["Sergiy Kyslytsya"]),
    ("A spokeswoman for the UN said the convoy was hit.", ["A spokeswoman"]),
    ("An adviser to the UN Secretary-General Antonio Guterres said the talks failed.", ["An adviser"]),
])
def test_a_role_served_in_a_place_refers_back_to_its_holder(text, expected):
    assert [q[1] for q in quotes_of(text)] == expected


@pytest.mark.parametrize("text, speaker", [
    # a date's possessive says when, and the document's `by` phrase who
    ("Monday’s announcement by the Pentagon said that the U.S. will send more aid.", "Pentagon"),
    ("The ministry's statement said the talks were over.", "The ministry"),
])
def test_a_documents_date_is_not_its_author(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


def test_a_role_in_apposition_to_a_person_is_theirs_not_the_name_in_its_phrase():
    # `the editor-in-chief of the media group Rossiya Segodnya` is Simonyan's role; the body's name never becomes a
    # person that `The head` could refer back to
    text = ("The West has resorted to lies, said Margarita Simonyan, the editor-in-chief of the state media group "
            "Rossiya Segodnya. The head of the media group stressed that the names of the attackers are known.")
    speakers = [q[1] for q in quotes_of(text)]
    assert speakers[0] == "Margarita Simonyan" and "Rossiya Segodnya" not in speakers


@pytest.mark.parametrize("text, expected", [
    # a claim noun's `of` phrase in quotation marks is its holder's words, even inside another's report
    ("Last night, a Russian senator vowed to cut off Europe’s gas in response to Mr Johnson’s threat of “coordinated "
     "and severe economic sanctions”.",
     [["coordinated and severe economic sanctions", "Johnson", "threat"]]),
    ("The Kremlin rejected Biden's warning of “swift and severe consequences” for any attack.",
     [["swift and severe consequences", "Biden", "warning"]]),
    # without a holder it names a danger, and a thing holds no words
    ("The threat of “nuclear war” hangs over Europe, the minister said.",
     [["The threat of “nuclear war” hangs over Europe", "the minister", "said"]]),
    ("Analysts watched the storm's threat of “total destruction” in the port.", []),
])
def test_quoted_words_of_a_claim_noun_are_its_holders(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, speaker", [
    # a document published in an outlet named is the outlet's
    ("According to a report published in the Financial Times, the ministry plans to cut spending.",
     "Financial Times"),
    ("An article published on Meduza said the army was short of shells.", "Meduza"),
    # not when the phrase says when
    ("A report published in March said the army was short of shells.", "A report"),
])
def test_a_document_published_in_an_outlet_is_the_outlets(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # a participle setting out what a deed holds is part of the deed the source reports
    ("According to the broadcaster, the ministry issued new rules, explaining how conscripts would be called up.",
     [["the ministry issued new rules, explaining how conscripts would be called up", "the broadcaster",
       "According to"]]),
    # a participle of saying is the doer's own statement (LABELS.md §6), and the source still reports the deed
    ("According to the agency, the minister left the talks, saying they were a farce.",
     [["the minister left the talks", "the agency", "According to"], ["they were a farce", "the minister", "saying"]]),
    ("According to witnesses, the commander addressed the troops, declaring that the city would never fall.",
     [["the commander addressed the troops", "witnesses", "According to"],
      ["the city would never fall", "the commander", "declaring"]]),
    # a report of speech is the speaker's alone
    ("According to the ministry, the general said the city would hold.",
     [["the city would hold", "the general", "said"]]),
])
def test_a_participle_beside_a_reported_deed(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, speaker", [
    # an investigation is a document: its author speaks through it
    ("The independent outlet spearheaded an investigation that revealed the general had fled.",
     "The independent outlet"),
    ("An investigation by the UN found that the strike killed 20 civilians.", "UN"),
])
def test_an_investigation_speaks_for_who_made_it(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


def test_an_editors_note_is_no_cue():
    text = ("In the words of Jeremy Jurgens, the forum's director:\n\n“I believe that there will be another crisis. "
            "It will be more significant.” (emphasis added)")
    assert [q[1] for q in quotes_of(text)] == ["Jeremy Jurgens"]
    # someone's `added` beside the word stays a cue
    assert quotes_of("The emphasis, he added, was on defence.")[0][1:] == ["he", "added"]


@pytest.mark.parametrize("text, speaker", [
    # a relative clause on the name is not the introduction's verb, and only the colon's sentence is read
    ("A renewed fear campaign, a warning of an impending danger? In the words of Jeremy Jurgens, who is the WEF’s "
     "Managing Director:\n\n“I believe that there will be another crisis.” (emphasis added)", "Jeremy Jurgens"),
    ("And from Defence Minister Rustem Umerov, who visited the front on Monday:\n\n“We will hold the line.”",
     "Rustem Umerov"),
])
def test_a_colon_introduction_with_a_relative_clause_names_the_speaker(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # a line break inside a sentence (a word before it, a lower-case word after it) does not end the sentence
    ("According to Mettan, the countries of the Global South\n\nmay end up sending their representatives.",
     [["the countries of the Global South\n\nmay end up sending their representatives", "Mettan", "According to"]]),
    ("The lawmaker suggests that Western support\n\nfor the regime is weakening.",
     [["Western support\n\nfor the regime is weakening", "The lawmaker", "suggests"]]),
    # a new paragraph opens with a capital, and a byline is no sentence's end
    ("The talks failed.\n\nThe minister said nothing more.", []),
    ("Kremlin says talks with Kyiv are over \n\n by Anna Petrova\n\nThe war goes on.",
     [["talks with Kyiv are over", "Kremlin", "says"]]),
])
def test_a_line_broken_inside_a_sentence_is_read_as_one_sentence(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a cue-less fragment after someone's quote in its own paragraph is theirs, not the next paragraph's speaker's
    ('According to Volker, NATO investigators have been collecting evidence for months. This includes intercepted '
     'calls between commanders, "anything that indicates responsibility." \n\nLater in the interview, Smith pressed '
     'Volker on rumours, saying the trials were a sham.', ["Volker", "Volker", "Smith"]),
])
def test_a_fragment_after_a_quote_in_its_paragraph_is_that_speakers(text, expected):
    assert [q[1] for q in quotes_of(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # a quote left open at a paragraph's end and closed in the next one without reopening: one speaker, the closer's
    ("The ban covers every phone. “It does not matter which brand they are.\n\nAny phone can be tracked. So they "
     "are not used for work,” said the spokesman Ivan Petrov. Another official stayed silent.",
     [["It does not matter which brand they are.", "Ivan Petrov", "said"],
      ["Any phone can be tracked. So they are not used for work,", "Ivan Petrov", "said"]]),
    # a paragraph that reopens is not taken for the same speaker's by its own cue: `“…,” added X` may be another's
    ("“We will not give up,” Anna Kovalenko said. “The line will hold.\n\n“The winter is hard,” added "
     "Oleh Marchenko.",
     [["We will not give up,", "Anna Kovalenko", "said"], ["The line will hold.", "Anna Kovalenko", "said"],
      ["The winter is hard,", "Oleh Marchenko", "added"]]),
])
def test_a_quote_closed_in_the_next_paragraph_is_its_closers(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # someone casting someone as quoted words, with any verb, gives those words
    ("Orban openly admires the Russian president as a “strong leader.”", [["strong leader.", "Orban", "admires"]]),
    ("Critics dismissed the plan as “a fantasy.”", [["a fantasy.", "Critics", "dismissed"]]),
    # not without marks, nor a thing's casting
    ("Orban openly admires the Russian president as a strong leader.", []),
    ("The law treats them as “residents.”", []),
])
def test_casting_someone_as_quoted_words_quotes_them(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # someone using words quoted after a noun for words, however the parse hangs them
    ("Trump has used the phrase “Islamic terrorism” often in his campaign.",
     [["Islamic terrorism", "Trump", "used"]]),
    ("The minister coined the term “special military operation” in February.",
     [["special military operation", "The minister", "coined"]]),
    ("The ministry uses the term “liberated” for occupied towns.", [["liberated", "The ministry", "uses"]]),
    # words avoided or refused are not said
    ("He avoided the word “war” in his speech.", []),
    ("Senator Grills General On His Refusal To Use The Words ‘Russian Invasion.’", []),
    ("The envoy refused to use the words “Russian aggression” at the meeting.", []),
    ("The minister did not use the word “war” once.", []),
])
def test_words_someone_uses_are_their_words(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a claim noun whose content holds quoted words claims them before the verb whose object it is: one quote
    ("He rejected the senator's claim that the war would be over “in a week.”",
     [["the war would be over “in a week.”", "the senator", "claim"]]),
    # more nouns of saying
    ("Biden answered Mr. Trump's interjection that not paying taxes made him “smart.”",
     [["not paying taxes made him “smart.”", "Trump", "interjection"]]),
    # quoted words joined by `or` are cast as they are
    ("Lena Hart rated the speech as “false” or “pants on fire.”",
     [["false", "Lena Hart", "rated"], ["pants on fire.", "Lena Hart", "rated"]]),
])
def test_quoted_words_inside_a_claim_noun_are_one_quote(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the parse hangs the parenthetical verb on the auxiliary: the clause it reports is still the main verb's
    ("The workers, the minister said on Monday, were “well paid.”",
     [["The workers, the minister said on Monday, were “well paid.”", "the minister", "said"]]),
    ("The workers, the minister said, were well paid by the state.",
     [["The workers, the minister said, were well paid by the state", "the minister", "said"]]),
])
def test_a_parenthetical_verb_hung_on_an_auxiliary_reports_the_whole_clause(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # `going on to say` after a reported clause is the reporter's
    ("Sanders said the debate was insane, going on to say that the country has spent years fighting racism.",
     ["Sanders", "Sanders"]),
    # a person a passive acts on said what the participle before says
    ("After saying her foot was swollen, she was taken to hospital.", ["she"]),
    # a thing acted on says nothing
    ("The deal was signed in May, saying that both sides would withdraw.", [""]),
])
def test_participles_of_saying_find_who_speaks(text, expected):
    assert [q[1] for q in quotes_of(text)] == expected


def test_going_on_to_say_ends_the_content_before_it_even_with_quoted_words_after():
    text = "Sanders said the debate was insane, going on to say that the country has spent “years fighting racism.”"
    assert quotes_of(text) == [["the debate was insane", "Sanders", "said"],
                               ["the country has spent “years fighting racism.”", "Sanders", "say"]]


@pytest.mark.parametrize("text, expected", [
    # a judgement stated in a parenthesis reports the clause around it
    ("Russia's losses, British intelligence has estimated, are above 300,000.",
     [["Russia's losses, British intelligence has estimated, are above 300,000", "British intelligence",
       "estimated"]]),
    ("The strikes, analysts expect, will continue into spring.",
     [["The strikes, analysts expect, will continue into spring", "analysts", "expect"]]),
    # what the writer and the reader know is no one's statement
    ("The second path has, as we know, been taken by others.", []),
])
def test_a_judgement_in_a_parenthesis_reports_the_clause_around_it(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the parse makes the speech verb the root, the subject a loose `dep` and the clause's verb a conjunct
    ("The front line, General Oleksandr Syrskyi told reporters, was “stable but difficult.”",
     [["stable but difficult.", "Oleksandr Syrskyi", "told"]]),
    ("The ceasefire, officials told reporters, had been broken twice overnight.",
     [["The ceasefire, officials told reporters, had been broken twice overnight", "officials", "told"]]),
])
def test_a_parenthesis_with_an_object_reports_the_clause_around_it(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an editor's note after the quoted words is no part of the quote
    ("The order stated that “the line must be held at any cost” (emphasis added).",
     [["the line must be held at any cost", "The order", "stated"]]),
    ("Medvedev wrote on Telegram: “Kyiv will burn” (Emphasis mine).", [["Kyiv will burn", "Medvedev", "wrote"]]),
])
def test_an_editors_note_after_a_quote_is_not_in_it(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the parse hangs the that-clause on the occasion as a relative clause with its own subject
    ("The president said in a speech that victory was near.", [["victory was near", "The president", "said"]]),
    # a true relative clause on the occasion says nothing
    ("The president spoke in the speech that he gave on Monday.", []),
])
def test_a_that_clause_hung_on_the_occasion_is_the_verbs(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, speaker", [
    # a name in apposition to a role, tagged as an organisation, is the person
    ("Its chief negotiator, Rustem Umerov, said the talks had stalled.", "Rustem Umerov"),
    # not a body's name, which holds a word for a body
    ("Its main sponsor, Deutsche Bank, said the deal was off.", "Its main sponsor"),
])
def test_a_name_beside_a_role_tagged_as_a_body_is_the_person(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("text, expected", [
    # words someone was kept from, or far from, saying are not said
    ("The minister was banned from saying that the border would reopen.", []),
    ("The envoy refrained from calling it an invasion.", []),
    ("Far from saying the war was over, the general warned of more fighting.", []),
    # `apart from saying` said it, and so did someone not stopped from saying it
    ("Apart from saying the talks had failed, the envoy gave no details.",
     [["the talks had failed", "the envoy", "saying"]]),
    ("The audit did not stop officials from claiming that the aid had arrived.",
     [["the aid had arrived", "officials", "claiming"]]),
])
def test_words_kept_from_being_said_are_no_quote(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an agency's dateline is no subject: the sentence's own subject speaks, past an apposition or a participle
    ("WASHINGTON -- President Obama, opening the museum on Saturday, said it would tell an American story.",
     [["it would tell an American story", "Obama", "said"]]),
    ("KYIV, Ukraine (AP) — President Volodymyr Zelenskyy, visiting the front on Monday, said the army would hold.",
     [["the army would hold", "Volodymyr Zelenskyy", "said"]]),
    ("MOSCOW, March 3 (Reuters) - Kremlin spokesman Dmitry Peskov, speaking to reporters, said talks were possible.",
     [["talks were possible", "Dmitry Peskov", "said"]]),
    # a headline run into the paragraph before the dateline
    ("Macron urges neutral states to act. UNITED NATIONS (Reuters) - French President Emmanuel Macron, speaking on "
     "Tuesday, said the war was imperialism.", [["neutral states to act", "Emmanuel Macron", "urges"],
                                               ["the war was imperialism", "Emmanuel Macron", "said"]]),
    # capitals before a dash that are no dateline stay: an acronym that is the subject
    ("NATO — the largest military alliance, meeting in Brussels, said it would help.",
     [["it would help", "NATO", "said"]]),
    ("The talks ended. NATO — the largest military alliance, meeting in Brussels, said it would help.",
     [["it would help", "NATO", "said"]]),
])
def test_a_dateline_is_read_as_spaces(text, expected):
    assert quotes_of(text) == expected


def test_a_dateline_keeps_every_offset():
    text = "KYIV, Ukraine (AP) — Zelenskyy said the army would hold.\n\nLONDON — More aid came."
    read = parseable(text)
    assert len(read) == len(text) and read.startswith(" " * 20 + " Zelenskyy") and "\n\n" + " " * 8 + " More" in read


@pytest.mark.parametrize("text, expected", [
    # a thing showing someone saying quoted words: the words are that person's
    ("The video shows Zelensky saying “We will not give up.”", [["We will not give up.", "Zelensky", "saying"]]),
    # a thing showing quoted words with no one saying them keeps them
    ("Satellite images show that “the bridge is gone.”", [["the bridge is gone.", "Satellite images", "show"]]),
])
def test_a_thing_showing_someone_saying_quoted_words_gives_them_to_that_person(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # words of someone's longer quotation quoted again later, with no cue, are still theirs
    ("The newspaper declared in an editorial: “This crisis was made in Moscow. It has nothing to do with the "
     "alliance, whose treaty is defensive.”\n\nBut how can it be claimed that the war has “nothing to do with the "
     "alliance”?",
     [["This crisis was made in Moscow. It has nothing to do with the alliance, whose treaty is defensive.",
       "The newspaper", "declared"], ["nothing to do with the alliance", "The newspaper", ""]]),
    # not a short phrase, nor a title quoted twice
    ("“We need a new world order,” the president said.\n\nA “new world order” was the theme of the year.",
     [["We need a new world order,", "the president", "said"]]),
])
def test_a_fragment_repeating_an_earlier_quotation_is_its_speakers(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, speaker", [
    # words describing an organisation before its name are not its name
    ("French automaker Renault announced it had handed over its Russian assets.", "Renault"),
    ("The nonpartisan Congressional Budget Office said the deficit would grow.", "Congressional Budget Office"),
    # a people's word that is part of the name stays, and so does a possessive
    ("The Russian Geographical Society said the expedition would go ahead.", "The Russian Geographical Society"),
    ("Russia’s Foreign Ministry said the talks were over.", "Russia’s Foreign Ministry"),
])
def test_an_organisation_speaks_under_its_name_not_its_description(text, speaker):
    assert quotes_of(text)[0][1] == speaker


@pytest.mark.parametrize("text, speaker, kind", [
    # a foreign article and one word is a publication, tagged as a person or not tagged at all
    ("Der Spiegel reported that the ministry had approved the deal. It said the deal was done.", "Der Spiegel",
     "organization"),
    ("Die Welt wrote that the army was short of shells.", "Die Welt", "organization"),
    # a surname the article gives a fuller name for stays a person's
    ("Marine Le Pen spoke in Paris. Le Pen said the deal was a mistake.", "Le Pen", "person"),
])
def test_a_foreign_title_is_a_publication(text, speaker, kind):
    import stance
    from stance.records import Article

    frame = stance.extract([Article("t", text)])
    assert frame[["speaker", "speaker_type"]].values.tolist()[-1] == [speaker, kind]
    assert set(frame["speaker"]) == {speaker}


@pytest.mark.parametrize("text, speaker", [
    # a singular body noun after `the` is the body named before whose name holds it
    ("The International Court of Justice heard the case on Monday. The court said the risk to civilians was real.",
     "International Court of Justice"),
    ("The International Monetary Fund cut its forecast. The fund warned that growth would slow.",
     "International Monetary Fund"),
    # or was described by it
    ("French automaker Renault announced it had sold its Russian assets. The automaker said the sale was final.",
     "Renault"),
    # not a plural, nor a body of another kind, nor a name that is the noun alone
    ("The World Trade Organization met in Geneva. The organizations said trade would fall.", "The organizations"),
    ("The International Monetary Fund cut its forecast. The ministry said growth would slow.", "The ministry"),
    ("Bank executives met on Monday. The bank said it had fired the staff.", "The bank"),
])
def test_the_body_noun_is_the_body_named_before(text, speaker):
    assert quotes_of(text)[-1][1] == speaker


@pytest.mark.parametrize("text, speaker", [
    # the parser hangs the only verb on a noun before it (`acl`): the sentence's subject is its root
    ("Attorney General Roy Cooper (D), the governor’s opponent in the election, called Friday for releasing the "
     "police videos.", "Roy Cooper"),
    ("One of the doctors who sent the letter called Oz a quack.", "One of the doctors"),
])
def test_a_verb_hung_on_a_noun_in_a_sentence_without_another_speaks_for_the_subject(text, speaker):
    assert quotes_of(text)[0][1] == speaker


@pytest.mark.parametrize("text", [
    "The minister asked whether the talks would resume in May.",
    "Michel asked if Beijing had shown any sign of changing its support for Moscow.",
    "Asked why the army had retreated, the spokesman shrugged.",
    "Many in Brussels wonder whether the general has become reckless.",
    "Nobody knows how long the siege of the port will last.",
    "The villagers want to understand what happened to the convoy.",
    "Voters still do not know what is in the treaty.",
    # the wh-word the object of a preposition left at the end
    "Zelensky asked what the West was waiting for.",
])
def test_a_question_asked_or_wondered_about_states_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, expected", [
    # a verb of saying tells what it names; a condition inside a belief is part of it; `doubt` holds a view
    ("The envoy explained how the sanctions would work.", [["how the sanctions would work", "The envoy", "explained"]]),
    ("The colonel thinks if they had sent more troops, the town would have held.",
     [["if they had sent more troops, the town would have held", "The colonel", "thinks"]]),
    ("The analyst doubts whether the ceasefire will hold.",
     [["whether the ceasefire will hold", "The analyst", "doubts"]]),
    # a quotation beside a verb of asking is still the asker's
    ("“Where are the inspectors?” Zakharova asked, wondering whether they had left the plant.",
     [["Where are the inspectors?", "Zakharova", "asked"]]),
    # a condition, or a wh-clause that is the content's subject, is no question; quoted words are the asker's
    ("Officials think whether or not talks resume, the sanctions will stay.",
     [["whether or not talks resume, the sanctions will stay", "Officials", "think"]]),
    ("Macron believes how the war ends will decide Europe's future.",
     [["how the war ends will decide Europe's future", "Macron", "believes"]]),
    ("The minister asked whether the talks would resume “in good faith.”",
     [["whether the talks would resume “in good faith.”", "The minister", "asked"]]),
])
def test_statements_and_quotations_beside_questions_stay(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a topic talked about is no statement
    ("The minister talked about the economy at length.", []),
    ("She spoke recently about her husband's political future.", []),
    ("Speaking about the grain corridor, the admiral smiled.", []),
    # a noun that holds a clause, a clause, or quoted words are what was said
    ("He spoke of the holiness he sees in parents who raise their children.",
     [["the holiness he sees in parents who raise their children", "He", "spoke"]]),
    ("The envoy spoke about how the sanctions would work.", [["how the sanctions would work", "The envoy", "spoke"]]),
    ("Zelensky spoke of the need to negotiate with Moscow.",
     [["the need to negotiate with Moscow", "Zelensky", "spoke"]]),
    ("He talked about “my precious Quinn” in tears.", [["my precious Quinn", "He", "talked"]]),
    ("Guterres spoke about the need for an immediate ceasefire.",  # a noun that takes a position
     [["the need for an immediate ceasefire", "Guterres", "spoke"]]),
])
def test_a_topic_talked_about_is_no_quote_but_what_was_said_of_it_is(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text", [
    # a view that no one in particular holds
    "Nobody believes that the ceasefire will hold past the weekend.",
    "No one thinks the grain deal will survive the winter.",
    "Everyone understands that the bridge cannot be rebuilt before spring.",
    # the writer's own view, outside quotation marks
    "I think the sanctions have failed. We know that the refinery burned for three days.",
    "The port was shelled again. We assume the talks will go nowhere.",
])
def test_a_view_of_no_one_or_of_the_writer_is_no_quote(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, expected", [
    # someone in particular holds it, or says it
    ("One of the negotiators believes that a deal is near.",
     [["a deal is near", "One of the negotiators", "believes"]]),
    ("Kuleba thinks the sanctions have failed.", [["the sanctions have failed", "Kuleba", "thinks"]]),
    ("We said that the port would reopen.", [["the port would reopen", "", "said"]]),
    # an interview's answer opened by a dash is the one answering, not the writer
    ("Would the reserves have held?\n\n— I think if they had been sent earlier, the line would have held.",
     [["if they had been sent earlier, the line would have held", "", "think"]]),
    # so is a post signed with its handle on the line under it: the whole post is the signer's
    ("I thought the general seemed exhausted.\n\n— Anna Petrova (@annapetrova) May 3, 2024",
     [["I thought the general seemed exhausted.", "Anna Petrova", ""]]),
])
def test_a_view_someone_holds_or_states_stays(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, speaker, mention", [
    # a transcript's `I` is the label's speaker, named as the article names them elsewhere
    ("KOVAL: I think the president is making a terrible mistake on Ukraine.\n\nHOST: Why?", "KOVAL", "I"),
    ("Ivan Koval joined the show.\n\nHOST: Why?\n\nKOVAL: We know the money is not being tracked.", "Ivan Koval",
     "We"),
    # a letter's `I` is the signer on the line under it
    ("I believe the front will hold through the winter.\n\n— Maria Ivanova, Kharkiv, March 3, 2024",
     "Maria Ivanova", "I"),
])
def test_the_first_person_of_a_labelled_or_signed_line_is_its_speaker(text, speaker, mention):
    frame = stance.extract([Article("t", text)])
    views = frame[frame["cue"].isin(["think", "know", "believe"])]
    assert views["speaker"].tolist() == [speaker]
    assert views["speaker_type"].tolist() == ["person"]  # a label the article names nowhere else too
    assert views["speaker_mention"].tolist() == [mention]
    assert views["speaker_resolution"].tolist() == ["pronoun"]


def test_a_signature_two_paragraphs_down_signs_nothing_above_it():
    text = ("We said that the port would reopen.\n\nThe port stayed shut.\n\n— Maria Ivanova (@mivanova) "
            "March 3, 2024")
    assert quotes_of(text) == [["the port would reopen", "", "said"]]


@pytest.mark.parametrize("text, expected", [
    # asking someone to do something is a request made in words, as urging is
    ("The foreign minister asked the allies to send more air defence systems before winter.",
     [["the allies to send more air defence systems before winter", "The foreign minister", "asked"]]),
    ("Kuleba urged the allies to send more air defence systems before winter.",
     [["the allies to send more air defence systems before winter", "Kuleba", "urged"]]),
    # the passive, with who asked
    ("Putin was asked by Emmanuel Macron to agree to a ceasefire during the Olympics.",
     [["to agree to a ceasefire during the Olympics", "Emmanuel Macron", "asked"]]),
    ("Putin was implored by the Pope to spare the city.", [["to spare the city", "the Pope", "implored"]]),
    # nothing asked of anyone: no request
    ("The spokesman was asked to comment on the report.", []),
    ("Zelensky asked for more tanks.", []),
])
def test_asking_someone_to_act_is_a_request(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, speaker", [
    ("The president was asked about the deal and said it would never be signed.", "The president"),
    ("Kuleba was questioned by reporters on Monday and said that the talks were over.", "Kuleba"),
    ("Shmyhal was pressed by the committee and insisted the budget was sound.", "Shmyhal"),
])
def test_one_asked_who_then_speaks_is_the_speaker_not_who_asked(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("text", [
    # no one in particular, with words of its own, or a verb of thinking that is also one of saying
    "Nobody in Kyiv believes the Kremlin wants peace.",
    "Anyone who has visited Kharkiv understands that the city is still under fire.",
    "No one expects that the sanctions will be lifted before the election.",
    "One might hope that the court will take up the case.",
    "On this, pretty much everyone agrees: the contracts were padded.",
    # the writer, with such a verb
    "I doubt that the new sanctions will change anything in Moscow.",
    "Many of us believe that the tanks should have been sent a year earlier.",
    # a heading is no speaker's label; a bullet is no interview answer
    "UPDATE: We understand that the talks have been postponed until next week.",
    "Three reasons stand out.\n\n- We know that air defence saves lives.",
    # a dash paragraph under the writer's line that is a question, not a signature
    "We think this is his most candid interview.\n\n— Mr Kuleba, will the talks resume?",
])
def test_more_views_of_no_one_or_of_the_writer_are_no_quote(text):
    assert [q for q in quotes_of(text) if q[2] != "—"] == []


@pytest.mark.parametrize("text, expected", [
    # `one` alone may be one of several people just named
    ("Two officials spoke on condition of anonymity. One believes the offensive has stalled.",
     [["the offensive has stalled", "One", "believes"]]),
    # an interview's answer line: the answer is the interviewee's words, the view inside it with them
    ("Q: Will the line hold?\n\nA: I think the line will hold until spring.",
     [["I think the line will hold until spring.", "", ""]]),
])
def test_one_of_several_and_an_answer_line_keep_their_view(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, speaker", [
    # the second verb passive too: the agent speaks
    ("The Polish ambassador was summoned by the Russian Foreign Ministry and told that Warsaw's actions were "
     "provocative.", "Russian Foreign Ministry"),
    ("Donald Trump was welcomed by Emmanuel Macron in Paris and described as a friend of Europe.", "Emmanuel Macron"),
])
def test_a_second_passive_verb_keeps_the_agent_as_speaker(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


def test_asking_someone_questions_is_no_request():
    assert quotes_of("The firm asked applicants tricky questions to see how they responded.") == []
    # an object after the request is an apposition, not a second object
    assert quotes_of("Lauer asked the candidates to discuss their ideas, a request not always honored.") == [
        ["the candidates to discuss their ideas", "Lauer", "asked"]]


def test_agreement_voiced_by_those_present_stays_a_quote():
    # (not `pretty much everyone agrees: …`, the writer's own)
    assert [[text, cue] for text, _, cue in quotes_of("Everyone at the summit agreed that the aid must continue.")] == [
        ["the aid must continue", "agreed"]]


@pytest.mark.parametrize("text, speaker", [
    # an unnamed someone, described, is named by the description, as `a source close to the talks` is
    ("Someone close to the talks said that a deal was near.", "Someone close to the talks"),
    ("Somebody in the crowd shouted that the war was lost.", "Somebody in the crowd"),
    ("A source close to the talks said that a deal was near.", "A source close to the talks"),
])
def test_a_described_someone_is_named_by_the_description(text, speaker):
    assert [q[1] for q in quotes_of(text)] == [speaker]


def test_a_bare_someone_names_no_one():
    assert [q[1] for q in quotes_of("Someone said that a deal was near.")] == [""]


@pytest.mark.parametrize("text, expected", [
    # a clause before a semicolon stands on its own: it is neither what the verb after the semicolon reports nor
    # whose speaker that verb's subject is
    ("Mayor Ihor Terekhov met Olha Stefanishyna on Monday. He remains opposed to closing the schools and is calling "
     "for more shelters; in contrast, Stefanishyna is pushing for evacuation of the children.",
     [["more shelters", "Ihor Terekhov", "calling"], ["evacuation of the children", "Olha Stefanishyna", "pushing"]]),
])
def test_a_clause_before_a_semicolon_is_not_the_next_verbs_report(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a clause with a verb of saying still to come is what the speaker says, not a report relayed
    ("Russia will respond to any deployment of NATO troops, Deputy Foreign Minister Sergei Vershinin said on Monday.",
     [["Russia will respond to any deployment of NATO troops", "Sergei Vershinin", "said"]]),
    # a call still to come inside someone's report is that person's words, not a quote of its own
    ("Foreign Minister Margus Tsahkna said Tallinn would push for a new sanctions package at the summit.",
     [["Tallinn would push for a new sanctions package at the summit", "Margus Tsahkna", "said"]]),
    ("The commissioner said the bloc would call for talks on the grain corridor.",
     [["the bloc would call for talks on the grain corridor", "The commissioner", "said"]]),
])
def test_speech_still_to_come_is_the_reporters_statement(text, expected):
    assert quotes_of(text) == expected


def test_words_passed_on_before_they_are_spoken_stay_the_speakers():
    quotes = quotes_of("“Nothing prepares you for this office,” Chancellor Olaf Scholz will say, according to excerpts "
                       "of his speech released by his office.")
    assert quotes[0][:2] == ["Nothing prepares you for this office,", "Olaf Scholz"]


def test_an_appeal_to_someone_to_act_is_a_quote():
    assert quotes_of("Governor Ivan Fedorov appealed to residents to leave the frontline villages.") == [
        ["residents to leave the frontline villages", "Ivan Fedorov", "appealed"]]


def test_a_quotation_before_its_cue_ends_at_its_closing_mark():
    # the parse runs the quoted clause on into the words that name its speaker
    text = ("The agency said on Friday that the plant had lost power.\n\n\"The situation remains precarious,\" the "
            "agency's director general, Rafael Grossi, said.")
    assert quotes_of(text)[-1] == ["The situation remains precarious,", "Rafael Grossi", "said"]


@pytest.mark.parametrize("text, content", [
    # words that go on with the quotation are the speaker's report too
    ("“We are extremely happy” about the decision, said Olena Kuzmenko.", "We are extremely happy” about the decision"),
    ("“You squeezed the workers to the breaking point” to drive up the price, the senator said.",
     "You squeezed the workers to the breaking point” to drive up the price"),
])
def test_a_quotation_the_report_goes_on_from_keeps_its_words(text, content):
    assert quotes_of(text)[0][0] == content


@pytest.mark.parametrize("text, content", [
    # a date between the cue and the reported clause's subject says when it was said
    ("Russia's Defence Ministry said on Monday its forces had captured the village of Kurakhove.",
     "its forces had captured the village of Kurakhove"),
    ("Hungarian Prime Minister Viktor Orban said on Thursday he would veto the talks.", "he would veto the talks"),
    # a date inside the clause stays
    ("The ministry said the strike on Monday killed three people.", "the strike on Monday killed three people"),
])
def test_a_date_before_the_reported_clause_is_the_sayings(text, content):
    assert quotes_of(text)[0][0] == content


@pytest.mark.parametrize("text, expected", [
    # a named person's view before `he told …` is one quote, the view's: the telling is its occasion
    ("Finnish President Alexander Stubb believes that Russia is not ready for a ceasefire, he told the conference.",
     [["Russia is not ready for a ceasefire", "Alexander Stubb", "believes"]]),
    # a view of people unnamed stays what the speaker says
    ("Many analysts believe the war will last years, she said.",
     [["Many analysts believe the war will last years", "she", "said"]]),
])
def test_a_named_view_before_he_told_is_the_views_quote(text, expected):
    assert quotes_of(text) == expected


def test_a_clause_the_parse_made_the_object_of_say_is_what_was_said():
    # `said [Russia's delegation had repeated demands …]`: the parse makes `demands` the object and `repeated` its
    # modifier, with a subject of its own
    text = ("Rustem Umerov said Russia's delegation had repeated demands that Ukraine withdraw from four regions, but "
            "warned that Kyiv would not accept any ultimatum.")
    assert [q[0] for q in quotes_of(text)] == [
        "Russia's delegation had repeated demands that Ukraine withdraw from four regions",
        "Kyiv would not accept any ultimatum"]


@pytest.mark.parametrize("text, expected", [
    # a clause first and its cue last after a comma, which the parse makes two conjoined clauses
    ("Russian forces launched 40 attacks near Pokrovsk, the General Staff of Ukraine's Armed Forces said in its daily "
     "update.", [["Russian forces launched 40 attacks near Pokrovsk", "General Staff", "said"]]),
    # two clauses joined by `and` stay two
    ("Troops advanced near Pokrovsk and the ministry said the town was encircled.",
     [["the town was encircled", "the ministry", "said"]]),
])
def test_a_clause_before_a_cue_the_parse_conjoined_is_its_content(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quoted fragment after a parenthetical cue makes its clause mixed, not the fragment alone
    ("Moscow, Peskov said, remains open to a settlement that takes into account “the realities on the ground”.",
     [["Moscow, Peskov said, remains open to a settlement that takes into account “the realities on the ground”",
       "Peskov", "said"]]),
    # quoted words before the parenthesis are the direct quotes they are
    ("“The talks,” he said, “will resume next week.”", [["The talks,", "he", "said"], ["will resume next week.", "he",
                                                                                     "said"]]),
])
def test_a_quoted_fragment_after_a_parenthetical_cue_makes_its_clause_mixed(text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize("text", [
    # a clause of its own before the parenthesis: the marks are the direct-quote rules'
    "Mr. Lane parted ways with Mr. Voss, who works for RT and, Mr. Lane said, has seemed close to the Kremlin -- “a "
    "completely different man to me.”",
    # quoted words right after the parenthesis are a direct quote
    "Asked about the nominee, Olena Shuliak said, “They have got to be able to win.”",
])
def test_marks_a_parenthetical_clause_cannot_hold_stay_direct_quotes(text):
    assert {q[0][:10] for q in quotes_of(text)} <= {"a complete", "They have "}


def test_a_parenthetical_clause_ends_before_the_next_quotation_opens():
    text = "In any case, Mr. Fedak said, the industry was vastly oversupplied. “We overbuilt,” he said."
    assert quotes_of(text)[0][0] == "In any case, Mr. Fedak said, the industry was vastly oversupplied"
