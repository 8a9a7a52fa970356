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
from typing import Literal

FigureKind = Literal["count", "percent", "money", "ratio", "range", "duration"]
RejectReason = Literal[
    "year",
    "date",
    "time",
    "phone",
    "postcode",
    "ordinal",
    "numbering",
    "version",
    "code",
    "footnote",
    "small",
]

_SP = "[ \u00a0\u202f\u2009]"
_GROUP_SEP = "[ \u00a0\u202f\u2009.,'’]"
_NUMBER = rf"\d{{1,3}}(?:{_GROUP_SEP}\d{{3}}(?!\d))+(?:[.,]\d+(?!\d))?|\d+(?:[.,]\d+)?"
_QUALIFIERS = (
    "plus de",
    "près de",
    "pres de",
    "environ",
    "au moins",
    "moins de",
    "presque",
    "quasiment",
    "jusqu'à",
    "jusqu’à",
    "quelque",
    "autour de",
    "pas moins de",
    "more than",
    "over",
    "nearly",
    "about",
    "almost",
    "around",
    "at least",
    "up to",
    "roughly",
    "approximately",
    "some",
    "fewer than",
    "less than",
    "under",
    "close to",
    "über",
    "rund",
    "fast",
    "mehr als",
    "etwa",
    "knapp",
    "ungefähr",
    "circa",
    "ca.",
    "mindestens",
    "bis zu",
    "weniger als",
    "beinahe",
    "nahezu",
    "más de",
    "mas de",
    "cerca de",
    "casi",
    "alrededor de",
    "al menos",
    "unos",
    "unas",
    "hasta",
    "menos de",
    "aproximadamente",
)
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
_SCALE_HINTS = ("mil", "bil", "tril", "thousand", "tausend", "mio", "mrd")
_PERCENT = r"%|pour\s?cent|pourcent|per\s?cent|percent|Prozent|por\s?ciento"
_NUMBER_WORDS = {
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "vingt": 20,
    "cent": 100,
    "one": 1,
    "a": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twenty": 20,
    "hundred": 100,
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "neun": 9,
    "zehn": 10,
    "zwanzig": 20,
    "hundert": 100,
    "uno": 1,
    "una": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "veinte": 20,
    "cien": 100,
}
_NUMBER_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_RATIO_SEPARATORS = ("sur", "in", "out of", "of every", "von", "de cada", "sobre")
_RATIO_SEPARATOR = "|".join(_RATIO_SEPARATORS)

