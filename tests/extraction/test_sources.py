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
    """The quote that is `fragment`, else the first that holds it (a quote may nest inside another's)."""
    hits = [q for q in quotes if q[1] == fragment] or [q for q in quotes if fragment in q[1]]
    assert hits, f"no quote containing {fragment!r} in {quotes}"
    return hits[0]


@pytest.mark.parametrize("text, fragment, speaker, cue", [
    ("Retired colonel Anna Brandt followed the siege for months.\n\nIn her words, “the supply lines were cut "
     "within a week.”", "supply lines were cut", "Anna Brandt", "In her words"),
    # a surname the tagger reads as a place (`Feld`) stays the person's
    ("Lars Feld, an economist in Freiburg, has studied the embargo.\n\nIn Feld's words, “the refineries will run "
     "dry by spring.”", "refineries will run dry", "Lars Feld", "In Feld's words"),
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


@pytest.mark.parametrize("verb", ["scoffed", "sneered", "snapped", "grumbled", "confided"])
def test_a_manner_of_speaking_verb_before_a_quote_names_its_speaker(verb):
    text = (f"Dmitri Orlov, a trade adviser in Moscow, took questions on the new tariffs.\n\n"
            f"Orlov {verb}, “They will hurt Brussels more than us.”")
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
     "The bridge was hit twice", "Ukrainian navy"),
])
def test_relayed_words_belong_to_the_one_cited(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


def test_a_report_that_opens_with_according_to_someone_is_theirs():
    quotes = quotes_of("Bloomberg reported that, according to a senior NATO diplomat, the summit would delay the "
                       "decision.")
    reported = [q for q in quotes if "the summit would delay" in q[1]]
    assert len(reported) == 2 and {q[2] for q in reported} == {"a senior NATO diplomat"}


@pytest.mark.parametrize("text, fragment, speaker", [
    # a person citing or quoting someone speaks for themself
    ("Peace is still possible, the minister said, quoting Churchill.", "Peace is still possible", "the minister"),
    # a reason or a thing cited is no source
    ("Prices rose sharply, the ministry said, citing concerns about supply.", "Prices rose sharply",
     "the ministry"),
    # `according to` a law or a plan passes on no one's words
    ("The minister said that according to the constitution, the referendum was illegal.", "the referendum",
     "The minister"),
])
def test_citing_a_reason_or_being_a_person_who_cites_is_not_relaying(text, fragment, speaker):
    hits = [q for q in quotes_of(text) if fragment in q[1] and q[3] != "according to"]
    assert hits and hits[0][2] == speaker


def test_citing_an_event_or_a_reason_is_not_relaying():
    quotes = quotes_of("Senator Mark Ellis said the reforms were real, citing the release of political prisoners.")
    assert quote_with(quotes, "the reforms were real")[2] == "Mark Ellis"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("According to the data provided by border guards, about 300 people crossed the river on Sunday.",
     "about 300 people crossed", "border guards"),
    ("According to figures from the UN refugee agency, six million people have left the country.",
     "six million people have left", "UN refugee agency"),
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


def test_estimates_with_no_source_do_not_fall_to_the_person_named_before():
    quotes = quotes_of("Governor Tom Baker visited the flooded town on Monday.\n\nAccording to estimates, about 300 "
                       "homes were destroyed in the storm.")
    assert quote_with(quotes, "300 homes")[2] == "estimates"


@pytest.mark.parametrize("text, fragment", [
    ("The minister was banned from saying that the border would reopen.", "the border would reopen"),
    ("Colonel Ivan Sirko was unable to confirm that the convoy had arrived.", "the convoy had arrived"),
])
def test_words_someone_was_kept_from_saying_are_not_theirs(text, fragment):
    assert all(q[2] == "" for q in quotes_of(text) if fragment in q[1])


@pytest.mark.parametrize("text", [
    "She wrote the letter in her own words and sent it to the ministry on Monday.",
    "In the words of the old song, the river will always find its way home again.",
])
def test_in_words_that_are_not_a_source_phrase_report_nothing(text):
    assert quotes_of(text) == []


def test_a_clause_about_the_source_is_not_its_words():
    quotes = quotes_of("“We will rebuild the school,” in the words of Mayor Ivan Petrenko, who visited the site.")
    assert [(q[1], q[2]) for q in quotes] == [("We will rebuild the school,", "Ivan Petrenko")]


def test_a_deputy_minister_is_not_the_lawmaker():
    text = ("Deputy Foreign Minister Olga Stefanishyna spoke on Friday.\n\n\"We need more air defence,\" the "
            "lawmaker said.")
    assert quote_with(quotes_of(text), "air defence")[2] != "Olga Stefanishyna"


def test_a_shouted_line_keeps_according_to():
    quotes = quotes_of("ACCORDING TO OFFICIALS, THE BORDER WILL STAY CLOSED UNTIL SPRING.")
    assert quote_with(quotes, "THE BORDER WILL STAY CLOSED")[2] == "OFFICIALS"


def test_a_comment_inside_someone_elses_reported_words_is_not_theirs():
    quotes = quotes_of("Sergei Lavrov had spoken a day earlier.\n\nKuleba said his comment that Ukraine was a Nazi "
                       "state was a lie.")
    assert not [q for q in quotes if q[1] == "Ukraine was a Nazi state"]


@pytest.mark.parametrize("text, fragment, speaker", [
    # a party or a country cited is the reason, not the source
    ("The strikes will continue, the army said, citing Hamas.", "The strikes will continue", "the army"),
    ("Sweden raised its terror threat level, the government said, citing Russia and Iran.", "terror threat level",
     "the government"),
    # data from a time or a place is nobody's
    ("Data from the first quarter showed that exports had collapsed.", "exports had collapsed", "Data"),
])
def test_what_is_cited_or_compiled_must_be_someone(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


@pytest.mark.parametrize("text", [
    "The ruins remind us that the war is not over.",
    "The attack reminded many Ukrainians that the war was far from over.",
])
def test_a_thing_that_reminds_is_no_speaker(text):
    assert quotes_of(text) == []


def test_in_the_words_of_between_subject_and_verb_leaves_the_verb_its_quote():
    quotes = quotes_of("Zelensky, in the words of Churchill, promised that Ukraine would fight on the beaches.")
    assert [(q[1], q[2]) for q in quotes] == [("Ukraine would fight on the beaches", "Zelensky")]


def test_an_unnamed_officer_is_not_the_named_captain():
    text = ("Captain Ivan Melnyk led the convoy.\n\nA Russian officer captured near Kupiansk told interrogators "
            "that his unit had no food.")
    assert quote_with(quotes_of(text), "his unit had no food")[2] == "A Russian officer"


def test_a_quote_signed_by_a_name_and_reminded_is_that_persons():
    text = ("Maria Kovac, the co-owner of a Lviv bakery, spoke after the raid.\n\n\"Every child deserves a safe "
            "school,\" Kovac reminded the audience.")
    assert quote_with(quotes_of(text), "Every child deserves")[2:] == ("Maria Kovac", "reminded")


@pytest.mark.parametrize("text, fragment, speaker", [
    # a participle hung on a clause whose subject is `there` belongs to the verb above it
    ("Finance minister Olga Marchenko ruled out that there would be new taxes, saying the budget could absorb "
     "the cost of the repairs.", "the budget could absorb", "Olga Marchenko"),
    ("General Pavel Rudenko denied there was any retreat near the river, insisting the lines had held all week.",
     "the lines had held all week", "Pavel Rudenko"),
    # a long way up through prepositions: `quick to praise … as … before saying`
    ("Governor Irina Savchuk was quick to hail the volunteers as \"inspiring\" before saying that it was a "
     "\"great honour\" to be welcomed in Kharkiv.", "to be welcomed in Kharkiv", "Irina Savchuk"),
    # `Writing in X, NAME, a role, said`: the participle is no speaker, the name after it is
    ("Writing in the Kyiv Post, Taras Hlib, a historian at Lviv University, said that the blockade had failed.",
     "the blockade had failed", "Taras Hlib"),
    ("Writing in The Sunday Telegraph, Ostap Melnyk, a lecturer at Kyiv University, said that the sanctions had "
     "worked.", "the sanctions had worked", "Ostap Melnyk"),
    # a participle before the subject of a colon line: the quote's own verb is not the line's reporting verb
    ("Reading out the list of grievances on air, Kovalenko became even bolder: “We should be thinking about "
     "compensation for every village.”", "compensation for every village", "Kovalenko"),
])
def test_a_participle_takes_the_subject_of_the_clause_it_belongs_to(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


def test_a_participle_parsed_as_the_subject_is_no_speaker():
    quotes = quotes_of("Writing in The Sunday Times, a scholar at Oxford University, said that the ceasefire would "
                       "hold until the spring.")
    assert quote_with(quotes, "the ceasefire would hold")[2] != "Writing"


@pytest.mark.parametrize("text, fragment, speaker", [
    ("Talks resumed in Geneva.\n\nThe mayor wants “every district connected to the grid again by the end of the "
     "month.”", "every district connected", "The mayor"),
    ("Andriy Sobol runs the largest grain exporter in Odesa.\n\nSobol is hoping to ship “at least two million "
     "tonnes before the winter storms close the port.”", "two million tonnes", "Andriy Sobol"),
    # the sentence's own subject, not a cue that opens the next paragraph
    ("The logistics firm said on Monday it would leave Russia. The company is looking to sell “its entire "
     "network of depots in Russia to a local buyer.”\n\nFinance Minister Olga Marchenko has promised “a budget "
     "that puts the army first.”", "its entire network of depots", "The company"),
])
def test_a_cueless_quoted_fragment_is_the_words_of_its_sentences_subject(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


@pytest.mark.parametrize("text, fragment", [
    ("The documentary lives up to its billing as “the most honest account of the siege there has been yet.”",
     "the most honest account"),
    ("It remains what many in the city now regard as “the worst and longest winter of the whole war so far.”",
     "the worst and longest winter"),
])
def test_a_cueless_fragment_whose_subject_is_a_thing_has_no_speaker(text, fragment):
    assert quote_with(quotes_of(text), fragment)[2] == ""


@pytest.mark.parametrize("text, fragment, speaker", [
    # what there is speaks for the participle when it can (a person), not the one who found it
    ("Reporters discovered that there was a second witness, claiming that the colonel gave the order to fire.",
     "the colonel gave the order", "a second witness"),
    # `accused X of …`, `thanked X for …`: X speaks in what hangs from the gerund
    ("The minister accused the rebels of trying to derail the talks by claiming that the ceasefire had collapsed.",
     "the ceasefire had collapsed", "the rebels"),
    ("The premier thanked the opposition for agreeing to back the bill after saying for weeks that it would vote "
     "against it.", "it would vote against it", "the opposition"),
    # past an opening participle, a name inside its own phrase is not the subject
    ("Quoting a letter from Jens Stoltenberg, the Norwegian foreign minister, Espen Barth Eide, said that the "
     "alliance would stand firm.", "the alliance would stand firm", "Espen Barth Eide"),
    # nor a possessor the tagger took into one name with its `'s`
    ("Arriving in Kyiv, Xi Jinping's special envoy, Li Hui, said the talks would continue.",
     "the talks would continue", "Li Hui"),
    # a thing that draws a reaction from someone: that someone speaks in the participle after it
    ("The plan drew criticism from Kaja Kallas, saying it rewarded aggression.", "it rewarded aggression",
     "Kaja Kallas"),
    # but someone who draws it speaks for themself, a report too, and a reaction without words says nothing
    ("The minister drew criticism from the opposition, saying the cuts were needed.", "the cuts were needed",
     "The minister"),
    ("The report drew an angry response from Moscow, saying that troops had executed civilians.",
     "troops had executed civilians", "The report"),
    ("The speech drew a standing ovation from lawmakers, saying Ukraine would never surrender.",
     "Ukraine would never surrender", "The speech"),
])
def test_a_participle_does_not_climb_past_the_one_it_describes(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


def test_a_name_inside_an_opening_participle_phrase_is_no_speaker():
    quotes = quotes_of("Citing a report by the researcher Donatella Rovera, the ombudsman, in a statement on "
                       "Friday, said that the camps were illegal.")
    assert quote_with(quotes, "the camps were illegal")[2] != "Donatella Rovera"


@pytest.mark.parametrize("text, fragment, speaker", [
    # `which` after a reaction that cannot speak takes the nearer noun that can (a capital: its government)
    ("The plan drew a sharp response from Moscow, which said it was a provocation.", "it was a provocation",
     "Russia"),
    # a document still speaks for itself, and through it for its author
    ("A statement from the ministry, which said the convoy had arrived, was read out.", "the convoy had arrived",
     "the ministry"),
])
def test_which_takes_the_nearer_noun_that_can_speak(text, fragment, speaker):
    assert quote_with(quotes_of(text), fragment)[2] == speaker


@pytest.mark.parametrize("text, content, speaker", [
    ("Zelensky accused Russia of shelling the plant.", "Russia of shelling the plant", "Zelensky"),
    ("The mayor praised the volunteers for their courage under fire.", "the volunteers for their courage under fire",
     "The mayor"),
    ("Scholz thanked Kyiv on Monday for returning the prisoners.", "Kyiv on Monday for returning the prisoners",
     "Scholz"),
    ("The minister appeared to blame the generals for the retreat.", "the generals for the retreat", "The minister"),
    ("Moscow has accused Kyiv of planning to flood the valley.", "Kyiv of planning to flood the valley", "Russia"),
    ("The governor commended the firefighters for their bravery.", "the firefighters for their bravery",
     "The governor"),
    ("Critics slammed the budget for failing to curb inflation.", "the budget for failing to curb inflation",
     "Critics"),
    ("The Kremlin blamed Ukraine for years of shelling.", "Ukraine for years of shelling", "Kremlin"),
    ("The minister was quick to blame the rebels for the attack.", "the rebels for the attack", "The minister"),
    ("Scholz congratulated Macron on his re-election.", "Macron on his re-election", "Scholz"),
])
def test_judging_someone_with_a_reason_reports_the_one_judged_and_the_reason(text, content, speaker):
    assert ("indirect", content, speaker) in [q[:3] for q in quotes_of(text)]


def test_a_reason_with_quoted_words_is_a_mixed_quote_and_one_all_quoted_is_direct():
    quotes = quotes_of("The envoy accused the alliance of “playing with fire” in the Baltic.")
    assert [q[:2] for q in quotes] == [("mixed", "the alliance of “playing with fire” in the Baltic")]
    assert [q[:2] for q in quotes_of("The envoy accused the alliance of “provocation”.")] == [("direct", "provocation")]
    quotes = quotes_of("Zelensky thanked “every Ukrainian” for their resilience.")
    assert [q[:2] for q in quotes] == [("mixed", "“every Ukrainian” for their resilience")]


def test_a_judgement_another_cue_reports_is_that_cues_content():
    quotes = quotes_of("The Kremlin denied blaming Ukraine for the explosion.")
    assert [q[1:4] for q in quotes] == [("blaming Ukraine for the explosion", "Kremlin", "denied")]
    # a name given with `as` stays what the verb reports: `hailed X as “…”`
    quotes = quotes_of("The general hailed the pilots as “true heroes” for their skill.")
    assert [q[:2] for q in quotes] == [("direct", "true heroes")]


@pytest.mark.parametrize("text", [
    "Zelensky thanked the American people.",  # a gesture, no reason given
    "Thank you for reading our coverage of the war.",  # a formula
    "The ministry is looking for the two drivers to thank them for their bravery.",  # an intention
    "The senator criticized the plan for years.",  # how long, not why
    "Trump praised Putin for a long time.",
])
def test_judging_verbs_without_a_stated_reason_report_nothing(text):
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, speaker", [
    ("Many of the protesters said the war must end.", "Many of the protesters"),
    ("Two of the three judges said the law was void.", "Two of the three judges"),
    ("None of the ministers, who met on Monday, said the deal was dead.", "None of the ministers"),
    ("Much of the press blamed the army for the defeat.", "Much of the press"),
])
def test_a_part_of_a_group_is_named_with_its_group(text, speaker):
    frame = stance.extract([Article("t", text)])
    assert frame["speaker"].tolist() == [speaker] and frame["speaker_mention"].tolist() == [speaker]
    row = frame.iloc[0]
    assert text[row["speaker_start"]:row["speaker_end"]] == speaker and row["speaker_type"] == "group"


def test_a_part_of_a_pronoun_group_takes_the_groups_antecedent():
    text = "The Ukrainian officials met in Geneva. Two of them said talks would resume."
    frame = stance.extract([Article("t", text)])
    assert (frame.iloc[0]["speaker"], frame.iloc[0]["speaker_mention"]) == ("The Ukrainian officials", "Two of them")


@pytest.mark.parametrize("text, content, cue", [
    ("Macron did not rule out sending Western troops to Ukraine.", "sending Western troops to Ukraine", "rule out"),
    ("Zelensky proposed holding a peace summit in Switzerland.", "holding a peace summit in Switzerland", "proposed"),
    ("Moscow denied shelling the plant on Friday.", "shelling the plant on Friday", "denied"),
    ("The envoy suggested lifting the sanctions on fertiliser.", "lifting the sanctions on fertiliser", "suggested"),
])
def test_a_gerund_clause_put_forward_or_denied_is_the_content(text, content, cue):
    assert [(q[0], q[1], q[3]) for q in quotes_of(text)] == [("indirect", content, cue)]


@pytest.mark.parametrize("text", [
    "European leaders continued fueling the conflict with arms.",  # a speech verb's other sense
    "The footage shows a pilot ejecting from his plane.",
    "Putin has ruled the country since 2000.",  # `rule` reports only as `rule out`
    "He stopped talking to reporters after the vote.",
])
def test_a_gerund_after_a_verb_that_does_not_put_it_forward_is_no_quote(text):
    assert quotes_of(text) == []


def test_a_quote_after_a_colon_signed_after_its_comma_is_the_signers():
    text = ("The agency then reported Moscow's reaction to the ruling: “The decision is void,” Kremlin spokesman "
            "Dmitry Peskov said.")
    assert [(q[0], q[1], q[2]) for q in quotes_of(text) if q[0] != "indirect"] == [
        ("direct", "The decision is void,", "Dmitry Peskov")]
    # without the colon the quote stays with the cue whose clause holds it (a relay's signature does not take it)
    quotes = quotes_of("Zelensky said the attack was “a crime,” Reuters reported.")
    assert ("Zelensky", "said") in [(q[2], q[3]) for q in quotes]
