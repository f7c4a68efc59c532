"""Word lists the extractor reads: reporting verbs, role nouns, organisation and group nouns.

All entries are lemmas in lower case. The lists are the project's own, grouped by what the
extractor does with a word, so a user can see why a verb counts as a cue.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs of saying: they introduce speech whether their content is a clause or a quotation.
SPEECH_VERBS = _words("""
    say tell state declare announce add note warn argue claim insist explain suggest report reveal confirm
    deny admit acknowledge assert maintain contend stress emphasize emphasise remark comment observe write
    tweet post reply respond answer ask urge demand describe predict promise pledge vow threaten boast
    complain concede conclude estimate forecast allege accuse charge testify recount recall reiterate repeat
    quip joke muse lament mourn cry shout yell scream whisper mutter murmur exclaim proclaim pronounce
    affirm aver avow attest certify swear guarantee assure reassure inform notify advise caution counsel
    recommend propose posit hypothesize theorize speculate surmise opine reckon figure mention indicate
    signal hint imply imply disclose divulge leak publicize broadcast relate narrate describe detail
    outline summarize summarise specify clarify elaborate underline underscore highlight point encourage exhort
    dispute contest challenge counter rebut refute retort object protest reject dismiss disagree agree
    concur echo endorse praise hail laud commend applaud welcome celebrate congratulate thank
    criticize criticise condemn denounce decry deplore slam blast lambast rebuke chide scold attack
    castigate berate assail fault blame mock ridicule deride belittle question doubt brand label term show
    dub call characterize characterise portray depict frame liken compare insist plead beg implore
    appeal petition request tell caution alert admonish
    threaten announce unveil publish communicate convey
    voice utter articulate concede confess apologize apologise regret boast brag
    gloat predict anticipate expect foresee envisage envision prophesy guess calculate
    assess judge evaluate estimate acknowledge recognize recognise
     concede admit profess purport claim allege contend submit plead testify depose
    brief lecture preach teach instruct continue sing chant quote cheer interject recite read
    scoff sneer snap snarl fume rant rave gush grumble groan chime
    remind reaffirm restate reassert confide tout bemoan enthuse marvel
""")

#: Speech verbs whose subject is as often a thing (`the ruins remind us that …`): cues only for someone.
SOMEONES_VERBS = _words("remind")

#: Verbs of thinking or believing: cues only when their content is a clause (`X believes that ...`).
COGNITION_VERBS = _words("""
    think believe feel expect hope fear know understand doubt worry suspect assume presume suppose
    reckon consider conclude realize realise recognize recognise find judge deem imagine wonder
    insist acknowledge foresee anticipate predict trust hold learn agree
""")

#: Verbs whose noun object is itself the reported content (`criticised the lack of ...`,
#: `praised the raid as ...`). Other speech verbs need a clause: `announced the deal` is an
#: action, not a quote.
EVALUATIVE_VERBS = _words("""
    criticize criticise condemn denounce decry deplore slam blast lambast rebuke castigate assail
    praise hail laud commend applaud welcome celebrate emphasize emphasise stress highlight underline
    underscore describe call dub brand label term characterize characterise portray depict liken
    compare dismiss reject deny dispute question ridicule deride belittle mock lament regret blame
    accuse urge demand request predict warn promise pledge vow threaten reiterate rate cite
""")

#: Verbs that state what the clause around a passive `as` says: `As reported by Reuters, …`, `As stated in the
#: ministry's report, …`. Not `as expected by`, `as requested by`, `as promised by` (the clause is the reporter's
#: fact), nor `as shown by` (evidence).
STATING_VERBS = _words("""
    report state note say announce confirm explain mention write tell claim stress outline detail reveal describe
    disclose observe point remark emphasise emphasize underline
""")

#: Words that label a line rather than name who speaks in it: `Report: …`, `Opinion: …`, `Q: …` (a question put,
#: not a speaker's name), `Ukraine War: …`.
LINE_LABELS = _words("""
    report reports poll polls update updates watch exclusive breaking live video videos photo photos picture
    pictures analysis opinion editorial comment commentary note notes source sources courtesy read more related
    see also warning correction explainer factbox timeline q a question answer interview transcript so map maps
    summary background context disclaimer key why how what here war conflict crisis day week special review
    podcast listen follow subscribe advertisement sponsored credit credits image images edited author
    clarification erratum addendum postscript ps disclosure caption editor trending top latest new now just