# Scanning works from digit runs (a C-speed search) and reads what stands around
# each: alternations of scale words, qualifiers and currencies tried at every
# position of every text were the most expensive part of extraction.
_DIGITS = re.compile(r"\d+")
_NUMBER_AT = re.compile(_NUMBER)
_AFTER_NUMBER = re.compile(
    rf"(?:(?P<suffix>{_SUFFIX})(?!\w))?"
    rf"(?:{_SP}*(?P<scale>{_SCALE})(?!\w))?"
    rf"(?:{_SP}*(?P<pct>{_PERCENT})(?!\w))?"
    rf"(?:{_SP}*(?P<cur2>{_CURRENCY_AFTER})(?!\w))?"
)
_CURRENCY_BEFORE_AT = re.compile(rf"(?P<cur1>{_CURRENCY_BEFORE}){_SP}?$")
_WORD_BEFORE_SCALE = re.compile(rf"(?<!\w)(?P<word>(?i:{_NUMBER_WORD})){_SP}+$")
_RATIO_TAIL = re.compile(
    rf"{_SP}+(?:[^\W\d_]+{_SP}+)?(?P<sep>{_RATIO_SEPARATOR}){_SP}+"
    rf"(?P<b>\d+(?:{_SP}\d{{3}})*|(?i:{_NUMBER_WORD}))(?![\w.,]\d)"
)
_WORD_RATIO = re.compile(
    rf"(?<!\w)(?P<a>(?i:une?|one|eine?|uno|una)){_SP}+(?:[^\W\d_]+{_SP}+)?"
    rf"(?P<sep>{_RATIO_SEPARATOR}){_SP}+(?P<b>\d+(?:{_SP}\d{{3}})*|(?i:{_NUMBER_WORD}))"
    rf"(?![\w.,]\d)"
)
_NOUN = re.compile(rf"{_SP}+(?:(?:de|d'|d’|of|de los|de las){_SP}*)?(?P<noun>[^\W\d_][\w’'-]*)")
_RANGE_JOIN = re.compile(rf"^{_SP}*(?:[-–—]|à|a|to|and|et|und|bis|y){_SP}*$")
# Non-figures, matched where a digit run starts.
_NUMERIC_DATE_AT = re.compile(
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\w]|[.,]\d)"
)
_TIME_AT = re.compile(
    r"\d{1,2}(?:[:h]\d{2}|\s?(?:h|Uhr|am|pm|a\.m\.|p\.m\.)(?![\w]))", re.IGNORECASE
)
_VERSION_AT = re.compile(r"\d+\.\d{1,2}\.\d+(?:\.\d+)*(?![\w])")
_PHONE_AT = re.compile(r"(?:\(?\d{1,4}\)?[ .-]){2,}\d{2,4}(?![\w])")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_BLOCKERS: tuple[tuple[re.Pattern[str], RejectReason], ...] = (
    (_NUMERIC_DATE_AT, "date"),
    (_VERSION_AT, "version"),
    (_TIME_AT, "time"),
    (_PHONE_AT, "phone"),
)
# Words that, standing just before a number, make it something else than a figure.
# Looked up in sets (a backward regex over a window was a hot spot).
_NUMBERING_WORDS = frozenset(
    [
        "n°",
        "nº",
        "no.",
        "nr.",
        "núm.",
        "num.",
        "art.",
        "article",
        "artikel",
        "artículo",
        "§",
        "chapitre",
        "chapter",
        "kapitel",
        "capítulo",
        "section",
        "page",
        "p.",
        "seite",
        "s.",
        "página",
        "tome",
        "vol.",
        "volume",
        "édition",
        "edition",
        "ausgabe",
        "étape",
        "step",
        "schritt",
        "paso",
        "#",
        "numéro",
        "number",
        "nummer",
        "número",
        "siret",
        "siren",
        "iban",
        "rna",
        "ust-idnr.",
        "ust-idnr",
    ]
)
_NUMBERING_PHRASES = (
    "registered charity no.",
    "registered charity no",
    "charity no.",
    "charity number",
    "registered charity",
)
_DATE_PREPOSITIONS = frozenset(
    [
        "en",
        "depuis",
        "dès",
        "avant",
        "après",
        "jusqu'en",
        "jusqu’en",
        "in",
        "since",
        "by",
        "from",
        "until",
        "before",
        "after",
        "during",
        "im",
        "seit",
        "bis",
        "ab",
        "vor",
        "nach",
        "ende",
        "anfang",
        "mitte",
        "jahr",
        "jahres",
        "year",
        "année",
        "desde",
        "hasta",
        "año",
        "del",
        "de",
    ]
)
_DE_ORDINAL_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "am",
        "im",
        "zum",
        "zur",
        "vom",
        "beim",
        "ab",
        "seit",
        "bis",
        "ein",
        "eine",
        "jeder",
        "jede",
    ]
)
_QUALIFIER_SET = frozenset(_QUALIFIERS)
_ORDINAL_SUFFIX = re.compile(r"^(?:er|ère|re|e|è|ème|eme|nd|st|rd|th|º|ª|o|a|te|ten|ter)(?![\w])")
_LAST_WORDS = re.compile(r"\S+")


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
    lowered = text.lower()
    has_scale_word = any(hint in lowered for hint in _SCALE_HINTS)
    if _DIGITS.search(text) is None and not has_scale_word:
        return [], []
    language = (lang or "en").split("-")[0].lower()
    scan = _Scan(text, language)
    scan.block_urls()
    scan.read_word_ratios(lowered)
    for match in _DIGITS.finditer(text):
        if match.start() >= scan.cursor:
            scan.read_at(match)
    if has_scale_word:
        scan.read_word_figures(lowered)
    figures = sorted(scan.figures, key=lambda f: f.start)
    return _merge_ranges(figures, text), sorted(scan.rejected, key=lambda r: r.start)


