"""Given names common in news of the war and of world politics (about 430), with the gender they almost always mark.

Two uses, both general: a name that begins with one of these is a person's even where the tagger took it for an
organisation or a place (`Natalia Humeniuk said …`, tagged ORG), and `she` does not refer back to a `Hanna` nor
`he` to a `Mykola` (`mentions.ArticleIndex.gender_fits`). Names used for both women and men in some language
(`Andrea`, `Jean`, `Sasha`, `Kim`, `Nikita`, `Lindsey`) are left out: they mark no gender; so are names that are
also common words or places (`Mark`, `Bill`, `Rose`, `Jordan`, `Victoria`).
"""

from __future__ import annotations

_FEMALE = """
    alla alina alona anastasia anastasiia ania anna annalena antonina daria darya diana elena elizaveta
    evgenia galina ganna halyna hanna inna iryna irina iuliia kateryna katerina kseniia ksenia larysa larisa
    liudmyla lyudmila lyudmyla mariia maria mariya marina maryna nadia nadiya nadezhda natalia natalya nataliya
    nina oksana olena olga olha svitlana svetlana tatiana tetiana tetyana valentyna valentina vera viktoria
    viktoriia yana yevheniia yulia yuliia zoya zoia lesia lesya ruslana veronika solomiia sofiia sofia
    ursula kaja kaia annalena christine christiane marie sophie sandra sanna petra giorgia mette
    roberta nancy hillary kamala nikki elise kristi karine linda samantha madeleine condoleezza
    theresa angela liz elizabeth margaret sarah rachel rebecca emily emma olivia jennifer jessica jill lisa
    laura susan karen mary patricia barbara michelle melania ivanka tulsi marjorie kristen kristin
    amy anne catherine caroline claire helen julia kate katherine kathleen martha megan nicole pamela
    ruth sharon stephanie tammy tina valerie wendy yvonne agnieszka beata ewa katarzyna malgorzata
    ilona zuzana ingrid annika ylva heidi marta lucia francesca chiara silvia federica giulia
    isabelle leila fatima aisha layla mariam maryam nour noura rania yasmin
    golda tzipi ayelet miri shirly orna annegret
"""

_MALE = """
    oleksandr oleksii oleksiy olexander alexander aleksandr alexei aleksei alexey andrii andriy andrei andrey
    anatoly anatolii arseniy arseniy artem bohdan borys boris denys denis dmytro dmitry dmitri dmitriy
    fedir fyodor gennady hennadiy heorhiy georgy grigory hryhoriy ihor igor illia ivan kyrylo kirill
    leonid maksym maxim mykhailo mikhail mykola nikolai oleh oleg pavlo pavel petro petr pyotr roman
    rustem ruslan serhii serhiy sergei sergey stanislav stepan taras vadym vadim valerii valery vasyl
    vasily viktor vitali vitaliy vitaly volodymyr vladimir vyacheslav yevgeny yevhen yuri yurii yuriy
    emmanuel olaf friedrich boris keir rishi donald joe joseph antony anthony lloyd jake jens
    marco mario matteo giuseppe pedro recep tayyip viktor andrzej mateusz radoslaw radek donald
    wladimir emmanuel jean-yves jean-noel sebastien francois nicolas benjamin yoav isaac naftali yair
    benny bezalel itamar ismail hassan hussein ali mohammed muhammad mohammad ahmed abdullah khaled
    mahmoud naim yahya ebrahim bashar john james robert michael william david
    richard charles thomas christopher daniel matthew paul steven andrew kenneth george edward brian
    ronald kevin jason jeffrey ryan gary eric stephen jonathan larry justin scott brandon gregory
    raymond patrick dennis jerry aaron henry douglas peter adam nathan zachary walter kyle
    harold carl arthur gerald roger keith jeremy terry lawrence sean albert bruce
    alan ralph gabriel roy juan wayne eugene louis russell vincent philip
    bradley mike mitch marco ted rand kevin hakeem pete
    barack newt rudy jared steve sergiy kaupo gitanas edgars janis karis alar
    anders henrik jonas erik niklas mikko lars ulf magnus olof stefan wolfgang helmut gerhard frank-walter
    heiko markus klaus
    geert sauli petteri juha antti ilkka hans pieter jan
"""


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: given name (lower case) -> `female` or `male`
GIVEN_NAMES: dict[str, str] = {**{n: "male" for n in _names(_MALE)}, **{n: "female" for n in _names(_FEMALE)}}
for _name in _names(_FEMALE) & _names(_MALE): # (any name in both lists marks no gender)
    GIVEN_NAMES.pop(_name, None)