""")

#: Reactions in words that a thing draws from someone, who then speaks in the participle after them: `The plan drew
#: criticism from X, saying …` (not `a standing ovation`, `applause`, `support`: no words of their own).
REACTION_NOUNS = _words("""
    criticism praise condemnation rebuke backlash protest objection complaint warning scorn ridicule outrage
    denunciation censure
""")

#: Adjectives of belief whose that-clause is what the one they describe holds (`officials are afraid that …`,
#: `came away convinced that …`), as `believe` and `fear` are verbs of it.
BELIEF_ADJECTIVES = _words("""
    afraid convinced confident sure certain worried concerned hopeful optimistic pessimistic adamant fearful
    sceptical skeptical doubtful
""")

#: `make` with these says what follows: `made it clear that …`, `made the case that …`, `made the point that …`.
MAKE_IDIOMS = _words("clear plain case point argument")

#: A verb whose object is what is cited (`cited the destruction of the dam as proof`), unless the object is someone
#: or a document the words come from (`citing two officials`: relayed speech, `phrases.cited_source`).
CITING_VERBS = _words("cite")

#: Claim nouns whose content may be an infinitive: `his promises to end the war`, `a threat to cut off gas`.
COMMISSIVE_NOUNS = _words("promise pledge vow threat proposal")

#: Prepositional verbs: `called for X`, `warned of X`, `spoke about X`.
PREPOSITIONAL_CUES = {
    "call": {"for"},
    "warn": {"of", "about", "against"},
    "speak": {"of", "about"},
    "talk": {"about", "of"},
    "complain": {"about", "of"},
    "argue": {"for", "against"},
    "plead": {"for"},
    "appeal": {"for"},
    "push": {"for"},
    "press": {"for"},
    "lobby": {"for"},
    "advocate": {"for"},
    "boast": {"of", "about"},
    "insist": {"on"},
    # naming through `as`: `casts the war as a “special military operation”`, `painted the strike as …`
    "cast": {"as"},
    "paint": {"as"},
    "frame": {"as"},
    "present": {"as"},
    "bill": {"as"},
}

#: Verbs that take a speech verb as what was not done (`refused to call it an invasion`, `avoid calling it …`), and
#: words that keep someone from it (`was banned from saying`, `Far from saying`; not `did not stop X from saying`).
WITHHOLDING_VERBS = frozenset({"avoid", "refuse", "decline", "fail", "stop", "cease", "hesitate"})
KEEPING_VERBS = frozenset({"ban", "bar", "prevent", "prohibit", "forbid", "stop", "block", "refrain", "keep", "far"})

#: Verbs that judge someone and give the reason after `for` (`of` for accuse): `accused Russia of shelling the
#: plant`, `thanked Trump for backing …` report a statement, the person with its reason; `thanked the soldiers`,
#: with no reason, is a gesture (those not among EVALUATIVE_VERBS report only with the reason).
REASON_VERBS = _words("""
    accuse blame criticize criticise condemn denounce slam blast lambast rebuke castigate assail praise hail laud
    commend applaud thank chastise fault scold berate reprimand admonish congratulate
""")
REASON_PREPOSITIONS = {"accuse": ("of",), "congratulate": ("on", "for")}
#: Verbs whose subject asserts the claim noun it takes as its own: `issued a warning that …`, `repeated the claim
#: that …`, `stood by its assertion that …`, `persisted in arguments that …` (not `rejected the claim that …`; nor
#: `reiterated his claim that …`: an evaluative verb reports the claim noun itself, so none is listed here).
ASSERTING_VERBS = _words("""
    issue repeat renew voice express deliver stand stick persist maintain echo advance give offer make sound unveil
    submit send put
""")
#: Plain verbs of saying: a clause with one of these and a named subject, before another cue, is a report of its own
#: that the later cue relays (`Zelensky said the attack was a crime, the agency said`), not the later cue's content.
SAYING_VERBS = _words("""
    say tell add state claim declare insist warn write note explain argue announce report stress tweet confirm
    reply respond admit acknowledge