def read_number(raw: str, lang: str | None) -> tuple[float, bool] | None:
    """The value of one number written as on a page ('43,7', '29 000', '1.5'),
    and whether its reading is ambiguous; None if it is not a number."""
    language = (lang or "en").split("-")[0].lower()
    match = _NUMBER_AT.fullmatch(raw.strip())
    return _number_value(match.group(0), language, None) if match else None


@dataclass(slots=True)
class _Candidate:
    """A number and the words around it that may make it a figure."""

    start: int  # where the figure's text starts (a currency sign included)
    number_end: int
    end: int
    raw: str
    cur1: str | None = None
    suffix: str | None = None
    scale: str | None = None
    pct: str | None = None
    cur2: str | None = None
    word: bool = False

    @property
    def has_unit(self) -> bool:
        return any((self.cur1, self.cur2, self.pct, self.scale, self.suffix))


class _Scan:
    """One pass over one text: spans already read, figures and rejections found."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.cursor = 0  # digits before it have been read (left-to-right pass)
        self.taken: list[tuple[int, int]] = []  # spans read out of order: URLs, word ratios
        self.figures: list[Figure] = []
        self.rejected: list[Rejected] = []

    def is_taken(self, start: int, end: int) -> bool:
        return any(start < taken_end and taken_start < end for taken_start, taken_end in self.taken)

    def consume(self, end: int) -> None:
        self.cursor = max(self.cursor, end)

    def reject(self, start: int, end: int, reason: RejectReason) -> None:
        self.consume(end)
        self.rejected.append(Rejected(start, end, self.text[start:end], reason))

    def block_urls(self) -> None:
        if "://" in self.text or "www." in self.text:
            self.taken.extend(match.span() for match in _URL.finditer(self.text))

    def read_word_ratios(self, lowered: str) -> None:
        if not any(f" {sep} " in lowered for sep in _RATIO_SEPARATORS):
            return
        for match in _WORD_RATIO.finditer(self.text):
            self._add_ratio(match.start(), match.end(), match.group("a"), match.group("b"))

    def read_word_figures(self, lowered: str) -> None:
        """'quatre millions', 'two billion': found from the scale word back."""
        for hint in _SCALE_HINTS:
            position = lowered.find(hint)
            while position > 0:
                self._read_word_figure_at(position)
                position = lowered.find(hint, position + 1)

    def _read_word_figure_at(self, scale_start: int) -> None:
        word_match = _WORD_BEFORE_SCALE.search(self.text, max(0, scale_start - 16), scale_start)
        if word_match is None:
            return
        after = _AFTER_NUMBER.match(self.text, scale_start)
        if after is None or not after.group("scale"):
            return
        start = word_match.start("word")
        if self.is_taken(start, after.end()) or any(
            start < figure.end and figure.start < after.end() for figure in self.figures
        ):
            return
        candidate = _Candidate(
            start,
            word_match.end("word"),
            after.end(),
            word_match.group("word"),
            scale=after.group("scale"),
            pct=after.group("pct"),
            cur2=after.group("cur2"),
            word=True,
        )
        self._add_figure(candidate, float(_NUMBER_WORDS[candidate.raw.lower()]), False)

    def read_at(self, digits: re.Match[str]) -> None:
        text = self.text
        start, end = digits.span()
        self.consume(end)
        if self.taken and self.is_taken(start, end):
            return
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,_"):
            return  # inside a word, a code ("G20") or a number read already
        if self._month_date_at(start, end) or self._blocked_at(start, end):
            return
        number = _NUMBER_AT.match(text, start)
        if number is None:
            return
        if number.end() - start <= 2 and self._ratio_at(start, number):
            return
        candidate = self._candidate(start, number)
        self.consume(candidate.end)
        reason = self._reject_reason(candidate)
        if reason is not None:
            self.reject(start, candidate.number_end, reason)
            return
        read = _number_value(candidate.raw, self.language, candidate.pct)
        if read is not None:
            self._add_figure(candidate, *read)

    def _month_date_at(self, start: int, end: int) -> bool:
        """'5 janvier 2026', '3. Oktober', 'January 5, 2026', 'mars 2024' (a dictionary
        look-up of the words around the number, not a regex of every month name)."""
        if end - start > 4:
            return False
        from pagevault.extract.dates import month_names

        months, text = month_names(), self.text
        month_start = _month_before(text, start, months)
        if month_start is not None:
            year = _YEAR_AFTER_DAY.match(text, end) if end - start <= 2 else None
            self.reject(month_start, year.end() if year else end, "date")
            return True
        if end - start > 2:
            return False
        after = _AFTER_DAY.match(text, end)
        if after and after.group("month").lower() in months:
            self.reject(start, after.end() if after.group("year") else after.end("month"), "date")
            return True
        return False

    def _blocked_at(self, start: int, end: int) -> bool:
        text = self.text
        following = text[end : end + 1]
        if not following or following not in "./-:h \u00a0)Hh":
            return False
        for pattern, reason in _BLOCKERS:
            match = pattern.match(text, start)
            if match is None:
                continue
            if reason == "phone" and sum(c.isdigit() for c in match.group()) < 8:
                continue
            begin = start - 1 if reason == "phone" and text[start - 1 : start] == "+" else start
            self.reject(begin, match.end(), reason)
            return True
        return False

    def _ratio_at(self, start: int, number: re.Match[str]) -> bool:
        if self.text[number.end() : number.end() + 1] not in (" ", "\u00a0"):
            return False
        tail = _RATIO_TAIL.match(self.text, number.end())
        return tail is not None and self._add_ratio(
            start, tail.end(), number.group(), tail.group("b")
        )

    def _add_ratio(self, start: int, end: int, first_raw: str, second_raw: str) -> bool:
        first, second = _word_or_number(first_raw), _word_or_number(second_raw)
        if not first or not second or second <= first or _looks_like_year(second_raw):
            return False
        if self.is_taken(start, end):
            return False
        self.taken.append((start, end))
        self.figures.append(
            Figure(
                start,
                end,
                self.text[start:end],
                round(first / second, 6),
                None,
                "ratio",
                self._qualifier_before(start),
            )
        )
        return True

    def _candidate(self, start: int, number: re.Match[str]) -> _Candidate:
        text, end = self.text, number.end()
        parts: dict[str, str | None] = {}
        if _may_have_unit_after(text, end):
            after = _AFTER_NUMBER.match(text, end)
            assert after is not None  # every part of it is optional
            parts, end = after.groupdict(), after.end()
        currency = None
        if start and text[max(0, start - 5) : start].strip(" \u00a0")[-1:] in _CURRENCY_ENDINGS:
            currency = _CURRENCY_BEFORE_AT.search(text, max(0, start - 5), start)
        return _Candidate(
            start=currency.start() if currency else start,
            number_end=number.end(),
            end=end,
            raw=number.group(),
            cur1=currency.group("cur1") if currency else None,
            suffix=parts.get("suffix"),
            scale=parts.get("scale"),
            pct=parts.get("pct"),
            cur2=parts.get("cur2"),
        )

    def _qualifier_before(self, start: int) -> str | None:
        words = _words_before(self.text, start, 3)
        for count in (3, 2, 1):
            phrase = " ".join(words[-count:])
            if len(words) >= count and phrase in _QUALIFIER_SET:
                return phrase
        return None

    def _reject_reason(self, candidate: _Candidate) -> RejectReason | None:
        text, raw = self.text, candidate.raw
        start = candidate.start if candidate.cur1 is None else candidate.number_end - len(raw)
        end = candidate.number_end
        after = text[end : end + 4]
        before = text[max(0, start - 40) : start]
        if before.endswith(("[", "(")) and after.startswith(("]", ")")) and len(raw) <= 3:
            return "footnote"
        if after[:1].isalpha() and not candidate.suffix and not candidate.has_unit:
            return "ordinal" if _ORDINAL_SUFFIX.match(after) else "code"
        if len(before) >= 2 and before[-1] in "-/" and before[-2].isalpha():
            return "code"
        if candidate.has_unit:
            return None
        return self._reject_bare_number(candidate, before, after)

    def _reject_bare_number(
        self, candidate: _Candidate, before: str, after: str
    ) -> RejectReason | None:
        raw, text = candidate.raw, self.text
        last_words = _words_before(text, candidate.start, 3)
        last_word = last_words[-1] if last_words else ""
        if last_word in _NUMBERING_WORDS or " ".join(last_words).endswith(_NUMBERING_PHRASES):
            return "numbering"
        if after.startswith((". ", ") ")) and not text[: candidate.start].strip():
            return "numbering"
        if (
            self.language == "de"
            and after.startswith(". ")
            and raw.isdigit()
            and last_word in _DE_ORDINAL_WORDS
        ):
            return "ordinal"
        noun = _counted_noun(text, candidate.end)
        if _looks_like_year(raw) and (
            noun is None or last_word in _DATE_PREPOSITIONS or before.rstrip().endswith(("-", "–"))
        ):
            return "year"
        if (
            self.language in ("fr", "es")
            and len(raw) == 5
            and raw.isdigit()
            and re.match(r"\s+[A-ZÉ][a-zé]", text[candidate.number_end : candidate.number_end + 3])
        ):
            return "postcode"
        if raw.isdigit() and int(raw) < 10 and noun is None:
            return None if self._qualifier_before(candidate.start) else "small"
        return None

    def _add_figure(self, candidate: _Candidate, value: float, ambiguous: bool) -> None:
        self.figures.append(
            _build_figure(
                candidate,
                self.text,
                value,
                ambiguous,
                self.language,
                self._qualifier_before(candidate.start),
            )
        )


_CURRENCY_ENDINGS = frozenset("$€£FRDP")  # last characters of $, €, £, CHF, EUR, USD, GBP
_UNIT_STARTS = frozenset("%€$£")
# First words that can follow a number as scale, percent or currency (lower-cased,
# trailing dot dropped): the regex for them runs only after one of these.
_UNIT_WORDS = frozenset(
    [
        "million",
        "millions",
        "millones",
        "millón",
        "millon",
        "millionen",
        "mio",
        "milliard",
        "milliards",
        "milliarde",
        "milliarden",
        "mrd",
        "billion",
        "billions",
        "billionen",
        "billones",
        "billón",
        "trillion",
        "trillions",
        "thousand",
        "thousands",
        "tausend",
        "millier",
        "milliers",
        "mille",
        "mil",
        "pour",
        "pourcent",
        "per",
        "percent",
        "prozent",
        "por",
        "euro",
        "euros",
        "eur",
        "usd",
        "chf",
        "gbp",
        "us-dollar",
        "dollar",
        "dollars",
        "dólares",
        "dolares",
        "pound",
        "pounds",
        "livres",
        "franc",
        "francs",
        "franken",
    ]
)
_NEXT_WORD = re.compile(rf"{_SP}*([^\s\u00a0\u202f\u2009]+)")


def _may_have_unit_after(text: str, end: int) -> bool:
    """Cheap test before the unit regex: what follows the number could start a
    suffix ('20K'), a scale word, a percent sign or a currency."""
    following = text[end : end + 1]
    if not following:
        return False
    if following in _UNIT_STARTS or following.isalpha():
        return True
    match = _NEXT_WORD.match(text, end)
    if match is None:
        return False
    word = match.group(1)
    return word[:1] in _UNIT_STARTS or word.lower().rstrip(".,;:") in _UNIT_WORDS


def _words_before(text: str, start: int, count: int) -> list[str]:
    """The last ``count`` words before ``start``, lower-cased ('plus de' -> ['plus', 'de'])."""
    words = text[max(0, start - 32) : start].lower().split()
    return words[-count:]


def _word_or_number(raw: str) -> float | None:
    word = _NUMBER_WORDS.get(raw.lower())
    if word is not None:
        return float(word)
    digits = re.sub(r"\D", "", raw)
    return float(digits) if digits else None


def _looks_like_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2099


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
    candidate: _Candidate,
    text: str,
    value: float,
    ambiguous: bool,
    language: str,
    qualifier: str | None,
) -> Figure:
    scale_word = candidate.suffix or candidate.scale
    if scale_word:
        value *= _scale_factor(scale_word, language)
    currency = _currency_code(candidate.cur1 or candidate.cur2)
    noun = None if candidate.pct or currency else _counted_noun(text, candidate.end)
    kind: FigureKind = "count"
    unit: str | None = noun
    if candidate.pct:
        kind, unit = "percent", "%"
    elif currency:
        kind, unit = "money", currency
    elif noun and noun.lower() in _DURATION_NOUNS:
        kind = "duration"
    return Figure(
        start=candidate.start,
        end=candidate.end,
        text=text[candidate.start : candidate.end].strip(),
        value=round(value, 6),
        unit=unit,
        kind=kind,
        qualifier=qualifier,
        ambiguous=ambiguous,
    )


def _scale_factor(word: str, language: str) -> float:
    lowered = word.lower().rstrip(".")
    if lowered in ("k", "thousand", "thousands", "tausend", "mille", "millier", "milliers", "mil"):
        return 1e3
    if lowered in (
        "m",
        "mn",
        "mio",
        "million",
        "millions",
        "millionen",
        "millones",
        "millón",
        "millon",
    ):
        return 1e6
    if lowered in ("bn", "mrd", "milliard", "milliards", "milliarde", "milliarden", "mil millones"):
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


_AFTER_DAY = re.compile(
    rf"(?:er|st|nd|rd|th|\.|º)?{_SP}*(?:de{_SP}+)?(?P<month>[^\W\d_]+)\.?"
    rf"(?:,?{_SP}*(?:de{_SP}+|del{_SP}+)?(?P<year>\d{{4}})(?!\d))?"
)
_YEAR_AFTER_DAY = re.compile(rf"(?:st|nd|rd|th)?,?{_SP}+\d{{4}}(?!\d)")


def _month_before(text: str, start: int, months: dict[str, int]) -> int | None:
    """Start of a month name standing just before ``start`` ('January 5', 'mars 2024')."""
    window = text[max(0, start - 16) : start]
    words = window.split()
    if not words or not window[-1:].isspace():
        return None
    word = words[-2] if words[-1].lower() == "de" and len(words) > 1 else words[-1]
    if word.lower().rstrip(".") not in months:
        return None
    return max(0, start - 16) + window.rfind(word)


_DURATION_NOUNS = frozenset(
    [
        "ans",
        "années",
        "an",
        "mois",
        "jours",
        "semaines",
        "heures",
        "minutes",
        "years",
        "year",
        "months",
        "month",
        "weeks",
        "days",
        "hours",
        "jahre",
        "jahren",
        "jahr",
        "monate",
        "monaten",
        "wochen",
        "tage",
        "tagen",
        "stunden",
        "años",
        "meses",
        "semanas",
        "días",
        "horas",
        "decades",
        "décennies",
        "jahrzehnte",
        "décadas",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "et",
        "ou",
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "un",
        "une",
        "en",
        "à",
        "au",
        "aux",
        "dans",
        "par",
        "pour",
        "sur",
        "sont",
        "ont",
        "est",
        "sera",
        "qui",
        "que",
        "dont",
        "ce",
        "cette",
        "ces",
        "il",
        "elle",
        "ils",
        "elles",
        "on",
        "nous",
        "vous",
        "pas",
        "plus",
        "moins",
        "ne",
        "se",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
        "depuis",
        "avant",
        "après",
        "entre",
        "chez",
        "avec",
        "sans",
        "selon",
        "contre",
        "vers",
        "and",
        "or",
        "of",
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "this",
        "these",
        "those",
        "it",
        "its",
        "as",
        "than",
        "per",
        "each",
        "every",
        "into",
        "over",
        "under",
        "more",
        "less",
        "not",
        "und",
        "oder",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "ein",
        "eine",
        "einer",
        "eines",
        "in",
        "im",
        "an",
        "am",
        "auf",
        "für",
        "von",
        "vom",
        "zu",
        "zum",
        "zur",
        "mit",
        "ist",
        "sind",
        "war",
        "waren",
        "hat",
        "haben",
        "wurde",
        "wurden",
        "nicht",
        "mehr",
        "als",
        "wie",
        "bei",
        "aus",
        "nach",
        "seit",
        "y",
        "o",
        "el",
        "la",
        "los",
        "las",
        "un",
        "una",
        "unos",
        "unas",
        "en",
        "de",
        "del",
        "al",
        "por",
        "para",
        "con",
        "sin",
        "son",
        "es",
        "fue",
        "han",
        "ha",
        "que",
        "más",
        "menos",
        "como",
        "entre",
        "desde",
        "hasta",
        "sobre",
    ]
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
            merged[-1] = Figure(
                previous.start,
                figure.end,
                text[previous.start : figure.end],
                low,
                figure.unit or previous.unit,
                "range",
                previous.qualifier,
                previous.ambiguous or figure.ambiguous,
            )
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
