"""The words around figures in French, English, German and Spanish (data only).

Word lists are whitespace-separated strings: one place to read and extend them.
"""

from __future__ import annotations

# Spaces that may separate digit groups or a number from its unit: space, U+00A0
# (no-break), U+202F (narrow no-break, French typography), U+2009 (thin).
SPACE = "[ \u00a0\u202f\u2009]"

QUALIFIERS = frozenset(
    phrase.strip()
    for phrase in """
    plus de | près de | pres de | environ | au moins | moins de | presque | quasiment |
    jusqu'à | jusqu’à | quelque | autour de | pas moins de | more than | over | nearly | about |
    almost | around | at least | up to | roughly | approximately | some | fewer than |
    less than | under | close to | über | rund | fast | mehr als | etwa | knapp | ungefähr |
    circa | ca. | mindestens | bis zu | weniger als | beinahe | nahezu | más de | mas de |
    cerca de | casi | alrededor de | al menos | unos | unas | hasta | menos de | aproximadamente
    """.split("|")
)

# Spelled-out numbers, read only in front of a scale word ("quatre millions") or in a
# ratio ("one in five").
NUMBER_WORDS = {
    word: int(value)
    for word, value in (
        pair.split("=")
        for pair in """
        un=1 une=1 deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 vingt=20
        cent=100 one=1 a=1 two=2 three=3 four=4 five=5 seven=7 eight=8 nine=9 ten=10 twenty=20
        hundred=100 ein=1 eine=1 einer=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 acht=8
        neun=9 zehn=10 zwanzig=20 hundert=100 uno=1 una=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6
        siete=7 ocho=8 nueve=9 diez=10 veinte=20 cien=100
        """.split()
    )
}

# Scale words and their factor. English "billion" is 10^9; the French, German and
# Spanish words that look like it are 10^12 (see scale_factor).
SCALE_WORDS = (
    "mil millones|millions?|millones|millón|millon|Millionen|Million|Mio\\.?|milliards?|"
    "Milliarden?|Mrd\\.?|billions?|Billionen|Billion|billones|billón|trillions?|"
    "thousands?|Tausend|milliers?|mille|mil"
)
SCALE_FACTORS = {
    **dict.fromkeys("k thousand thousands tausend mille millier milliers mil".split(), 1e3),
    **dict.fromkeys("m mn mio million millions millionen millones millón millon".split(), 1e6),
    **dict.fromkeys("bn md mds mrd milliard milliards milliarde milliarden".split(), 1e9),
    "mil millones": 1e9,
    **dict.fromkeys("tn trillion trillions billionen billones billón".split(), 1e12),
}
# Letters glued to a number: "20K", "$2.5bn", "5m"; "2,5 M€" and "3 Md€" before a currency.
SUFFIXES = "Mds|Md|Mio|Mrd|bn|mn|tn|[kKmM]"
# Lower-cased fragments of every scale word: a text without one has no scale word.
SCALE_HINTS = ("mil", "bil", "tril", "thousand", "tausend", "mio", "mrd")

PERCENT_WORDS = "%|pour\\s?cent|pourcent|per\\s?cent|percent|Prozent|por\\s?ciento"
CURRENCY_BEFORE = "US\\$|CA\\$|A\\$|\\$|€|£|CHF|EUR|USD|GBP"
CURRENCY_AFTER = (
    "€|\\$|£|euros?|Euro|EUR|USD|CHF|GBP|US-Dollar|dollars?|Dollar|dólares|dolares|"
    "pounds?|livres sterling|francs?|Franken"
)
CURRENCY_CODES = {
    **dict.fromkeys("€ euro euros eur".split(), "EUR"),
    **dict.fromkeys("$ us$ usd dollar dollars us-dollar dólares dolares".split(), "USD"),
    "ca$": "CAD",
    "a$": "AUD",
    **dict.fromkeys(["£", "gbp", "pound", "pounds", "livres sterling"], "GBP"),
    **dict.fromkeys("chf franc francs franken".split(), "CHF"),
}
CURRENCY_CODE_WORDS = frozenset("EUR USD GBP CHF CAD AUD".split())