""")
#: Feelings someone voices, whose that-clause is then what they said (`voiced concern that the bridge could
#: collapse`, `expressed hope that talks would resume`); a feeling only held (`his fear that …`) is not said.
FEELING_NOUNS = _words("""
    concern hope fear doubt confidence optimism regret frustration scepticism skepticism worry alarm dismay anger
    outrage disappointment satisfaction
""")
#: (Not `raise`: `the build-up raised fears that …` is an event's effect; nor `share`: a view held, not said.)
VOICING_VERBS = _words("voice express air repeat renew reiterate echo")
#: Nouns of asking, whose `for` phrase is what was asked for: `Kyiv renewed its call for a no-fly zone`,
#: `Zelensky's appeal for more air defence`, `unveiled a proposal for a joint headquarters`. Not `demand`, which
#: in news is as often a market's (`robust demand for foreign currency from exporting firms`).
CALL_NOUNS = _words("call appeal plea request proposal")
#: Verbs that take a claim noun as their object, so that `the promise that he would keep` and `comments that you
#: won't hear` are relative clauses.
CLAIM_OBJECT_VERBS = _words("""
    make keep issue give deliver break fulfil fulfill honour honor send sign repeat hear accept verify confirm
    believe see read ignore reject deny dismiss heed answer receive hold share
""")

#: Platforms words are posted on, which the tagger sometimes takes for a person (`wrote on Twitter, adding that he
#: …`): never a person a pronoun refers to. Lower case, compared by `names.normalize`.
PLATFORMS = frozenset({"twitter", "x", "telegram", "facebook", "instagram", "youtube", "tiktok", "vkontakte", "vk",
                       "truthsocial", "whatsapp", "weibo", "wechat", "threads", "substack", "rumble", "gab"})

#: Words for a part of a group, whose `of` names who speaks: `Many of the protesters said`, `one of them`.
PARTITIVES = _words("""
    many much some most all several few none one half both each either neither majority part any others rest
    dozens hundreds thousands number minority
""")

#: Verbs (of raising) and adjectives before an infinitive that still report it as done: `appeared to blame`, `was
#: quick to accuse`.
RAISING_VERBS = _words("appear seem continue proceed go quick swift")
#: Nouns of time after `for` that say how long, not why: `criticized it for years`, `for a long time`.
DURATION_NOUNS = _words("time while second minute hour day week month year decade century")

#: Verbs whose gerund clause is what was put forward or denied: `suggested sending troops`, `did not rule out
#: sending troops`, `denied shelling the plant` (not `continued fueling the conflict`, `footage shows X ejecting`).
GERUND_VERBS = _words("advocate rule suggest propose recommend mention deny admit acknowledge endorse envisage urge")

#: Verbs that judge someone in words, giving the reason, only when a person does them: `Trump attacked Clinton for her
#: support of …` (not `the army attacked the town for the third time`).
PERSONAL_REASON_VERBS = _words("attack")

#: Verbs of urging that report a statement only with who is urged and an infinitive: `exhorted Republicans to “vote
#: your conscience”`, `asked the allies to send …`, `appealed to residents to leave` (`urge` is among EVALUATIVE_VERBS;
#: not `encourage`, as often a thing's: `a tax that encourages investors to hold assets longer`).
EXHORTING_VERBS = _words("exhort implore beg entreat ask appeal")

#: Verbs that say what someone or something is like, through `to`: `likened the refugees to a snake`, `compared
#: Putin to Hitler` (`compare` only so: not `compared the figures with last year's`).
LIKENING_VERBS = _words("liken compare")

#: Verbs by which a thing shows something (`the flight data show that …`): evidence, not words.
SHOWING_VERBS = _words("show indicate suggest reveal prove demonstrate confirm")
#: Verbs of setting out what a document or a deed holds: a participle of them beside a deed is part of the deed
#: (`sent a memo, clarifying how …`), not a statement of its own.
EXPOSITORY_VERBS = _words("clarify explain detail outline specify describe")

#: Verbs of refusing or denying: their denial is itself a statement (`did not rule out talks`, `did not deny that …`).
NEGATABLE_VERBS = _words("deny reject dismiss rule exclude dispute contest question challenge hide conceal")

# (`rule` reports only as `rule out`, which `sources.is_reporting_verb` checks; it is not among these.)
REPORTING_VERBS = (SPEECH_VERBS | COGNITION_VERBS | EVALUATIVE_VERBS | REASON_VERBS | (GERUND_VERBS - {"rule"})
                   | frozenset(PREPOSITIONAL_CUES))

#: Prepositions after a role that say whose role it is (`head of the service`, `ambassador to Washington`, `envoy
#: for Ukraine`), and bodies an envoy serves, besides places (`ambassador to the UN Barbara Woodward`).
ROLE_PREPOSITIONS = frozenset({"of", "to", "for"})
SERVED_BODIES = frozenset({"un", "eu", "nato", "osce", "iaea", "unitednations", "europeanunion", "africanunion"})

#: Nouns for a person's office or job: `the president said`, `the minister`.
ROLE_NOUNS = _words("""
    president minister premier chancellor secretary spokesman spokeswoman spokesperson chief head leader
    ambassador envoy diplomat official commander general admiral colonel major captain lieutenant sergeant
    governor mayor senator congressman congresswoman representative lawmaker legislator deputy aide adviser
    advisor director chairman chairwoman chair ceo founder professor analyst expert researcher scholar fellow
    economist historian journalist reporter correspondent editor writer author columnist blogger lawyer
    attorney prosecutor judge justice prince king queen pope patriarch bishop priest cleric sheikh emir
    prime foreign defence defense interior finance vice first former acting incumbent candidate nominee
    strategist pollster operative manager coordinator negotiator mediator delegate ombudsman
    officer soldier commissioner inspector superintendent sheriff chancellor rector dean ceo cfo cto
    executive owner partner member activist organizer organiser protester witness survivor resident
    doctor physician nurse surgeon scientist engineer speaker whip leader host anchor presenter
    mp mep pm fm lawmaker councillor councilman councilwoman counselor counsellor consul attaché attache
    monarch dictator autocrat strongman warlord regent governor-general premier-elect president-elect
