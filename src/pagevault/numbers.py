"""Locale-aware figures in running text: "plus de 43,7 millions de personnes" -> 43 700 000.

Pure functions. ``find_figures(text, lang)`` returns the figures of a piece of text
and the numbers it deliberately did not read as figures (years, dates, times,
phone numbers, ordinals, numbering, versions, codes), each with a reason.

Separators follow the page language (fr: "29 000" / "43,7"; en: "20,000" / "2.5";
de, es: "300.000" / "1,5"). A figure written in another convention ("5,400
personnes" on a French page) is read as a thousands group and flagged ``ambiguous``.
Scale words: English "billion" is 10^9; French/German/Spanish billion/Billion/billón
are 10^12; milliard/Milliarde/Mrd./mil millones are 10^9.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

FigureKind = Literal["count", "percent", "money", "ratio", "range", "duration"]
RejectReason = Literal[
    "year", "date", "time", "phone", "postcode", "ordinal", "numbering", "version", "code",
    "footnote", "small",
]

_SP = "[ \u00a0\u202f\u2009]"
_GROUP_SEP = "[ \u00a0\u202f\u2009.,'’]"
_NUMBER = rf"(?<![\w.,])(?:\d{{1,3}}(?:{_GROUP_SEP}\d{{3}}(?!\d))+(?:[.,]\d+(?!\d))?|\d+(?:[.,]\d+)?)"
_QUALIFIERS = (
    "plus de", "près de", "pres de", "environ", "au moins", "moins de", "presque", "quasiment",
    "jusqu'à", "jusqu’à", "quelque", "autour de", "pas moins de", "more than", "over", "nearly",
    "about", "almost", "around", "at least", "up to", "roughly", "approximately", "some",
    "fewer than", "less than", "under", "close to", "über", "rund", "fast", "mehr als", "etwa",
    "knapp", "ungefähr", "circa", "ca.", "mindestens", "bis zu", "weniger als", "beinahe",
    "nahezu", "más de", "mas de", "cerca de", "casi", "alrededor de", "al menos", "unos", "unas",
    "hasta", "menos de", "aproximadamente",
)
_QUALIFIER = "|".join(re.escape(q) for q in sorted(_QUALIFIERS, key=len, reverse=True))
_CURRENCY_BEFORE = r"US\$|CA\$|A\$|\$|€|£|CHF|EUR|USD|GBP"
_CURRENCY_AFTER = (
    r"€|\$|£|euros?|Euro|EUR|USD|CHF|GBP|US-Dollar|dollars?|Dollar|dólares|dolares|"
    r"pounds?|livres sterling|francs?|Franken"
)
_SUFFIX = r"[kKmM]|bn|mn|tn|Mio|Mrd"
_SCALE = (
    r"mil millones|millions?|millones|millón|millon|Millionen|Million|Mio\.?|milliards?|"
    r"Milliarden?|Mrd\.?|billions?|Billionen|Billion|billones|billón|trillions?|"
    r"thousands?|Tausend|milliers?|mille|mil"
)
_PERCENT = r"%|pour\s?cent|pourcent|per\s?cent|percent|Prozent|por\s?ciento"
_NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "vingt": 20, "cent": 100, "one": 1, "a": 1, "two": 2,
    "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twenty": 20, "hundred": 100, "ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3,
    "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "neun": 9, "zehn": 10, "zwanzig": 20,
    "hundert": 100, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "veinte": 20, "cien": 100,
}
_NUMBER_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

_FIGURE = re.compile(
    rf"(?:(?P<qual>(?i:{_QUALIFIER})){_SP}+)?"
    rf"(?:(?P<cur1>{_CURRENCY_BEFORE}){_SP}?)?"
    rf"(?:(?P<num>{_NUMBER})|(?P<word>(?i:{_NUMBER_WORD}))(?={_SP}+(?:{_SCALE})\b))"
    rf"(?:(?P<suffix>{_SUFFIX})(?![\w]))?"
    rf"(?:{_SP}*(?P<scale>{_SCALE})(?![\w]))?"
    rf"(?:{_SP}*(?P<pct>{_PERCENT})(?![\w]))?"
    rf"(?:{_SP}*(?P<cur2>{_CURRENCY_AFTER})(?![\w]))?"
)
_NOUN = re.compile(rf"{_SP}+(?:(?:de|d'|d’|of|de los|de las){_SP}*)?(?P<noun>[^\W\d_][\w’'-]*)")
_RATIO = re.compile(
    rf"(?P<a>\d{{1,2}}|(?i:une?|one|eine?|uno|una)){_SP}+(?:[^\W\d_]+{_SP}+)?"
    rf"(?P<sep>sur|in|out of|of every|von|de cada|sobre){_SP}+(?P<b>\d+(?:{_SP}\d{{3}})*|"
    rf"(?i:{_NUMBER_WORD}))(?![\w.,]\d)"
)
_RANGE_JOIN = re.compile(rf"^{_SP}*(?:[-–—]|à|a|to|and|et|und|bis|y){_SP}*$")
_PHONE = re.compile(r"(?<![\w])(?:\+\d{1,3}[\s.-]?)?(?:\(?\d{1,4}\)?[ .-]){2,}\d{2,4}(?![\w])")
_NUMERIC_DATE = re.compile(r"(?<![\w.])\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?![\w]|[.,]\d)")
_TIME = re.compile(
    r"(?<![\w.])\d{1,2}(?:[:h]\d{2}|\s?(?:h|Uhr|am|pm|a\.m\.|p\.m\.|heures?|horas?)(?![\w]))",
    re.IGNORECASE,
)
_VERSION = re.compile(r"(?<![\w.])(?:v|version\s?)?\d+\.\d{1,2}\.\d+(?:\.\d+)*(?![\w])",
                      re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_NUMBERING_BEFORE = re.compile(
    r"(?:n°|nº|no\.|nr\.|núm\.|num\.|art\.|article|artikel|artículo|§|chapitre|chapter|kapitel|"
    r"capítulo|section|page|p\.|seite|s\.|página|tome|vol\.|volume|édition|edition|ausgabe|"
    r"étape|step|schritt|paso|#|numéro|number|nummer|número|registered charity(?: no\.?)?|"
    r"charity(?: no\.?| number)?|siret|siren|iban|rna|ust-idnr\.?)\s*$",
    re.IGNORECASE,
)
_ORDINAL_SUFFIX = re.compile(r"^(?:er|ère|re|e|è|ème|eme|nd|st|rd|th|º|ª|o|a|te|ten|ter)(?![\w])")
_DATE_PREPOSITION = re.compile(
    r"(?:\b(?:en|depuis|dès|avant|après|jusqu'en|in|since|by|from|until|before|after|during|"
    r"im|seit|bis|ab|vor|nach|ende|anfang|mitte|jahr|year|année|desde|hasta|año|del|de)|"
    r"[-–—/])\s*$",
    re.IGNORECASE,
)
_DE_ORDINAL_BEFORE = re.compile(
    r"\b(?:der|die|das|den|dem|des|am|im|zum|zur|vom|beim|ab|seit|bis|ein|eine|jeder|jede)\s*$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[^\s\da-zà-ÿ])")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in text, with its number read out."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    kind: FigureKind
    qualifier: str | None
    ambiguous: bool = False


@dataclass(frozen=True, slots=True)
class Rejected:
    """A number deliberately not read as a figure, and why."""

    start: int
    end: int
    text: str
    reason: RejectReason


def find_figures(text: str, lang: str | None) -> tuple[list[Figure], list[Rejected]]:
    """Figures of ``text`` in page order, and the numbers rejected as non-figures."""
    language = (lang or "en").split("-")[0].lower()
    blocked, rejected = _blocked_spans(text)
    figures: list[Figure] = _ratios(text, blocked)
    taken = blocked + [(f.start, f.end) for f in figures]
    for match in _FIGURE.finditer(text):
        if _overlaps(match.start("num") if match.group("num") else match.start(), match.end(), taken):
            continue
        outcome = _read_match(match, text, language)
        if isinstance(outcome, Figure):
            figures.append(outcome)
        elif outcome is not None:
            rejected.append(outcome)
    figures.sort(key=lambda f: f.start)
    return _merge_ranges(figures, text), sorted(rejected, key=lambda r: r.start)


def read_number(raw: str, lang: str | None) -> tuple[float, bool] | None:
    """The value of one number written as on a page ('43,7', '29 000', '1.5'),
    and whether its reading is ambiguous; None if it is not a number."""
    language = (lang or "en").split("-")[0].lower()
    match = re.fullmatch(_NUMBER, raw.strip())
    return _number_value(match.group(0), language, None) if match else None


def _blocked_spans(text: str) -> tuple[list[tuple[int, int]], list[Rejected]]:
    spans: list[tuple[int, int]] = []
    rejected: list[Rejected] = []
    for pattern, reason in ((_URL, "code"), (_NUMERIC_DATE, "date"), (_month_date(), "date"),
                            (_VERSION, "version"), (_TIME, "time"), (_PHONE, "phone")):
        for match in pattern.finditer(text):
            if _overlaps(match.start(), match.end(), spans):
                continue
            if reason == "phone" and sum(c.isdigit() for c in match.group(0)) < 8:
                continue
            spans.append((match.start(), match.end()))
            if reason != "code":
                rejected.append(Rejected(match.start(), match.end(), match.group(0), reason))
    return spans, rejected


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < span_end and span_start < end for span_start, span_end in spans)


def _ratios(text: str, blocked: list[tuple[int, int]]) -> list[Figure]:
    figures = []
    for match in _RATIO.finditer(text):
        if _overlaps(match.start(), match.end(), blocked):
            continue
        first = _word_or_number(match.group("a"))
        second = _word_or_number(match.group("b"))
        if not first or not second or second <= first or _looks_like_year(match.group("b")):
            continue
        figures.append(Figure(match.start(), match.end(), match.group(0),
                              round(first / second, 6), None, "ratio", None))
    return figures


def _word_or_number(raw: str) -> float | None:
    word = _NUMBER_WORDS.get(raw.lower())
    if word is not None:
        return float(word)
    digits = re.sub(r"\D", "", raw)
    return float(digits) if digits else None


def _looks_like_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2099


def _read_match(match: re.Match[str], text: str, language: str) -> Figure | Rejected | None:
    raw = match.group("num") or match.group("word")
    start = match.start("num") if match.group("num") else match.start("word")
    reason = _reject_reason(match, text, start, language)
    if reason is not None:
        return Rejected(start, match.end("num") if match.group("num") else match.end(), raw, reason)
    if match.group("word"):
        value, ambiguous = float(_NUMBER_WORDS[raw.lower()]), False
    else:
        read = _number_value(raw, language, match.group("pct"))
        if read is None:
            return None
        value, ambiguous = read
    return _build_figure(match, text, value, ambiguous, language)


def _reject_reason(
    match: re.Match[str], text: str, start: int, language: str
) -> RejectReason | None:
    raw = match.group("num")
    if raw is None:
        return None
    end = match.end("num")
    after = text[end : end + 4]
    before = text[max(0, start - 40) : start]
    has_unit = any(match.group(g) for g in ("cur1", "cur2", "pct", "scale", "suffix"))
    if before.endswith(("[", "(")) and after.startswith(("]", ")")) and len(raw) <= 3:
        return "footnote"
    if re.match(r"[A-Za-z]", after) and not match.group("suffix"):
        return "ordinal" if _ORDINAL_SUFFIX.match(after) else "code"
    if re.search(r"[A-Za-z][-/]$", before):
        return "code"
    if not has_unit and _NUMBERING_BEFORE.search(before):
        return "numbering"
    if not has_unit and re.fullmatch(r"\s*", before[-3:]) and after.startswith((". ", ") ")) and (
        start == 0 or text[:start].strip() == ""
    ):
        return "numbering"
    if language == "de" and after.startswith(". ") and not has_unit and raw.isdigit():
        if _DE_ORDINAL_BEFORE.search(before):
            return "ordinal"
    if has_unit:
        return None
    if _looks_like_year(raw):
        noun = _counted_noun(text, match.end())
        if noun is None or _DATE_PREPOSITION.search(before):
            return "year"
    if language in ("fr", "es") and re.fullmatch(r"\d{5}", raw) and re.match(
        r"\s+[A-ZÉ][a-zé]", text[end:end + 3]
    ):
        return "postcode"
    if raw.isdigit() and int(raw) < 10 and not match.group("qual"):
        noun = _counted_noun(text, match.end())
        if noun is None:
            return "small"
    return None


def _number_value(raw: str, language: str, percent: str | None) -> tuple[float, bool] | None:
    compact = re.sub(_SP, " ", raw)
    marks = [c for c in compact if not c.isdigit()]
    if not marks:
        return float(compact), False
    last = marks[-1]
    head, tail = compact.rsplit(last, 1)
    if last in " '’" or (len(marks) > 1 and len(set(marks)) == 1):
        return float(_digits(compact)), False  # "29 000", "1.234.567": groups only
    if len(set(marks)) > 1:
        return float(f"{_digits(head)}.{tail}"), False  # "1,234.5", "1.234,5": last is decimal
    decimal_mark = "." if language == "en" else ","
    if len(tail) != 3 or percent:
        # "43,7" on a French page; "2.5" on a German page is read as 2.5 but flagged.
        return float(f"{_digits(head)}.{tail}"), last != decimal_mark
    # One mark and three digits: "20,000" (en), "300.000" (de) are groups; "5,400
    # personnes" on a French page most likely is too, but say it was a guess.
    return float(_digits(compact)), last == decimal_mark


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value) or "0"


def _build_figure(
    match: re.Match[str], text: str, value: float, ambiguous: bool, language: str
) -> Figure:
    scale_word = match.group("suffix") or match.group("scale")
    if scale_word:
        value *= _scale_factor(scale_word, language)
    currency = _currency_code(match.group("cur1") or match.group("cur2"))
    noun = None if match.group("pct") or currency else _counted_noun(text, match.end())
    kind: FigureKind = "count"
    unit: str | None = noun
    if match.group("pct"):
        kind, unit = "percent", "%"
    elif currency:
        kind, unit = "money", currency
    elif noun and noun.lower() in _DURATION_NOUNS:
        kind = "duration"
    qualifier = match.group("qual")
    start = match.start("cur1") if match.group("cur1") else (
        match.start("num") if match.group("num") else match.start("word")
    )
    return Figure(
        start=start,
        end=match.end(),
        text=text[start : match.end()].strip(),
        value=round(value, 6),
        unit=unit,
        kind=kind,
        qualifier=qualifier.lower() if qualifier else None,
        ambiguous=ambiguous,
    )


def _scale_factor(word: str, language: str) -> float:
    lowered = word.lower().rstrip(".")
    if lowered in ("k", "thousand", "thousands", "tausend", "mille", "millier", "milliers", "mil"):
        return 1e3
    if lowered in ("m", "mn", "mio", "million", "millions", "millionen", "millones", "millón",
                   "millon"):
        return 1e6
    if lowered in ("bn", "mrd", "milliard", "milliards", "milliarde", "milliarden",
                   "mil millones"):
        return 1e9
    if lowered in ("billion", "billions"):
        return 1e9 if language == "en" else 1e12
    return 1e12  # trillion(s), Billion(en), billón/billones, tn


def _currency_code(symbol: str | None) -> str | None:
    if not symbol:
        return None
    lowered = symbol.lower()
    if lowered in ("€", "euro", "euros", "eur"):
        return "EUR"
    if "$" in lowered or "dollar" in lowered or "dólar" in lowered or lowered == "usd":
        return "CAD" if lowered == "ca$" else "AUD" if lowered == "a$" else "USD"
    if lowered in ("£", "gbp", "pound", "pounds", "livres sterling"):
        return "GBP"
    return "CHF"


def _counted_noun(text: str, end: int) -> str | None:
    match = _NOUN.match(text, end)
    if match is None:
        return None
    noun = match.group("noun")
    if noun.lower() in _FUNCTION_WORDS or len(noun) < 3:
        return None
    return noun


@cache
def _month_date() -> re.Pattern[str]:
    from pagevault.extract.dates import month_names

    months = "|".join(sorted((re.escape(m) for m in month_names()), key=len, reverse=True))
    return re.compile(
        rf"(?i:(?<!\w)\d{{1,2}}(?:er|st|nd|rd|th|\.|º)?{_SP}*(?:de{_SP}+)?(?:{months})\b\.?"
        rf"(?:,?{_SP}*(?:de{_SP}+)?\d{{4}})?|\b(?:{months})\.?{_SP}+\d{{1,2}}(?:st|nd|rd|th)?"
        rf"(?:,?{_SP}+\d{{4}})?(?!\d)|\b(?:{months})\.?{_SP}+(?:de{_SP}+)?\d{{4}}\b)"
    )


_DURATION_NOUNS = frozenset(
    "ans années an mois jours semaines heures minutes years year months month weeks days "
    "hours jahre jahren jahr monate monaten wochen tage tagen stunden años meses semanas días "
    "horas decades décennies jahrzehnte décadas".split()
)
_FUNCTION_WORDS = frozenset(
    """
    et ou de des du la le les un une en à au aux dans par pour sur sont ont est sera qui que
    dont ce cette ces il elle ils elles on nous vous pas plus moins ne se sa son ses leur leurs
    depuis avant après entre chez avec sans selon contre vers
    and or of the a an in on at to for from by with is are was were be been has have had that
    which who this these those it its as than per each every into over under more less not
    und oder der die das den dem des ein eine einer eines in im an am auf für von vom zu zum
    zur mit ist sind war waren hat haben wurde wurden nicht mehr als wie bei aus nach seit
    y o el la los las un una unos unas en de del al por para con sin son es fue han ha que
    más menos como entre desde hasta sobre
    """.split()
)


def _merge_ranges(figures: list[Figure], text: str) -> list[Figure]:
    """'30-34 Millionen', 'entre 30 et 40 %' -> one range figure (value: the low end)."""
    merged: list[Figure] = []
    for figure in figures:
        previous = merged[-1] if merged else None
        if previous is not None and _is_range_pair(previous, figure, text):
            low = previous.value
            if figure.value >= 1000 * low > 0 and previous.kind == "count":
                low *= figure.value / _leading_number(figure.text)
            merged[-1] = Figure(previous.start, figure.end, text[previous.start:figure.end],
                                low, figure.unit or previous.unit, "range",
                                previous.qualifier, previous.ambiguous or figure.ambiguous)
        else:
            merged.append(figure)
    return merged


def _is_range_pair(first: Figure, second: Figure, text: str) -> bool:
    if first.kind in ("ratio", "range") or second.kind in ("ratio", "range"):
        return False
    between = text[first.end : second.start]
    if not _RANGE_JOIN.match(between):
        return False
    if re.match(r"[-–—]", between.strip()):
        return first.value < second.value or first.unit is None
    before = text[max(0, first.start - 12) : first.start].lower()
    return bool(re.search(r"(?:entre|between|zwischen|von|de|from|from)\s*$", before))


def _leading_number(figure_text: str) -> float:
    match = re.search(r"\d+(?:[.,]\d+)?", figure_text)
    return float(match.group(0).replace(",", ".")) if match else 1.0