# First words that may follow a number as scale, percent or currency (lower-cased):
# the unit regex runs only after one of these.
UNIT_WORDS = frozenset(
    """
    million millions millones millón millon millionen mio milliard milliards milliarde milliarden
    mrd billion billions billionen billones billón trillion trillions thousand thousands tausend
    millier milliers mille mil pour pourcent per percent prozent por euro euros eur usd chf gbp
    us-dollar dollar dollars dólares dolares pound pounds livres franc francs franken
    """.split()
)

DURATION_NOUNS = frozenset(
    """
    ans années an mois jours semaines heures minutes years year months month weeks week days
    hours jahre jahren jahr monate monaten wochen tage tagen stunden años meses semanas días
    horas decades décennies jahrzehnte décadas jour semaine heure minute day hour tag woche
    stunde minuten año día hora minuto minutos semana mes
    """.split()
)

# Words after a number that are not what it counts ("83 % sont", "2014, les").
FUNCTION_WORDS = frozenset(
    """
    et ou de des du la le les un une en à au aux dans par pour sur sont ont est sera qui que
    dont ce cette ces il elle ils elles on nous vous pas plus moins ne se sa son ses leur leurs
    depuis avant après entre chez avec sans selon contre vers était étaient avait avaient
    serait seraient
    and or of the a an in on at to for from by with is are was were be been has have had that
    which who this these those it its as than per each every into over under more less not
    will would can could should may might must shall most compared following including
    according
    und oder der die das den dem des ein eine einer eines in im an am auf für von vom zu zum
    zur mit ist sind war waren hat haben wurde wurden nicht mehr als wie bei aus nach seit
    y o el la los las un una unos unas en de del al por para con sin son es fue han ha que
    más menos como entre desde hasta sobre era eran había habían está están
    """.split()
)

# A number right after one of these is a reference, not a figure ("Article 3", "n° 4").
NUMBERING_WORDS = frozenset(
    """
    n° nº n.º n.° no. nr. nr núm. núm num. art. article artikel artículo § chapitre chapter
    kapitel capítulo section page p. seite s. página tome vol. volume édition edition ausgabe
    étape step schritt paso # numéro number nummer número siret siren iban rna ust-idnr.
    ust-idnr bug ticket issue
    """.split()
)
NUMBERING_PHRASES = (
    "registered charity no.",
    "registered charity no",
    "charity no.",
    "charity number",
    "registered charity",
)

# A year-like number after one of these is a year ("Depuis 2014", "Ende 2019").
# "les années 90", "los años 80": a decade, written after the word for years.
DECADE_WORDS = frozenset({"années", "annees", "años", "anni"})
# A day of the month after the name of its weekday ("le samedi 21 au matin").
WEEKDAYS = frozenset(
    """
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday
    friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag sonnabend
    sonntag lunes martes miércoles miercoles jueves viernes sábado sabado domingo
    """.split()
)

DATE_PREPOSITIONS = frozenset(
    """
    en depuis dès avant après jusqu'en jusqu’en in since by from until before after during im
    seit bis ab vor nach ende anfang mitte jahr jahres year année desde hasta año del de
    sommer winter frühjahr frühling herbst summer spring autumn fall été hiver printemps
    automne verano invierno otoño primavera
    """.split()
)
# "der 3. Platz": a German number with a dot after an article is an ordinal.
DE_ORDINAL_WORDS = frozenset(
    "der die das den dem des am im zum zur vom beim ab seit bis ein eine jeder jede".split()
)
# Words opening a range written with words: "entre 30 et 40 %", "between 3 and 4 million".
RANGE_OPENERS = frozenset("entre between zwischen von de from".split())

RATIO_SEPARATORS = ("sur", "in", "out of", "of every", "von", "de cada", "sobre")
# Separators that allow one word between the first number and themselves
# ("une personne sur 69", "one child in five"); "von" and the others do not
# ("Eine Spende von 50 Euro" is no ratio).
RATIO_SEPARATORS_WITH_NOUN = "sur|in|de cada"