""")

#: Head nouns of organisations: `Ukraine's air force`, `the Defence Ministry`.
ORGANIZATION_NOUNS = _words("""
    ministry department agency office service force forces army navy military command staff government
    administration cabinet council committee commission parliament congress senate assembly court tribunal
    kremlin pentagon whitehouse embassy consulate mission delegation institute institution university
    college school center centre foundation fund bank company corporation firm group organization chain side
    organisation association union federation alliance coalition party campaign movement network publication
    newspaper agency channel broadcaster television radio magazine outlet station paper daily times post
    tribune journal guardian reuters bureau authority authorities regulator board police guard intelligence
    militia brigade battalion regiment division unit corps fleet headquarters secretariat presidency
    think-tank thinktank tank watchdog monitor observatory nato un eu kremlin team club league exchange
""")

#: Plural nouns for unnamed groups of people: `Ukrainian officials`, `experts`.
GROUP_NOUNS = _words("""
    official officials expert experts analyst analysts observer observers critic critics source sources
    blogger bloggers diplomat diplomats lawmaker lawmakers leader leaders resident residents witness
    witnesses people residents citizen citizens voter voters protester protesters activist activists
    soldier soldiers troop troops commander commanders scientist scientists researcher researchers
    economist economists investor investors trader traders doctor doctors authority authorities
    representative representatives member members supporter supporters opponent opponents lawyer lawyers
    prosecutor prosecutors investigator investigators negotiator negotiators delegate delegates
    politician politicians minister ministers legislator legislators student students worker workers
    farmer farmers villager villagers survivor survivors victim victims family families relative
    relatives parent parents neighbor neighbors neighbour neighbours militant militants rebel rebels
    fighter fighters insurgent insurgents separatist separatists volunteer volunteers medic medics
    correspondent correspondents journalist journalists reporter reporters commentator commentators
    pollster pollsters strategist strategists aide aides adviser advisers advisor advisors staffer
    staffers insider insiders person persons man men woman women refugee refugees evacuee evacuees guest
    guests visitor visitors veteran veterans prisoner prisoners child children migrant migrants immigrant
    immigrants newcomer newcomers recruit recruits tourist tourists pilgrim pilgrims
""")

#: Personal titles that may stand before a name without being part of it.
TITLES = _words("""
    mr mrs ms miss dr prof president minister prime secretary general gen sen senator rep gov governor
    mayor chancellor premier king queen prince princess sir lord lady pope judge justice ambassador
    commander colonel col lt lieutenant capt captain sgt sergeant adm admiral chief deputy foreign defence
    major brigadier marshal
    defense vice first former acting st saint rev reverend father sister brother sheikh emir
""")

#: Pronouns that can stand for a speaker, by the kind of antecedent they take.
PERSON_PRONOUNS = _words("he she him her")
PLURAL_PRONOUNS = _words("they them")
NEUTER_PRONOUNS = _words("it")
FIRST_PERSON = _words("i we me us")


#: Capitals that stand for their governments in news (`Kyiv said`, `Helsinki says`), with the country they name.
CAPITALS = {
    "kyiv": "Ukraine", "kiev": "Ukraine", "moscow": "Russia", "washington": "United States", "london": "United Kingdom",
    "paris": "France", "berlin": "Germany", "beijing": "China", "helsinki": "Finland", "warsaw": "Poland",
    "ankara": "Turkey", "tehran": "Iran", "jerusalem": "Israel", "minsk": "Belarus", "tbilisi": "Georgia",
    "budapest": "Hungary", "bucharest": "Romania", "vilnius": "Lithuania", "riga": "Latvia", "tallinn": "Estonia",
    "stockholm": "Sweden", "oslo": "Norway", "copenhagen": "Denmark", "rome": "Italy", "madrid": "Spain",
    "ottawa": "Canada", "tokyo": "Japan", "seoul": "South Korea", "pyongyang": "North Korea", "doha": "Qatar",
    "riyadh": "Saudi Arabia", "cairo": "Egypt", "baku": "Azerbaijan", "yerevan": "Armenia", "chisinau": "Moldova",
    "prague": "Czech Republic", "bratislava": "Slovakia", "vienna": "Austria", "bern": "Switzerland",
    "athens": "Greece", "sofia": "Bulgaria", "belgrade": "Serbia", "zagreb": "Croatia", "lisbon": "Portugal",
    "dublin": "Ireland", "amsterdam": "Netherlands", "canberra": "Australia", "damascus": "Syria",
    "baghdad": "Iraq", "kabul": "Afghanistan", "islamabad": "Pakistan", "new delhi": "India", "delhi": "India",
    "brasilia": "Brazil", "pretoria": "South Africa", "astana": "Kazakhstan", "tashkent": "Uzbekistan",
}


#: Country names a news text uses, each with the name the speaker column gives it: the countries of `CAPITALS` and
#: their short forms (`the US`, `Britain`).
COUNTRIES = {name.lower(): name for name in CAPITALS.values()} | {
    "us": "United States", "u.s.": "United States", "usa": "United States", "america": "United States",
    "the united states": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom", "the uk": "United Kingdom",
    "the netherlands": "Netherlands", "the us": "United States", "russia": "Russia", "ukraine": "Ukraine",
}

#: Nouns that stand for a country named before them: `the country says`, `the nation said`.
COUNTRY_NOUNS = _words("country nation")

#: Nouns for what was said rather than who said it: `a statement from the Kremlin said`, `the report says`.
DOCUMENT_NOUNS = _words("""
    statement report post announcement communique communiqué release letter tweet message note document memo
    readout transcript decree resolution video study survey analysis assessment update briefing bulletin
    declaration order notice filing draft interview speech remarks conversation article column op-ed podcast
    commentary editorial essay
""")

#: Evidence that speaks only for whoever it names as its source (`the data provided by border guards`, `figures
#: from the UN`); with no source named it stays the speaker itself, never the person named before it.
EVIDENCE_NOUNS = _words("data datum statistic estimate estimation finding poll figures investigation inquiry")

#: Nouns for words someone uses (`used the phrase “Islamic terrorism”`); verbs whose subject made the document that
#: is their object (`The outlet spearheaded an investigation that …`).
WORD_NOUNS = _words("phrase term word words expression slogan label epithet")
AUTHORING_VERBS = _words("publish release issue conduct carry lead spearhead launch commission produce compile")

#: Passive verbs of perceiving whose subject is the one who speaks in the participle after them: `X was caught
#: claiming …`, `was heard telling …`.
PERCEPTION_VERBS = _words("catch hear overhear see film record tape spot")

#: Adjectives whose subject speaks in the infinitive after them: `X was quick to praise …`, `eager to stress …`
#: (not `unable to confirm`, `reluctant to say`: words not said).
SPEAKING_ADJECTIVES = _words("quick eager keen careful happy glad proud anxious first swift fast")

# Occasions for speaking, never speakers themselves: `at a news conference announcing that …`.
EVENT_NOUNS = frozenset({"conference", "briefing", "meeting", "rally", "hearing", "event", "ceremony", "summit",
                         "session", "appearance", "forum", "gathering", "visit", "address", "speech", "interview"})

# Verbs by which someone's words are passed on: `X was quoted (cited, reported) as saying …`.
RELAYING_VERBS = frozenset({"quote", "cite", "report"})

# Where a thing is put (`as he put it on the table`, `put it away`): `put it` is then no idiom of speech.
PLACING_WORDS = frozenset({"on", "onto", "into", "under", "over", "back", "down", "away", "aside", "up", "there",
                           "here", "inside", "behind", "beside", "near", "off", "out"})

# Nouns that report what someone said or claimed, with the content as a that-clause: `Moscow's claim that …`,
# `a warning by the ministry that …` (LABELS.md §1: claims and statements are reported speech too).
CLAIM_NOUNS = frozenset({"claim", "statement", "assertion", "warning", "promise", "pledge", "demand", "accusation",
                         "allegation", "denial", "suggestion", "insistence", "threat", "announcement", "admission",
                         "assurance", "argument", "belief", "view", "prediction", "charge", "vow", "comment",
                         "remark", "message", "alert", "interjection", "quip", "retort", "boast", "jibe"})


# Words that tell a person's gender when they stand before the name or in its role: `Mrs. Clinton`, `the spokeswoman`.
GENDERED_WORDS = {**dict.fromkeys(("mr", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman",
                                   "businessman", "husband", "father", "son", "brother", "uncle", "grandfather",
                                   "boyfriend", "actor", "nephew", "emir", "sheikh", "man", "boy"), "male"),
                  **dict.fromkeys(("mrs", "ms", "miss", "lady", "dame", "queen", "princess", "spokeswoman",
                                   "chairwoman", "congresswoman", "businesswoman", "wife", "mother", "daughter",
                                   "sister", "aunt", "grandmother", "girlfriend", "actress", "niece", "widow",
                                   "madam", "madame", "woman", "girl"), "female")}
PRONOUN_GENDERS = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female"}

# Abbreviated titles, read as the words they stand for when a later role noun refers back: `Gen. X … the General`.
TITLE_ABBREVIATIONS = {"gen": "general", "col": "colonel", "lt": "lieutenant", "capt": "captain", "adm": "admiral",
                       "sgt": "sergeant", "gov": "governor", "sen": "senator", "rep": "representative",
                       "prof": "professor", "dr": "doctor", "rev": "reverend", "maj": "major", "pres": "president"}

# Words for the one at the top of something, used for each other in news: `the spy chief` for the head of a
# security service, `the Pentagon chief` for the defence secretary.
HEAD_ROLES = frozenset({"chief", "head", "leader", "boss", "director", "chair", "chairman", "chairwoman",
                        "secretary", "minister"})
# One kind of office, its words used for each other: `the diplomat` for the ambassador, `his top general`.
ROLE_FAMILIES = (HEAD_ROLES, frozenset({"diplomat", "ambassador", "envoy", "emissary", "consul"}),
                 frozenset({"general", "commander", "admiral", "marshal"}))
# Titles in which `general` is no officer: `Secretary General`, `Attorney General`.
CIVIL_GENERALS = frozenset({"secretary", "attorney", "surgeon", "governor", "solicitor", "inspector", "consul",
                            "director", "postmaster", "prosecutor"})

# Evaluative verbs with a second sense that takes a person, a group or a place as its object and says nothing:
# welcoming a guest or a new member, calling someone on the phone. `welcomed the decision` and `called him a liar`
# stay quotes.
RECEIVING_VERBS = frozenset({"welcome", "call"})
# Entity types that name someone (a person, a group, a body, a place).
SOMEONE_ENTITIES = frozenset({"PERSON", "NORP", "ORG", "GPE", "FAC", "LOC"})

#: Words that open an adverbial clause: `While he acknowledged …, Ham noted …` reports nothing before the comma.
SUBORDINATORS = frozenset({"while", "although", "though", "if", "when", "whenever", "because", "since", "as", "after",
                           "before", "unless", "whereas", "once", "until"})
