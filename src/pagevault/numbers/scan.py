"""One left-to-right pass over a text, reading each digit run and what stands around it.

Scanning starts from digit runs (a C-speed search) and looks at the few words on
either side with dictionary look-ups: alternations of scale words, qualifiers and
currencies tried at every position of every text were the most expensive part of
extraction (bench/extract.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from operator import attrgetter
from typing import TypeVar

from pagevault.numbers.model import Figure, FigureKind, Rejected, RejectReason
from pagevault.numbers.spans import SpanUnion
from pagevault.numbers.values import currency_code, number_value, scale_factor
from pagevault.numbers.vocabulary import (
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    CURRENCY_CODE_WORDS,
    DATE_PREPOSITIONS,
    DE_ORDINAL_WORDS,
    DECADE_WORDS,
    DURATION_NOUNS,
    FUNCTION_WORDS,
    NUMBER_WORDS,
    NUMBERING_PHRASES,
    NUMBERING_WORDS,
    PERCENT_WORDS,
    QUALIFIERS,
    RANGE_OPENERS,
    RATIO_SEPARATORS,
    RATIO_SEPARATORS_WITH_NOUN,
    SCALE_HINTS,
    SCALE_WORDS,
    SPACE,
    SUFFIXES,
    UNIT_WORDS,
    WEEKDAYS,
)

_SP = SPACE
_Found = TypeVar("_Found", Figure, Rejected)
_NUMBER_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_RATIO_SEPARATOR = "|".join(RATIO_SEPARATORS)
_GROUP_SEP = "[ \u00a0\u202f\u2009.,'’]"

# "\d\d*", not "\d+": a pattern that starts with a character set is searched with
# a fast loop, ~2x faster over a text (measured).
DIGITS = re.compile(r"\d\d*")
NUMBER = re.compile(rf"\d{{1,3}}(?:{_GROUP_SEP}\d{{3}}(?!\d))+(?:[.,]\d+(?!\d))?|\d+(?:[.,]\d+)?")
_AFTER_NUMBER = re.compile(
    rf"(?:(?P<suffix>{SUFFIXES})(?!\w)|{_SP}(?P<spaced_suffix>Mds|Md|Mio|Mrd|M|k|K)(?=[€$£]))?"
    rf"(?:{_SP}*(?P<scale>(?i:{SCALE_WORDS}))(?!\w))?"
    rf"(?:{_SP}*(?P<pct>{PERCENT_WORDS})(?!\w))?"
    rf"(?:{_SP}*(?P<cur2>{CURRENCY_AFTER})(?!\w))?"
)
_CURRENCY_BEFORE = re.compile(rf"(?P<cur1>{CURRENCY_BEFORE}){_SP}?$")
_CURRENCY_ENDINGS = frozenset("$€£FRDP")  # last characters of $, €, £, CHF, EUR, USD, GBP
_UNIT_STARTS = frozenset("%€$£")
_GLUED_UNIT = re.compile(r"(?:k|m|md|mds|bn|mio|mrd)[€$£]")
_NEXT_WORD = re.compile(rf"{_SP}*([^\s\u00a0\u202f\u2009]+)")
# "de"/"of" are words of their own ("6 degrees" is no "de grees"); "d'" is glued on.
_NOUN = re.compile(
    rf"{_SP}+(?:(?:de|of|de los|de las){_SP}+|(?:d'|d’){_SP}*)?(?P<noun>[^\W\d_][\w’'-]*)"
)
_WORD_BEFORE_SCALE = re.compile(rf"(?<!\w)(?P<word>(?i:{_NUMBER_WORD})){_SP}+$")
_RATIO_TAIL = re.compile(
    rf"{_SP}+(?:(?P<noun>[^\W\d_]+){_SP}+(?={RATIO_SEPARATORS_WITH_NOUN}))?(?P<sep>{_RATIO_SEPARATOR})"
    rf"{_SP}+(?P<b>\d+(?:{_SP}\d{{3}})*|(?i:{_NUMBER_WORD}))(?![\w.,]\d)"
)
_WORD_RATIO = re.compile(
    rf"(?<!\w)(?P<a>(?i:une?|one|eine?|uno|una))(?P<tail>{_RATIO_TAIL.pattern})", re.UNICODE
)
# A ratio written with words starts with one of these ("one in five", "una de cada 5").
_RATIO_FIRST_WORDS = ("un ", "une ", "one ", "ein ", "eine ", "uno ", "una ")
_RANGE_JOIN = re.compile(rf"{_SP}*[-–—]{_SP}*(?=\d)|{_SP}+(?:à|a|to|and|et|und|bis|y){_SP}+(?=\d)")
_CODE_RUN = re.compile(r"\d[\d \u00a0./-]*\d|\d")
_CAPS_ABBREVIATION = re.compile(r"[A-Z]{2,4}")
_ORDINAL_SUFFIX = re.compile(r"(?:er|ère|re|e|è|ème|eme|nd|st|rd|th|º|ª|o|a|te|ten|ter)(?!\w)")
_CITY_AFTER = re.compile(rf"{_SP}+[A-ZÀ-Ý][\w’'-]+(?:{_SP}*[.,;:)]|\s*$)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
# Non-figures, matched where a digit run starts.
_NUMERIC_DATE = re.compile(
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\w]|[.,]\d)"
)
_TIME = re.compile(
    rf"\d{{1,2}}(?:[:h]\d{{2}}|{_SP}?h{_SP}?\d{{2}}(?!\d)|{_SP}?(?:h|Uhr|am|pm|a\.m\.|p\.m\.)(?!\w))",
    re.IGNORECASE,
)
# The end of a range of hours: "von 10 bis 12 Uhr", "17 bis 18 Uhr", "between 12 and 8
# p.m." (corpus hdate__blog.campact.de-Demokratie-Stiftung, traf__citylimits.org-Nycha).
_HOURS_AFTER = rf"(?i:{_SP}?(?:(?:Uhr|[ap]m)(?!\w)|[ap]\.m\.))"
# "10.30 Uhr", "17.15 horas": German and Spanish write decimals with a comma (corpus
# traf__diakonie.de-Lebensgefuhl, hdate__elmundo.es-PSOE).
_DOTTED_TIME = rf"(?:[01]?\d|2[0-3])\.[0-5]\d{_SP}?(?:Uhr|horas)(?!\w)"
_VERSION = re.compile(r"\d+\.\d{1,2}\.\d+(?:\.\d+)*(?![\w])")
# Groups of up to 6 digits: German numbers with an extension ("0228-999582-5777"), an
# area code after a slash ("030 / 2325 955"), spaced dashes ("030 / 269 97- 361"),
# groups parted by no-break spaces ("604\u00a0662-6882": corpus mercury__ici.radio-canada.ca).
# At most 12 groups before the last: a run of them with no last group after it ("2) "
# 4000 times) was read to its end and back for each of its numbers (n² work, ~4 s for
# 12 KB: RELIABILITY.md rule 1); a phone number has half as many. The trunk prefix an
# international number keeps in brackets is a group its next one may touch ("+49 (0)30
# 275 86-40": "+49" was a figure); an optional prefix group instead could match "(0)"
# two ways, and took 24 s on "(0) " x 5000.
_PHONE = re.compile(
    rf"(?:\(?\d{{1,6}}\)?(?: ?[./\-–] ?|{_SP}|(?<=\(0\))(?=\d))){{2,12}}\d{{2,10}}(?![\w])"
)
_ROUND_THE_CLOCK = re.compile(r"24/7(?![\d/])")  # "erreichbar 24/7": no figure, no ratio
# A time written as four digits and a time zone ("(1451 GMT)": corpus rdbl__yahoo-2).
_ZONED_TIME = re.compile(
    rf"(?:[01]\d|2[0-3])[0-5]\d{_SP}(?:GMT|UTC|CET|CEST|MEZ|MESZ|EST|EDT|PST|PDT)(?!\w)"
)
# A document's format, size and page count beside its link: "(PDF)(76 pp, 28.52 MB,
# About PDF)", "(PDF)(1 pg, 46 K)", "(PDF, 245 KB)", "1.27 MB" (corpus
# edgi-wmp__epa-climate-federal-partner-collab__a, edgi-wmp__epa-ghgrp-factsheet,
# traf__greenpeace.de.nachhaltigleben). Octets ("PDF, 2 Mo") on French pages only:
# "Mo" is a German Monday. A size glued to its number ("2MB") is a code already.
_FORMAT = r"\b(?:PDF|DOCX?|XLSX?|PPTX?|ODT|ODS|EPUB|ZIP|CSV)\b"
_SIZE_AFTER = rf"{_SP}(?:[KMGT]i?B|kB)(?!\w)"
_SIZE_AFTER_FR = rf"{_SP}(?:[KMGT]i?B|kB|[KMG]o)(?!\w)"
_SIZE = rf"\d{_SP}?(?:[KMGT]i?B|kB)(?!\w)"
# The first two letters of a size after a space: its regex runs after these alone
# (German nouns start with K, M, G, T: "5 Millionen", "20 Kinder").
_SIZE_STARTS = frozenset("KB MB GB TB kB Ki Mi Gi Ko Mo Go".split())
_DOCUMENT_PARENTHESIS = 60  # characters at most between its brackets
# A street after a number: "at 2344 Bragg St., Apt. 1C", "801 Mt Vernon Pl NW" (corpus
# traf__citylimits.org-Nycha, edgi-wmp__datagov-highlights__a).
_STREET_AFTER = (
    rf"(?:{_SP}[A-Z][a-z]*\.?){{1,3}}{_SP}(?:St|Ave|Rd|Blvd|Pl|Dr|Ln|Ct|Street|Avenue|Road"
    r"|Boulevard|Place|Drive|Lane|Court|Way|Terrace)\b"
)
# "1 - 5 of 218 results", "1-10 sur 45 résultats", "1 - 20 von 312 Treffern".
_RESULTS_AFTER = (
    rf"(?i:{_SP}+(?:of|sur|von|de){_SP}+\d[\d.,]*(?:{_SP}\d{{3}})*{_SP}+"
    r"(?:results|items|entries|résultats|Ergebnissen|Ergebnisse|Treffern|Treffer|resultados)\b)"
)
# "85 beziehungsweise 44 Prozent", "85 bzw. 44 Prozent", "85 or 44 percent", "85 ou 44 %".
_ALTERNATIVE_JOIN = rf"{_SP}+(?:beziehungsweise\.?|bzw\.|oder|or|ou|o){_SP}+(?=\d)"
_ALTERNATIVE_STARTS = frozenset("bou")
# Between a phone number and another extension of it: "2220 oder - 2202", "2220 / 2202".
_EXTENSION_JOIN = rf"{_SP}*(?:(?:oder|or|ou|bzw\.|,){_SP}*)?[-–/]{_SP}*"
# A place name after a four-digit postcode, ending an address: an international phone
# number follows it ("12 Länder, 3400 Projekte | ..." is a list of figures).
_PLACE_ENDING_ADDRESS = rf"{_SP}+[A-ZÀ-Ý][a-zà-ÿ]+{_SP}*\+"
# What follows the percent opening a donation widget's text.
_PROGRESS_TO_GOAL = (
    rf"{_SP}*(?:vom Ziel(?:{_SP}erreicht)?|of (?:the |our )?goal(?:{_SP}reached)?"
    rf"|de l['’]objectif(?:{_SP}atteint)?)\.?"
)
_SLASH_PAIR = r"\d{1,3}/(\d{1,3})(?![\d/]|[.,]\d)"
# "Round the clock" written with numbers, as "24/7" is (_ROUND_THE_CLOCK): "ouverte 24
# heures sur 24" (corpus traf__blog.mondediplo.net.turpitude), "7 jours sur 7", "24 hours
# a day", "7 Tage die Woche", "365 días al año". No figure about the page's subject.
_ROUND_THE_CLOCK_NUMBERS = frozenset(("24", "7", "365"))
_ROUND_THE_CLOCK_PHRASE = (
    rf"(?:(?P<n>24|7|365)(?:{_SP}?(?:heures|h|jours|j))?{_SP}+sur{_SP}+(?P=n)"
    rf"|24{_SP}?(?:hours|heures|h|Stunden|horas){_SP}+(?:a|per|par|pro|am|al|del|por)"
    rf"{_SP}+(?:day|jour|Tag|día|dia)"
    rf"|7{_SP}+(?:days|jours|Tage|días|dias){_SP}+(?:a|per|par|pro|die|in{_SP}der|a{_SP}la"
    rf"|de{_SP}la|por){_SP}+(?:week|semaine|Woche|semana)"
    rf"|365{_SP}+(?:days|jours|Tage|días|dias){_SP}+(?:a|per|par|pro|im|al|del|por)"
    rf"{_SP}+(?:year|an|Jahr|año))(?!\w|[.,]\d)"
)


@cache
def _lazy(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled on first use: the regexes of rare cases (sizes, streets,
    results, hours) compiled at import cost every process ~25M instructions
    (cachegrind), most of them for nothing."""
    return re.compile(pattern)


_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])")
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:([ .,\u00a0\u202f\u2009])\d{3})(?:\1\d{3})*")
# Each with the longest digit run it may start with and the characters that may
# follow that run: a run that fits none is not matched against them (~2 µs a run).
_BLOCKERS: tuple[tuple[re.Pattern[str], RejectReason, int, str], ...] = (
    (_NUMERIC_DATE, "date", 4, "./-"),
    (_VERSION, "version", 1_000, "."),
    (_TIME, "time", 2, ":hH \u00a0\u202f"),
    (_PHONE, "phone", 6, " .-)/–\u00a0\u202f\u2009"),
    (_ROUND_THE_CLOCK, "code", 2, "/"),
    (_ZONED_TIME, "time", 4, " \u00a0\u202f\u2009"),
)
_ANY_BLOCKER_FOLLOWER = "".join(followers for *_, followers in _BLOCKERS)


@dataclass(slots=True)
class _Candidate:
    """A number and the words around it that may make it a figure."""

    start: int  # where the figure's text starts (a currency sign included)
    number_start: int
    number_end: int
    end: int
    raw: str
    cur1: str | None = None
    suffix: str | None = None
    scale: str | None = None
    pct: str | None = None
    cur2: str | None = None
    fraction: float = 0.0  # a vulgar fraction written after the number ("6 ½")

    @property
    def has_unit(self) -> bool:
        return bool(self.cur1 or self.cur2 or self.pct or self.scale or self.suffix)


def scan_figures(text: str, language: str) -> tuple[list[Figure], list[Rejected]]:
    latin = _latin_1(text)
    probe = _probe(text, latin)
    has_scale_word = _holds_any(probe, SCALE_HINTS)
    # A ratio written with words ('one in five') needs a first word and a separator.
    # " in " is in most English paragraphs: the first words are what lets them skip.
    may_hold_word_ratio = _holds_any(probe, _RATIO_FIRST_WORDS) and _holds_any(
        probe, _RATIO_SEPARATOR_WORDS
    )
    fraction_hints = _FRACTION_HINTS.get(language, ())
    may_hold_fraction = _holds_any(probe, fraction_hints)
    runs = _digit_runs(text, latin) if latin is None or "0" in probe else None
    if runs is None and not (has_scale_word or may_hold_word_ratio or may_hold_fraction):
        return [], []  # most paragraphs: nothing below could find a figure
    scan = _Scan(text, language)
    scan.block_urls()
    if has_scale_word or may_hold_word_ratio:
        # The word readers find their words in the probe, as the fragment tests do. A
        # text holding "İ" (which lower-cases to two characters) is read as ever.
        lowered = text.lower() if "\u0130" in text else probe
    if may_hold_word_ratio:
        scan.read_word_ratios(lowered)
    for start, end in runs or ():
        if start >= scan.cursor:
            scan.read_at(start, end)
    if has_scale_word:
        scan.read_word_figures(lowered)  # set above with has_scale_word
    if may_hold_fraction:
        scan.read_fractions(probe, fraction_hints)
    return _in_page_order(scan.figures), _in_page_order(scan.rejected)


_START = attrgetter("start")


def _in_page_order(found: list[_Found]) -> list[_Found]:
    """``found`` sorted by start; most texts hold none or one (no sort to call)."""
    return found if len(found) < 2 else sorted(found, key=_START)


_RATIO_SEPARATOR_WORDS = tuple(f" {separator} " for separator in RATIO_SEPARATORS)

# Most texts are Latin-1 (no curly quote, dash or narrow space): their bytes are
# cheaper to read than the str. There the only decimal digits are 0-9, so a digit
# table marks them ('0', anything else ' ') and bytes.find walks the runs with
# memchr: ~10 instructions a character, against ~90 for the \d search (cachegrind;
# the \d search was a sixth of extract_statistics).
_DIGIT_MARKS = bytes(ord("0") if char in b"0123456789" else ord(" ") for char in range(256))


def _latin_1(text: str) -> bytes | None:
    """The Latin-1 bytes of ``text``, one a character, its curly quotes, dashes and
    narrow spaces made ASCII (nine texts past Latin-1 in ten hold no other); None if
    it holds other characters past Latin-1."""
    latin = text.encode("latin-1", "ignore")
    if len(latin) == len(text):
        return latin
    for fancy, plain in _PLAIN_PUNCTUATION:
        text = text.replace(fancy, plain)
    latin = text.encode("latin-1", "ignore")
    return latin if len(latin) == len(text) else None


# No digit, letter or word boundary among them: where the scan looks for those, the
# ASCII look-alikes read the same. Replacing them costs ~2 instructions a character
# each; reading the text as bytes then saves ~90 (the \d search).
_PLAIN_PUNCTUATION = (
    ("\u2019", "'"),  # ’
    ("\u2018", "'"),  # ‘
    ("\u201c", '"'),  # “
    ("\u201d", '"'),  # ”
    ("\u201e", '"'),  # „
    ("\u2013", "-"),  # –
    ("\u2014", "-"),  # —
    ("\u2026", "."),  # …
    ("\u202f", " "),  # narrow no-break space
    ("\u2009", " "),  # thin space
)


# What the fragment tests read of a text (``_probe``): its ASCII letters lower-cased,
# its ASCII digits "0", its no-break spaces plain spaces, the rest as in Latin-1.
_PROBE_TABLE = bytes(range(256)).lower().translate(bytes.maketrans(b"123456789\xa0", b"000000000 "))


def _probe(text: str, latin: bytes | None) -> str:
    """``text`` as the fragment tests and the word readers read it (_PROBE_TABLE),
    one character for one, past Latin-1 "?" and the narrow spaces plain: their words
    are all in ASCII letters and plain spaces (no other letter lower-cases to an ASCII
    one but the Kelvin sign and "İ", whose "i" ends no fragment), and a digit is a
    "0". One translation of the Latin-1 bytes instead of bytes.lower, a decoding, the
    space tests and the digit table of every text (-3.4M instructions over the
    corpus, measured; bytes.lower is ~10x cheaper than str.lower)."""
    if latin is None:
        latin = _narrow_spaces_plain(text).encode("latin-1", "replace")
    # Decoded: ``in`` on bytes first tries its operand as an integer (an exception
    # raised and cleared: ~3x the cost of ``in`` on a str for a paragraph).
    return latin.translate(_PROBE_TABLE).decode("latin-1")


def _narrow_spaces_plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u2009", " ")


def _digit_runs(text: str, latin: bytes | None) -> Iterator[tuple[int, int]] | None:
    """The (start, end) of every run of digits (DIGITS) in ``text``; None if none."""
    if latin is None:
        first = DIGITS.search(text)
        return None if first is None else _match_spans(DIGITS.finditer(text, first.start()))
    marks = latin.translate(_DIGIT_MARKS)
    first_digit = marks.find(b"0")
    return None if first_digit < 0 else _mark_spans(marks, first_digit)


def _match_spans(matches: Iterator[re.Match[str]]) -> Iterator[tuple[int, int]]:
    for match in matches:
        yield match.start(), match.end()


def _mark_spans(marks: bytes, start: int) -> Iterator[tuple[int, int]]:
    """The runs of b"0" in ``marks`` from ``start`` (one)."""
    while start >= 0:
        end = marks.find(b" ", start)
        if end < 0:
            yield start, len(marks)
            return
        yield start, end
        start = marks.find(b"0", end)


def _holds_any(text: str, fragments: tuple[str, ...]) -> bool:
    """``any(fragment in text ...)`` without a generator: ~2x faster on the short
    tuples it is used with, for every text of a page (measured)."""
    for fragment in fragments:  # noqa: SIM110 (see the docstring)
        if fragment in text:
            return True
    return False


class _Scan:
    """One pass over one text: what has been read, the figures and the rejections."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.cursor = 0  # digits before it have been read (left-to-right pass)
        # Where what was read before the number being read ends (the cursor then): a
        # figure with its unit ("5 %", "1,5 Mio."), a rejected number (_number_ended_at).
        self.read_before = 0
        self.taken: list[tuple[int, int]] = []  # spans read out of order: URLs, word ratios
        self.documents: list[tuple[int, int]] = []  # a document's format, size, pages
        self.figures: list[Figure] = []
        self.rejected: list[Rejected] = []
        # The union of the spans taken and of the figures' spans, those up to the
        # indexes below added (both lists are only appended to).
        self._read = SpanUnion()
        self._indexed_taken = 0
        self._indexed_figures = 0
        # The words before a position and the noun after one, asked for several times
        # for each number (reference, bare number, qualifier).
        self._words_at: dict[int, list[str]] = {}
        self._noun_at: dict[int, str | None] = {}
        self._first_visible: int | None = None  # where the text's first non-space stands

    # --- bookkeeping ------------------------------------------------------------------

    def is_taken(self, start: int, end: int) -> bool:
        """Whether ``(start, end)`` overlaps a span taken or a figure's: a bisection in
        their union, brought up to date first (a linear scan of them made a text of n
        figures cost n²: RELIABILITY.md rule 1)."""
        self._index_new_spans()
        return self._read.overlaps(start, end)

    def _index_new_spans(self) -> None:
        """Add the spans taken and the figures found since the last call to the union."""
        for span_start, span_end in self.taken[self._indexed_taken :]:
            self._read.add(span_start, span_end)
        self._indexed_taken = len(self.taken)
        for figure in self.figures[self._indexed_figures :]:
            self._read.add(figure.start, figure.end)
        self._indexed_figures = len(self.figures)

    def consume(self, end: int) -> None:
        """Mark the text up to ``end`` read."""
        if end > self.cursor:
            self.cursor = end

    def reject(self, start: int, end: int, reason: RejectReason) -> None:
        self.consume(end)
        self.rejected.append(Rejected(start, end, self.text[start:end], reason))

    def block_urls(self) -> None:
        if "://" in self.text or "www." in self.text:
            self.taken.extend(match.span() for match in _URL.finditer(self.text))

    def _document_number_at(self, start: int) -> bool:
        """A number in a document's metadata, after the one opening it ("28.52" in
        "(76 pp, 28.52 MB, About PDF)"), is no figure about the page's subject."""
        if not any(span_start <= start < span_end for span_start, span_end in self.documents):
            return False
        number = NUMBER.match(self.text, start)
        assert number is not None  # a digit stands at start
        self.reject(start, number.end(), "code")
        return True

    # --- figures written with words -------------------------------------------------

    def read_word_ratios(self, lowered: str) -> None:
        """'one in five', 'uno de cada cinco', 'une personne sur 69'."""
        starts = _word_ratio_starts(self.text, lowered)
        matches = (
            _WORD_RATIO.finditer(self.text) if starts is None else _matches_at(starts, self.text)
        )
        for match in matches:
            self._add_ratio(match, match.start(), match.group("a"))

    def read_word_figures(self, lowered: str) -> None:
        """'quatre millions', 'two billion': found from the scale word back."""
        for hint in SCALE_HINTS:
            # From 1: a scale word opening the text has no number word before it.
            position = lowered.find(hint, 1)
            while position > 0:
                self._read_word_figure_at(position)
                position = lowered.find(hint, position + 1)

    def _read_word_figure_at(self, scale_start: int) -> None:
        if self.text[scale_start - 1 : scale_start] not in _SPACE_OR_NEWLINE:
            return  # inside a word ('similar'): _WORD_BEFORE_SCALE needs a space before it
        word = _WORD_BEFORE_SCALE.search(self.text, max(0, scale_start - 16), scale_start)
        after = _AFTER_NUMBER.match(self.text, scale_start) if word else None
        if word is None or after is None or not after.group("scale"):
            return
        if self.is_taken(word.start("word"), after.end()):
            return
        candidate = _Candidate(
            start=word.start("word"),
            number_start=word.start("word"),
            number_end=word.end("word"),
            end=after.end(),
            raw=word.group("word"),
            scale=after.group("scale"),
            pct=after.group("pct"),
            cur2=after.group("cur2"),
        )
        self._add_figure(candidate, float(NUMBER_WORDS[candidate.raw.lower()]), False)

    def read_fractions(self, probe: str, hints: tuple[str, ...]) -> None:
        """'drei Viertel der Landfläche', 'fast die Hälfte der Nordsee', 'two-thirds of
        Americans', 'más de la mitad de los territorios' (corpus
        traf__greenpeace.org.artenvielfalt: these shares were lost; rdbl__la-nacion,
        whose page names no language, is read as English): a share written with
        words, read as a ratio of what follows "of". Found from the start of its noun
        (``hints``, in the probe), not by a regex tried at every position (~0.7 µs a
        character)."""
        for hint in hints:
            position = probe.find(hint)
            while position >= 0:
                if position == 0 or not probe[position - 1].isalnum():
                    self._add_fraction_at(position)
                position = probe.find(hint, position + 1)

    def _add_fraction_at(self, noun_start: int) -> None:
        noun = _lazy(_FRACTION_NOUN).match(self.text, noun_start)
        if noun is None:
            return  # "thirty", "headquarters", "quarter" with no "of" after it
        before = _lazy(_FRACTION_NUMERATOR).search(self.text, max(0, noun_start - 8), noun_start)
        numerator_word = before.group("num").lower() if before else ""
        denominator = _FRACTION_DENOMINATORS[noun.group("frac").lower()]
        if numerator_word in _FRACTION_ARTICLES or not numerator_word:
            # "die Hälfte", "la moitié", "half of": a half alone needs no number word;
            # "the second half of 2020" is a period, "a third is" an ordinal
            if denominator != 2 or (not numerator_word and not self._plain_half_at(noun)):
                return
            numerator = 1
        else:
            numerator = NUMBER_WORDS[numerator_word]
        whole = _whole_word(self.text, noun.end(), self.language)
        if whole is not None and whole.lower() in _TIME_WHOLES:
            return  # "a quarter of an hour", "un quart d'heure": a duration
        start, end = (before.start() if before else noun_start), noun.end("frac")
        if numerator >= denominator or self.is_taken(start, end):
            return
        unit = None if whole is None or whole.lower() in _PRONOUNS else whole
        self.taken.append((start, end))
        value = round(numerator / denominator, 12)
        qualifier = self._qualifier_before(start)
        self.figures.append(
            Figure(start, end, self.text[start:end], value, unit, "ratio", qualifier)
        )

    def _plain_half_at(self, noun: re.Match[str]) -> bool:
        """English "half" with no number word: not after an ordinal ("the second half
        of 2020", "the first half of the year")."""
        if noun.group("frac").lower() != "half":
            return False
        words = self._words_before(noun.start())
        return not words or words[-1] not in _HALF_ORDINALS

    # --- figures written with digits ------------------------------------------------

    def read_at(self, start: int, end: int) -> None:
        text = self.text
        self.read_before = self.cursor
        self.consume(end)
        if self.taken and self.is_taken(start, end):
            return
        if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".,_"):
            if text[start - 1] == "." and self.language in _POINT_DECIMAL_LANGUAGES:
                self._point_decimal_at(start - 1)
            return  # inside a word, a code ("G20") or a number read already
        if self.documents and self._document_number_at(start):
            return
        if self.rejected and self._phone_extension_at(start, end):
            return
        if self._reference_at(start) or self._month_date_at(start, end):
            return
        if text[start:end] in _ROUND_THE_CLOCK_NUMBERS and self._round_the_clock_at(start):
            return
        if self._blocked_at(start, end) or self._zero_led_code_at(start, end):
            return
        number = NUMBER.match(text, start)
        if number is None:
            return
        if number.end() - start <= 2 and self._ratio_at(start, number):
            return
        join = _RANGE_JOIN.match(text, number.end())
        if join is not None and self._range_at(start, number, join):
            return
        self._number_at(start, number)

    def _opens_progress_widget(self, candidate: _Candidate) -> bool:
        """'0% vom Ziel erreicht': a donation widget's progress bar, the whole of its
        text (corpus traf__greenpeace.de.nachhaltigleben), no figure about the subject."""
        return _lazy(_PROGRESS_TO_GOAL).fullmatch(self.text, candidate.end) is not None

    def _point_decimal_at(self, point: int) -> None:
        """'levy a .07% fee on the biggest banks' (corpus
        mercury__obamawhitehouse.archives.gov--speeches: the figure was lost), '$.50':
        a decimal written without its zero, after a space, a bracket or a currency sign.
        Only with a unit: a bare one is a name as often (".45 caliber", ".NET 4")."""
        if point > 0 and self.text[point - 1] not in _BEFORE_POINT_DECIMAL:
            return  # "end.07": no number starts at the point
        number = _POINT_DECIMAL.match(self.text, point)
        if number is None:
            return
        candidate = self._candidate(point, number)
        if not candidate.has_unit or self.is_taken(candidate.start, candidate.end):
            return
        self.consume(candidate.end)
        self._add_figure(candidate, float("0" + number.group()), False)

    def _round_the_clock_at(self, start: int) -> bool:
        """'24 heures sur 24', '7 days a week' (_ROUND_THE_CLOCK_PHRASE)."""
        phrase = _lazy(_ROUND_THE_CLOCK_PHRASE).match(self.text, start)
        if phrase is None:
            return False
        self.reject(start, phrase.end(), "code")
        return True

    def _phone_extension_at(self, start: int, end: int) -> bool:
        """'Tel. 0221 / 9822 – 2220 oder - 2202': another extension of the phone number
        just read (corpus traf__malteser.de-Bevolkerungsschutz)."""
        last = self.rejected[-1]
        if last.reason != "phone" or not 0 < start - last.end <= 12 or end - start > 5:
            return False
        if _lazy(_EXTENSION_JOIN).fullmatch(self.text, last.end, start) is None:
            return False
        self.reject(start, end, "phone")
        return True

    def _number_at(self, start: int, number: re.Match[str]) -> None:
        candidate = self._candidate(start, number)
        if not candidate.has_unit:
            self._take_unit_of_alternative(candidate)
        self.consume(candidate.end)
        reason = self._reject_reason(candidate)
        if candidate.start == 0 and candidate.pct and self._opens_progress_widget(candidate):
            reason = "code"
        if reason is not None:
            self.reject(start, candidate.number_end, reason)
            return
        value, ambiguous = number_value(candidate.raw, self.language, bool(candidate.pct))
        value += candidate.fraction
        words = self._words_before(candidate.start)
        joined = len(words) > 1 and words[-1] in _WORD_RANGE_JOINS  # most numbers: not
        if not joined or not self._range_from_word_at(candidate, value, ambiguous):
            self._add_figure(candidate, value, ambiguous)

    def _range_from_word_at(self, candidate: _Candidate, high: float, ambiguous: bool) -> bool:
        """'zehn bis 13 Prozent', 'between five and 15 percent', 'entre cinq et 20 %': a
        range whose low end is spelled out, as style guides want numbers up to twelve
        (corpus traf__greenpeace.de.nachhaltigleben: "13 Prozent" stood alone). A join
        word ("and", "et", "und", "y") needs an opener before it ("between", _opens_range):
        "rose by five and 10 percent" is two changes."""
        window_start = max(0, candidate.start - 40)
        low = _lazy(_LOW_WORD_BEFORE).search(self.text, window_start, candidate.start)
        if low is None:
            return False
        low_value = _LOW_WORDS.get(low.group("low").lower())
        if low_value is None or low_value >= high:
            return False
        join = low.group("join").lower()
        start = low.start("low")
        if join in _RANGE_JOINS and not _opens_range(self._words_before(start)):
            return False
        if self.is_taken(start, candidate.end):
            return False  # "une personne sur cinq à 10 %": a ratio ends with the word
        range_candidate = _Candidate(
            start, start, low.end("low"), candidate.end, low.group("low"), candidate.cur1
        )
        range_candidate.suffix, range_candidate.scale = candidate.suffix, candidate.scale
        range_candidate.pct, range_candidate.cur2 = candidate.pct, candidate.cur2
        figure = self._figure(range_candidate, float(low_value), ambiguous)
        self.figures.append(_as_range(figure))
        return True

    def _take_unit_of_alternative(self, candidate: _Candidate) -> None:
        """'85 beziehungsweise 44 Prozent', '2 or 3 million euros': the first of two
        alternatives shares the unit written after the second (corpus
        traf__greenpeace.de.nachhaltigleben). Its end stays its own."""
        end = candidate.number_end
        if self.text[end + 1 : end + 2] not in _ALTERNATIVE_STARTS:
            return  # most bare numbers: no "or" after them
        if _looks_like_year(candidate.raw):
            return  # "since 2019 or 45 percent of them"
        join = _lazy(_ALTERNATIVE_JOIN).match(self.text, end)
        second = NUMBER.match(self.text, join.end()) if join else None
        if join is None or second is None:
            return
        other = self._candidate(join.end(), second)
        if other.cur1 is not None:
            return
        # A percent only after "beziehungsweise"/"bzw." (respectively): "150 or 30 percent"
        # is 150 people, 30 % of them; "2 or 3 million euros" shares scale and currency.
        respectively = join.group().strip().startswith("b")
        if other.pct and respectively:
            candidate.scale, candidate.pct, candidate.cur2 = other.scale, other.pct, other.cur2
        elif not other.pct and (other.cur2 or other.scale):
            candidate.scale, candidate.cur2 = other.scale, other.cur2

    def _reference_at(self, start: int) -> bool:
        """'SIRET 784 263 414 00039', 'Article 3', 'VR 12345 B', 'NY 10017', '00039'."""
        words = self._words_before(start)
        last = words[-1] if words else ""
        if last in NUMBERING_WORDS or (
            last in _NUMBERING_PHRASE_ENDS and " ".join(words[-3:]).endswith(NUMBERING_PHRASES)
        ):
            self.reject(start, self._code_run_end(start), "numbering")
            return True
        window = self.text[max(0, start - 6) : start]
        if window.islower():
            return False  # no capital in it: decided before splitting
        previous = window.split()
        # "(CORG 81)" (corpus hdate__paris-luttes.info): its bracket is no part of it
        last = previous[-1].lstrip("(") if previous else ""
        if not last.isupper():
            return False  # no capitals abbreviation before it: the common case, made cheap
        run = _CODE_RUN.match(self.text, start)
        assert run is not None  # a digit stands at start
        if (
            _CAPS_ABBREVIATION.fullmatch(last)
            and last not in CURRENCY_CODE_WORDS
            and not _may_have_unit_after(self.text, run.end())
        ):
            is_zip = len(last) == 2 and re.fullmatch(r"\d{5}", run.group())
            self.reject(start, run.end(), "postcode" if is_zip else "code")
            return True
        return False

    def _code_run_end(self, start: int) -> int:
        run = _CODE_RUN.match(self.text, start)
        assert run is not None  # a digit stands at start
        return run.end()

    def _zero_led_code_at(self, start: int, end: int) -> bool:
        """'00039': a number written with leading zeros is a code ('0,5' is not)."""
        if self.text[start] != "0" or end - start == 1:
            return False  # the common case, decided before slicing
        following = self.text[end : end + 2]
        is_decimal = following[:1] in ".," and following[1:].isdigit()
        if not is_decimal:
            self.reject(start, end, "code")
            return True
        return False

    def _month_date_at(self, start: int, end: int) -> bool:
        """'5 janvier 2026', '3. Oktober', 'January 5, 2026', 'mars 2024' (a dictionary
        look-up of the words around the number, not a regex of every month name)."""
        if end - start > 4:
            return False
        months, text = _MONTHS or _load_month_names(), self.text
        month_start = _month_before(text, start, end, months)
        if month_start is not None:
            year = _YEAR_AFTER_DAY.match(text, end) if end - start <= 2 else None
            self.reject(month_start, year.end() if year else end, "date")
            return True
        if end - start > 2 or not _may_start_month_after(text[end : end + 1]):
            return False
        after = _AFTER_DAY.match(text, end)
        if after and after.group("month").lower() in months:
            self.reject(start, after.end() if after.group("year") else after.end("month"), "date")
            return True
        return False

    def _blocked_at(self, start: int, end: int) -> bool:
        text = self.text
        following = text[end : end + 1]
        if not following or following not in _ANY_BLOCKER_FOLLOWER:
            return False
        after = text[end + 1 : end + 3]
        for pattern, reason, longest_run, followers in _BLOCKERS:
            if end - start > longest_run or following not in followers:
                continue
            if not _may_go_on(reason, following, after):
                continue
            match = pattern.match(text, start)
            if match is None or (reason == "phone" and not _looks_like_phone(match.group())):
                continue
            begin = start - 1 if reason == "phone" and text[start - 1 : start] == "+" else start
            self.reject(begin, match.end(), reason)
            return True
        if following == ".":
            return self._dotted_time_at(start, end)
        return following == "/" and self._slash_pair_at(start, end)

    def _dotted_time_at(self, start: int, end: int) -> bool:
        """'um 10.30 Uhr', 'a las 17.15 horas' (_DOTTED_TIME)."""
        if end - start > 2 or not self.text[end + 1 : end + 3].isdecimal():
            return False
        time = _lazy(_DOTTED_TIME).match(self.text, start)
        if time is None:
            return False
        self.reject(start, time.end(), "time")
        return True

    def _slash_pair_at(self, start: int, end: int) -> bool:
        """'on 11/9:', 'l’escadron 28/2', 'l’EGM 47/3' (corpus traf__citylimits.org-Nycha,
        hdate__paris-luttes.info): a day and month or a unit's number, no figure. A
        fraction ('1/3 des personnes') is left as it was read."""
        pair = _lazy(_SLASH_PAIR).match(self.text, start) if end - start <= 3 else None
        if pair is None:
            return False
        first, second = int(self.text[start:end]), int(pair.group(1))
        if first < second:
            return False
        self.reject(start, pair.end(), "date" if first <= 31 and 1 <= second <= 12 else "code")
        return True

    def _ratio_at(self, start: int, number: re.Match[str]) -> bool:
        if self.text[number.end() : number.end() + 1] not in (" ", "\u00a0"):
            return False
        tail = _RATIO_TAIL.match(self.text, number.end())
        return tail is not None and self._add_ratio(tail, start, number.group())

    def _add_ratio(self, tail: re.Match[str], start: int, first_raw: str) -> bool:
        """'1 in 113 people', 'une personne sur 69': the counted noun stands between
        the numbers or after them."""
        end, second_raw = tail.end(), tail.group("b")
        first, second = _word_or_number(first_raw), _word_or_number(second_raw)
        if not first or not second or second <= first or _looks_like_year(second_raw):
            return False
        if self.is_taken(start, end):
            return False
        self.taken.append((start, end))
        self.figures.append(
            Figure(
                start=start,
                end=end,
                text=self.text[start:end],
                value=round(first / second, 12),
                unit=tail.group("noun") or self._counted_noun(end),
                kind="ratio",
                qualifier=self._qualifier_before(start),
            )
        )
        return True

    def _range_at(self, start: int, first: re.Match[str], join: re.Match[str]) -> bool:
        """'30-34 Millionen', 'entre 30 et 40 %', 'between 3 and 4 million'; a span of
        years ('2014-2020'), of hours ('17 bis 18 Uhr') or of results is no figure."""
        text = self.text
        if self._hours_or_results_at(start, join):
            return True
        sign = self._sign_character_at(start)  # "de -3 à 5 %": the sign is the low end's
        if not join.group().strip(" \u00a0\u202f-–—"):
            opener_ok = True
        else:
            opener_ok = _opens_range(self._words_before(start if sign is None else sign))
        second = NUMBER.match(text, join.end()) if opener_ok else None
        if second is None:
            return False
        high = self._candidate(join.end(), second)
        low_base = self._candidate(start, first)  # "$2-3 million": the sign is before it
        both_years = _looks_like_year(first.group()) and _looks_like_year(second.group())
        if not both_years and first.group().isdigit() and len(first.group()) == 4:
            # "des années 1880-1990" (corpus traf__blog.mondediplo.net.turpitude)
            words = self._words_before(start)
            both_years = bool(words) and words[-1] in DECADE_WORDS
        if both_years and not high.has_unit:
            self.reject(start, second.end(), "year")
            return True
        low_value, low_ambiguous = number_value(first.group(), self.language, bool(high.pct))
        high_value, high_ambiguous = number_value(second.group(), self.language, bool(high.pct))
        low = _Candidate(low_base.start, start, first.end(), high.end, first.group())
        low.cur1 = low_base.cur1 or high.cur1
        low.suffix, low.scale, low.pct, low.cur2 = high.suffix, high.scale, high.pct, high.cur2
        # The low end's sign is read as any figure's (_sign), from its unit and kind.
        figure = self._figure(low, low_value, low_ambiguous or high_ambiguous)
        if high_value <= (-low_value if figure.value < 0 else low_value):
            return False
        self.consume(high.end)
        self.figures.append(_as_range(figure))
        return True

    def _hours_or_results_at(self, start: int, join: re.Match[str]) -> bool:
        """'von 10 bis 12 Uhr', '17 bis 18 Uhr': two hours of the day; '1 - 5 of 218
        results': the page of a list of search results (corpus
        hdate__greenpeace.org.forests)."""
        text = self.text
        second = NUMBER.match(text, join.end())
        if second is None:
            return False
        hours = _lazy(_HOURS_AFTER).match(text, second.end())
        if hours is not None:
            self.reject(start, hours.end(), "time")
            return True
        results = _lazy(_RESULTS_AFTER).match(text, second.end())
        if results is not None:
            self.reject(start, results.end(), "numbering")
            return True
        return False

    def _candidate(self, start: int, number: re.Match[str]) -> _Candidate:
        text, end = self.text, number.end()
        currency = None
        if start and text[max(0, start - 5) : start].rstrip(" \u00a0")[-1:] in _CURRENCY_ENDINGS:
            currency = _CURRENCY_BEFORE.search(text, max(0, start - 5), start)
        candidate = _Candidate(
            currency.start() if currency else start,
            start,
            end,
            end,
            number.group(),
            currency.group("cur1") if currency else None,
        )
        if text[end : end + 2].lstrip(" \u00a0")[:1] in _FRACTIONS:  # most numbers: none
            end = self._take_fraction(candidate)
        if _may_have_unit_after(text, end):  # most numbers have no unit
            after = _AFTER_NUMBER.match(text, end)
            assert after is not None  # every part of it is optional
            candidate.suffix = after.group("suffix") or after.group("spaced_suffix")
            candidate.scale, candidate.pct, candidate.cur2 = after.group("scale", "pct", "cur2")
            candidate.end = after.end()
        return candidate

    def _take_fraction(self, candidate: _Candidate) -> int:
        """'stopped transmitting data 6 ½ minutes after the launch' (corpus rdbl__yahoo-2:
        "6" was dropped as a small number): the fraction after the number is part of
        it. Returns where the number ends now."""
        position = candidate.number_end
        while self.text[position] in " \u00a0":
            position += 1
        candidate.fraction = _FRACTIONS[self.text[position]]
        candidate.number_end = candidate.end = position + 1
        return position + 1

    def _reject_reason(self, candidate: _Candidate) -> RejectReason | None:
        text, raw = self.text, candidate.raw
        start, end = candidate.number_start, candidate.number_end
        after = text[end : end + 4]
        before = text[max(0, start - 40) : start]
        if before.endswith(("[", "(")):
            if after.startswith(("]", ")")) and len(raw) <= 3:
                return "footnote"
            if before[-1] == "(" and self._opens_document_metadata(start):
                return "code"
        if after[1:3] in _SIZE_STARTS and self._is_file_size(end):
            return "code"
        if after[:1] == "(" and after[2:3] == ")" and after[1:2].isalpha():
            return "code"  # "a 501(c)(3) non-profit" (corpus edgi-wb__whitehouse-ostp-...)
        has_unit = candidate.has_unit
        if after[:1].isalpha() and not has_unit:
            return "ordinal" if _ORDINAL_SUFFIX.match(after) else "code"
        if len(before) >= 2 and before[-1] in "-/" and before[-2].isalpha():
            return "code"
        if has_unit:
            return None
        return self._reject_bare_number(candidate, before, after)

    def _opens_document_metadata(self, start: int) -> bool:
        """The number opens a parenthesis of a document's metadata: one naming its
        format or size, or the one after "(PDF)". Its span is kept: the numbers after
        it in the parenthesis are rejected too."""
        text = self.text
        close = text.find(")", start, start + _DOCUMENT_PARENTHESIS)
        inside = text[start:close] if close >= 0 else "("
        if "(" in inside:
            return False
        if not (
            text[max(0, start - 5) : start - 1] == "PDF)"
            or _lazy(_FORMAT).search(inside)
            or _lazy(_SIZE).search(inside)
        ):
            return False
        self.documents.append((start, close))
        return True

    def _is_file_size(self, end: int) -> bool:
        """The unit after the number is a file size: "28.52 MB", "245 KB"; "2 Mo" on a
        French page."""
        size = _SIZE_AFTER_FR if self.language == "fr" else _SIZE_AFTER
        return _lazy(size).match(self.text, end) is not None

    def _reject_bare_number(
        self, candidate: _Candidate, before: str, after: str
    ) -> RejectReason | None:
        """Why a number without a unit is no figure, if it is none: the first rule that
        tells, in this order (a list marker before a date, a date before a name or an
        address, all before a small number)."""
        if after[:1] == ")" and self.language == "fr" and _is_department(candidate.raw, before):
            return "postcode"
        words = self._words_before(candidate.start)
        last_word = words[-1] if words else ""
        return (
            self._list_marker_reason(candidate, after)
            or self._german_day_reason(candidate.raw, after, last_word)
            or self._calendar_reason(candidate, before, last_word)
            or self._name_or_address_reason(candidate, before, after, last_word)
            or self._small_number_reason(candidate)
        )

    def _list_marker_reason(self, candidate: _Candidate, after: str) -> RejectReason | None:
        """'1. Sozialer Ausgleich', '2) ...': the number opening a text, a list item's;
        '... 9. Spain 10. United States': the next marker of a list written inline."""
        if not after.startswith((". ", ") ")):
            return None  # most numbers
        start = candidate.start
        if self._opens_text(start) or self._follows_its_list_marker(start, after[0]):
            return "numbering"
        return None

    def _opens_text(self, start: int) -> bool:
        """Whether only spaces stand before ``start``: ``not text[:start].strip()``
        without copying what stands before it for every number (n² on a text of list
        markers: RELIABILITY.md rule 1)."""
        if self._first_visible is None:
            self._first_visible = len(self.text) - len(self.text.lstrip())
        return start <= self._first_visible

    def _follows_its_list_marker(self, start: int, mark: str) -> bool:
        """Whether the marker of the item before ("9. ") stands before the number at
        ``start`` ("10. "), in a list written inline (corpus rdbl__cnn: "1. Finland
        2. Norway ... 9. Spain 10. United States"; "10" passed as a count of nothing)."""
        raw = self.text[start : self.text.index(mark, start)]
        if not raw.isdigit() or raw == "0":
            return False
        marker = f"{int(raw) - 1}{mark} "
        # Looked for in the item's reach alone: "1) a " + "2) " 30000 times looked back
        # to the "1) " for each "2" (131 s: RELIABILITY.md rule 1).
        position = self.text.rfind(marker, max(0, start - _LIST_ITEM_REACH), start)
        if position < 0 or (position > 0 and not self.text[position - 1].isspace()):
            return False
        # one item between them, no sentence ("It rose to 9. Then it grew to 10. ...")
        item = self.text[position + len(marker) : start]
        return not any(end in item for end in _SENTENCE_ENDS)

    def _german_day_reason(self, raw: str, after: str, last_word: str) -> RejectReason | None:
        """'der 3. Platz': an ordinal after an article; 'Der 11.10. eines jeden Jahres':
        a day and month without a year."""
        if self.language != "de" or not after.startswith("."):
            return None
        if after.startswith(". ") and raw.isdigit() and last_word in DE_ORDINAL_WORDS:
            return "ordinal"
        if _DAY_MONTH.fullmatch(raw):
            return "date"
        return None

    def _calendar_reason(
        self, candidate: _Candidate, before: str, last_word: str
    ) -> RejectReason | None:
        """A decade ('les années 90'), a day after its weekday ('le samedi 21 au
        matin': corpus traf__sauvonsluniversite.com.spip) or a year (_is_year)."""
        raw = candidate.raw
        if last_word in DECADE_WORDS and raw.isdigit() and len(raw) in (2, 4):
            return "year"
        noun = self._counted_noun(candidate.end)
        if last_word in WEEKDAYS and noun is None and _is_day_of_month(raw):
            return "date"
        if _looks_like_year(raw) and self._is_year(noun, before, last_word):
            return "year"
        return None

    def _is_year(self, noun: str | None, before: str, last_word: str) -> bool:
        """A year-like number counts nothing, follows a preposition of time or a dash,
        or stands before a German lower-case word ("1974 ins THW", "2021 engagierten
        sich": German nouns are capitalised) or, in English, after a name and before a
        singular noun ("the Data Transparency 2016 website": an edition's year; "in Gaza
        2000 children" is a count, which takes a plural noun)."""
        return (
            noun is None
            or last_word in DATE_PREPOSITIONS
            or before.rstrip().endswith(("-", "–"))
            or (self.language == "de" and noun[0].islower())
            or (
                self.language == "en"
                and not _plural_noun(noun)
                and _name_word_before(before) is not None
            )
        )

    def _name_or_address_reason(
        self, candidate: _Candidate, before: str, after: str, last_word: str
    ) -> RejectReason | None:
        """A name joined to capitals ("die 10-H-Regel": corpus
        traf__bund-naturschutz.de-habeck; "4-H clubs", "3-D mapping", a "10-K"
        filing), a version in a name ("FracFocus 1.0", "Industrie 4.0"; not "Warms 2.0
        Degrees"), a ranking ("Top 10 Things", "the top 5 countries"), the name of a
        ranking or an index ("Fortune 500 companies": corpus
        mercury__obamawhitehouse.archives.gov--speeches; "the S&P 500"), a comment
        counter, a postcode or a street number."""
        raw, end = candidate.raw, candidate.end
        if after[:1] == "-" and _LETTER_CODE_AFTER.match(after):
            return "code"
        is_version = raw.endswith(".0") and not _plural_noun(self._counted_noun(end))
        if is_version and _name_word_before(before):
            return "version"
        if last_word == "top":
            return "numbering"
        if last_word in _RANKING_NAMES and self._capitalised_word_before(candidate.start):
            return "code"
        if self._is_comment_counter(candidate):
            return "code"
        if self._is_postcode(candidate):
            return "postcode"
        if (
            after[1:2].isupper()
            and self.language == "en"
            and _lazy(_STREET_AFTER).match(self.text, end)
        ):
            return "numbering"
        if (
            raw.isdigit()
            and _name_before(before, after, self.text, end)
            and self._unit_noun(end) is None
        ):
            return "code"
        return None

    def _capitalised_word_before(self, start: int) -> bool:
        """The word before ``start`` is written with a capital ("Fortune", not "a
        fortune")."""
        return self.text[max(0, start - 32) : start].split()[-1][:1].isupper()

    def _is_comment_counter(self, candidate: _Candidate) -> bool:
        """'Blog entry by Annisa Rahmawati | 21 February, 2017 1 comment' (corpus
        hdate__greenpeace.org.forests): the counter of a post's comments ending the line
        under its title, after a date or a separator, no figure about its subject. Not
        a text's first words (a stat card, "40,000 comments"), nor in a sentence ("The
        rule drew 40,000 comments")."""
        noun = self._counted_noun(candidate.end)
        if noun is None or noun.lower() not in _COMMENT_WORDS:
            return False
        noun_end = self.text.find(noun, candidate.end) + len(noun)
        before = self.text[: candidate.start].rstrip()
        return before != "" and not before[-1].isalpha() and not self.text[noun_end:].strip()

    def _small_number_reason(self, candidate: _Candidate) -> RejectReason | None:
        """A digit counting nothing ("Halle 1", "version 2"); not after a qualifier
        ("près de 5"), nor before a unit joined by a hyphen ("1-mile demarcations") or
        degrees ("limit warming to 2 °C", "il faisait −6 °C": they were lost)."""
        raw, end = candidate.raw, candidate.end
        if not raw.isdigit() or int(raw) >= 10 or self._counted_noun(end) is not None:
            return None
        if self._qualifier_before(candidate.start) or self._compound_unit(end):
            return None
        if "°" in self.text[end : end + 2] and _degree_unit(self.text, end) is not None:
            return None
        return "small"

    def _is_postcode(self, candidate: _Candidate) -> bool:
        """'75011 Paris', '10115 Berlin.': five bare digits before a place name; four
        in an address line (_is_four_digit_postcode)."""
        if len(candidate.raw) == 4 and self.language in ("de", "fr"):
            return self._is_four_digit_postcode(candidate)
        if len(candidate.raw) != 5 or not candidate.raw.isdigit():
            return False
        following = self.text[candidate.number_end : candidate.number_end + 40]
        if self.language in ("fr", "es"):
            return bool(re.match(rf"{_SP}+[A-ZÀ-Ý][a-zà-ÿ]", following))
        return bool(_CITY_AFTER.match(following))

    def _is_four_digit_postcode(self, candidate: _Candidate) -> bool:
        """'Bundeshaus Nord, 3003 Bern +41.31.322.55.11' (corpus traf__wbf.admin.ch.14093):
        a Swiss, Austrian or Belgian postcode after the comma of an address, before a
        place name and an international phone number ('Im Jahr, 3000 Menschen.' is a
        count, and so is '12 Länder, 3400 Projekte | ...')."""
        start, end = candidate.number_start, candidate.number_end
        if not candidate.raw.isdigit() or self.text[max(0, start - 2) : start] != ", ":
            return False
        return _lazy(_PLACE_ENDING_ADDRESS).match(self.text, end) is not None

    def _add_figure(self, candidate: _Candidate, value: float, ambiguous: bool) -> None:
        self.figures.append(self._figure(candidate, value, ambiguous))

    def _figure(self, candidate: _Candidate, value: float, ambiguous: bool) -> Figure:
        scale_word = candidate.suffix or candidate.scale
        if scale_word:
            value *= scale_factor(scale_word, self.language)
        currency_symbol = candidate.cur1 or candidate.cur2
        currency = currency_code(currency_symbol) if currency_symbol else None
        noun = None if candidate.pct or currency else self._unit_noun(candidate.end)
        if noun and scale_word and not candidate.pct:
            currency = currency_code(noun)  # "6 millions de dollars", "68.700 millones de dólares"
        if noun and self.language == "en" and value != 1:
            noun = _english_head_noun(self.text, candidate.end, noun, value)
        kind: FigureKind = "count"
        if noun is not None and noun in _EURO_CENTS.get(self.language, ()):
            currency, value = "EUR", value / 100  # "1,4 Cent" is 0.014 EUR
        if candidate.pct:
            kind, noun = "percent", "%"
        elif currency:
            kind, noun = "money", currency
        elif noun and noun.lower() in DURATION_NOUNS:
            kind = "duration"
        start, text = candidate.start, self.text
        sign = None
        # Most figures have no sign: neither a sign character nor a word for minus and a
        # space before them, told by a slice (~1 µs a figure less, measured).
        if start > 0 and (text[start - 1] in _SIGNS or text.endswith(_MINUSES, 0, start - 1)):
            sign = self._sign(start, kind, noun)
        if sign is not None:
            start, is_minus, doubtful = sign
            value = -value if is_minus else value
            ambiguous = ambiguous or doubtful
        written = text[start : candidate.end].strip()
        qualifier = self._qualifier_before(start)
        # Positional: a NamedTuple's __new__ takes keywords ~2x slower (measured).
        return Figure(
            start, candidate.end, written, round(value, 6), noun, kind, qualifier, ambiguous
        )

    # --- signs --------------------------------------------------------------------------

    def _sign(
        self, start: int, kind: FigureKind, unit: str | None
    ) -> tuple[int, bool, bool] | None:
        """The sign written before the figure whose text starts at ``start``: where the
        figure's text starts with it, whether it is a minus, and whether that is in
        doubt; None if it has none. A sign character (_sign_character_at) or, before a
        percent or degrees, a word for minus ("minus 12 Grad", "moins 5 %":
        _minus_word_start). A hyphen read as a list's dash leaves the figure's text and
        value unsigned, in doubt ("Saldo: -12.000 Arbeitsplätze": _hyphen_reading)."""
        sign = self._sign_character_at(start, unit)
        if sign is not None:
            character = self.text[sign]
            if character == "-":
                reading = self._hyphen_reading(sign, kind, unit)
                if reading is None:
                    return None
                is_minus, doubtful = reading
                return (sign if is_minus else start), is_minus, doubtful
            return sign, character != "+", False
        if kind == "percent" or (unit is not None and unit.lower() in _SIGNED_UNITS):
            word_start = self._minus_word_start(start)
            if word_start is not None:
                return word_start, True, False
        return None

    def _sign_character_at(self, start: int, unit: str | None = None) -> int | None:
        """Where a sign character touching the figure's first character stands, if one
        does: "−1,5 milliard" (U+2212), "-3,2 %", "+5 %", "(-4,5 Prozent)". After a space,
        an opening bracket or quote, or opening the text; not after a number, spaces
        alone between them (_number_ended_at: "786 -122", a phone extension; "2014
        -2020", years; "5 % -10 %", "40 −45 Prozent", the two ends of a range). A dash
        after a letter or a digit joins ("COVID-19", "G-20", "10-20", "+33 1-53-38");
        one before a space is a list's ("- 5 things"); the en dash stands between the
        ends of a range in the corpus ("52–58 GtCO 2 eq": traf__diem25.org.climate),
        never as a minus. Whether a hyphen found here is a minus is _sign's to tell.
        ``unit`` is the figure's (None if unknown): a figure before it of another unit
        is no range's first end."""
        if start == 0 or self.text[start - 1] not in _SIGNS:
            return None  # most figures
        sign = start - 1
        if sign > 0 and self.text[sign - 1] not in _BEFORE_SIGN:
            return None
        if self._number_ended_at(sign, unit):
            return None
        return sign

    def _number_ended_at(self, position: int, unit: str | None) -> bool:
        """Whether the sign character at ``position`` stands after a number, spaces alone
        between them, as a dash joining two numbers rather than a sign: after a dash or
        a slash ("030 / -5"); a hyphen or a plus after a digit ("786 -122", "2014
        -2020"); after a figure that is the first end of a range, its unit included
        ("5 % -10 %", "5% -10%", "1,5 Mio. -2 Mio.", "5 000 € −2 000 €", "40 −45
        Prozent"): one not negative, of no unit or of the figure's own. Not after a
        negative figure: a series of changes ("−2,5 % −1,2 %", "-5 % -10 %"), nor after a
        figure of another unit; the minus sign U+2212 after a number that is no figure (a
        year, a date: "seit 1990 −40 %", "2022 −3,2 %") is a sign. A hyphen after what
        was read before, a rejected number, joins it ("5 % -10 %" rejected)."""
        text = self.text
        last = text[max(0, position - 8) : position].rstrip()[-1:]
        if last == "":
            return False
        if last in "-–—/":
            return True
        minus_sign = text[position] == _MINUS_SIGN
        if last.isdigit() and not minus_sign:
            return True
        figures = self.figures
        if figures:
            before = figures[-1]
            if 0 < position - before.end <= 8 and text[before.end : position].isspace():
                return before.value >= 0 and (
                    unit is None or before.unit is None or before.unit == unit
                )
        if minus_sign:
            # A sign after a year or a date ("seit 1990 −40 %"), but for a year after it
            # ("2019 −2020"); a dash after any other number ("786 −122", a phone's
            # extension; "5 −10 people").
            rejected = self.rejected
            if not rejected or rejected[-1].reason not in ("year", "date"):
                return last.isdigit()
            if not text[rejected[-1].end : position].isspace():
                return last.isdigit()
            year_after = _looks_like_year(text[position + 1 : position + 5])
            return year_after and not text[position + 5 : position + 6].isdigit()
        read_before = self.read_before  # a few spaces before position at most: no long copy
        return (
            read_before > 0
            and 0 < position - read_before <= 8
            and text[read_before:position].isspace()
        )

    def _hyphen_reading(
        self, sign: int, kind: FigureKind, unit: str | None
    ) -> tuple[bool, bool] | None:
        """How a hyphen before a figure reads: whether it is a minus (else a list item's
        dash) and whether that is in doubt; None if it is no sign at all. A minus but
        before a duration ("les -25 ans", "tarif -26 ans": the under-25s, no sign) and
        before a count that is no temperature nor points. Before such a count, a minus
        after a word asking for one ("a drop of -12,000 jobs", "soit -300 emplois") or a
        bracket; a minus in doubt after a verb or any lower-case word but those joining
        a list's items ("Employment fell -12,000 jobs", "la plantilla cayó -500
        empleos"; but a list's introduction may end so: "In 2023 we achieved -5,000
        volunteers"), and in a series after a negative figure, in doubt as it; a list
        item's dash
        written against its number, the line breaks between the items gone from the
        text, after a colon, a capitalised word, a list item or opening the text ("Key
        facts: -5,000 volunteers -300 staff members", "Saldo: -12.000 Arbeitsplätze"),
        in doubt: read as a dash, the figure marked ambiguous; a list item too after a
        figure a few words before, not negative ("5,000 volunteers -300 staff"). The
        minus sign U+2212 is no dash: always a sign."""
        if kind == "duration":
            return None
        if kind != "count" or (unit is not None and unit.lower() in _SIGNED_UNITS):
            return True, False
        if sign == 0:
            return False, True
        text = self.text
        if text[sign - 1] == "(":
            return True, False
        words = self._words_before(sign)
        if not words:
            return False, True
        last = words[-1]
        if last in _WORDS_BEFORE_MINUS_COUNT:
            return True, False
        figures = self.figures
        if figures:
            before = figures[-1]
            between = text[before.end : sign].split() if 0 < sign - before.end <= 40 else ()
            if 0 < len(between) <= 3 and "".join(between).isalpha():
                # "-12,000 jobs -300 firms": a series; else the next item of a list
                return (True, before.ambiguous) if before.value < 0 else (False, True)
        word_end = sign
        while text[word_end - 1].isspace():  # a few spaces: not text[:sign].rstrip()
            word_end -= 1
        written = text[word_end - len(last) : word_end]
        if written.isalpha() and written.islower() and last not in FUNCTION_WORDS:
            return True, True  # "fell -12,000 jobs": a verb ends few lists' lines
        return False, True

    def _minus_word_start(self, start: int) -> int | None:
        """Where the word for minus right before the figure at ``start`` starts, if one
        stands there and reads as a sign: "minus 12 Grad", "il fait moins 5 degrés",
        "menos 3 %"; not "plus or minus 3 %", "au moins 5 %", "al menos 5 %", "más o
        menos 5 %" (a margin, a floor, an estimate), nor "10 minus 3 %" (arithmetic)."""
        minus = _MINUS_WORDS.get(self.language)
        words = self._words_before(start)
        if minus is None or not words or words[-1] != minus:
            return None
        if len(words) > 1 and (
            _unelided(words[-2]) in _NOT_MINUS_AFTER or _holds_number(words[-2])
        ):
            return None
        word_end = start
        while self.text[word_end - 1].isspace():  # not text[:start].rstrip(): n² copies
            word_end -= 1
        return word_end - len(minus)

    def _qualifier_before(self, start: int) -> str | None:
        words = self._words_before(start)
        if not words or words[-1] not in _QUALIFIER_LAST_WORDS:
            return None  # most numbers: decided without joining words
        for count in (3, 2, 1):
            if len(words) < count:
                continue
            phrase = " ".join(words[-count:])
            if phrase in QUALIFIERS:
                return phrase
            unelided = _unelided(phrase)  # "d'au moins 5 %", "qu’au moins": "au moins"
            if unelided is not phrase and unelided in QUALIFIERS:
                return unelided
        return None

    def _words_before(self, start: int) -> list[str]:
        """The words of the 32 characters before ``start``, lower-cased (the first may
        be cut): the last few are what the checks read. Not to be changed by callers."""
        words = self._words_at.get(start)
        if words is None:
            words = self._words_at[start] = self.text[max(0, start - 32) : start].lower().split()
        return words

    def _unit_noun(self, end: int) -> str | None:
        """The noun a figure counts, or its unit written as a sign ("1.5 °C") or joined
        to it by a hyphen ("12-mile"). German nouns are capitalised: a lower-case word
        after a German number is a verb, an adjective or a pronoun, no unit ("um 48.000
        abgenommen", "um 439.000 geringer", "zwei Millionen ihre Wohnung") but for an
        adjective before its noun (_noun_after_german_adjective)."""
        following = self.text[end : end + 1]
        if following == "-":
            return self._compound_unit(end)
        noun = self._counted_noun(end) if following != "°" else None
        if noun is None:
            return _degree_unit(self.text, end) if "°" in self.text[end : end + 2] else None
        if self.language == "de" and noun[0].islower() and "/" not in noun:  # "g/kWh" is one
            return _noun_after_german_adjective(self.text, end, noun)
        return noun

    def _compound_unit(self, end: int) -> str | None:
        """The unit joined to a number by a hyphen: "12-mile and 1-mile demarcations"
        (corpus edgi-wmp__datagov-highlights__a), "an 18-week coding bootcamp" (corpus
        mercury__obamawhitehouse.archives.gov--speeches), "2-Zimmer-Wohnung". A noun
        in German ("3-fach" is none), a lower-case word elsewhere ("2-Butoxyethanol" is
        a name: corpus edgi-wmp__epa-hfstudy-research), and none after the number that
        opens a list item ("1-prendre en considération": corpus traf__lapresse.tn.parite)."""
        unit = _hyphen_unit(self.text, end)
        if unit is None or unit[0].isupper() != (self.language == "de"):
            return None
        number_start = self.text.rfind(" ", 0, end) + 1
        return unit if self.text[:number_start].strip() else None

    def _counted_noun(self, end: int) -> str | None:
        if end not in self._noun_at:
            self._noun_at[end] = _counted_noun(self.text, end)
        return self._noun_at[end]


# --- helpers -----------------------------------------------------------------------------

# The signs a figure may open with (_Scan._sign_character_at), and what may stand
# right before one: a space, an opening bracket or quote.
_MINUS_SIGN = "\u2212"
_SIGNS = frozenset("-+\u2212")
_BEFORE_SIGN = frozenset(" \u00a0\u202f\u2009\n\t([«“„\"'")
# Units a figure after a word for minus measures: temperatures and points (of a poll,
# of percentage), lower-cased. A count of people after "minus" is arithmetic.
_SIGNED_UNITS = frozenset(
    """
    ° °c °f degrees degree degrés degré degres grad grados grado points point punkte punkt
    prozentpunkte prozentpunkt puntos punto
    """.split()
)
# The word for minus in each language, and the words before it that make it no sign:
# a margin ("plus or minus", "plus ou moins", "más o menos"), a floor ("au moins", "du
# moins", "pour le moins", "al menos", "por lo menos", "cuando menos", "ni más ni menos").
_MINUS_WORDS = {"en": "minus", "de": "minus", "fr": "moins", "es": "menos"}
# The words for minus as they may stand before a figure's space (_Scan._figure's check).
_MINUSES = tuple(
    sorted({form for word in _MINUS_WORDS.values() for form in (word, word.capitalize())})
)
_NOT_MINUS_AFTER = frozenset("or plus und oder ou au du le la les o al lo ni cuando".split())
# The words after which a hyphen before a count is a minus (_Scan._hyphen_reading):
# the words of the grammar ("a drop of -12,000 jobs", "was -300") and "soit", but not
# those joining a list's items ("5,000 volunteers and -300 staff").
_WORDS_BEFORE_MINUS_COUNT = (
    FUNCTION_WORDS - frozenset("and or et ou und oder y o e".split())
) | frozenset(("soit",))


def _unelided(word: str) -> str:
    """A word, or a phrase's first word, without the elided word glued before it by an
    apostrophe: "d'au" is "au", "qu’au moins" "au moins"; ``word`` itself if it has none."""
    first = word.partition(" ")[0]
    if "'" not in first and "’" not in first:
        return word
    return word[max(first.rfind("'"), first.rfind("’")) + 1 :]


def _holds_number(word: str) -> bool:
    """A word holding a digit, a percent or a degree sign: a number, not a word."""
    return any(character.isdigit() or character in "%°" for character in word)


# The hundredth of a euro, read as money in euros: "1,4 Cent" is 0.014 EUR (corpus
# traf__linksfraktion.de-Abzocke). Only where a cent is a euro cent: "cents" on an
# English page may be dollars or euros, "centimes" on a French one francs or euros, and
# "céntimos" on a Spanish one soles or colones.
_EURO_CENTS = {"de": ("Cent", "Cents")}

# Last words of the numbering phrases and the qualifiers: a number after any other word
# is after none of them, which spares joining the words before it.
_NUMBERING_PHRASE_ENDS = frozenset(phrase.split()[-1] for phrase in NUMBERING_PHRASES)
_QUALIFIER_LAST_WORDS = frozenset(phrase.split()[-1] for phrase in QUALIFIERS)
_QUALIFIER_WORDS = frozenset(word for phrase in QUALIFIERS for word in phrase.split())

# The characters that may end _WORD_BEFORE_SCALE's window: a space, or the newline "$"
# may stand before. (A set: a slice past the end of the text, "", is in no set.)
_SPACE_OR_NEWLINE = frozenset(" \u00a0\u202f\u2009\n")
# The only characters that lower-case to more than one character (İ) or that the
# regex engine reads as a letter of those words case-insensitively (İ, ı): with
# neither in a text, positions in the lower-cased text are positions in the text.
_CASE_SPECIALS = ("\u0130", "\u0131")


def _word_ratio_starts(text: str, lowered: str) -> list[int] | None:
    """Every position where _WORD_RATIO may match: one of its first words, not inside
    a word. Trying the regex at these alone instead of at every position of the text
    (~60 ns a character) is what makes long paragraphs cheap. None if a special
    character makes positions in ``lowered`` unreliable."""
    if _holds_any(text, _CASE_SPECIALS):
        return None
    # A first word and the space after it: "un" alone is in "une", "fund", "under"
    # (~700 regex calls over the corpus, for 2 matches).
    starts = []
    for first_word in _RATIO_FIRST_WORDS:
        position = lowered.find(first_word)
        while position >= 0:
            if position == 0 or not _is_word_character(text[position - 1]):
                starts.append(position)
            position = lowered.find(first_word, position + 1)
    return sorted(starts)


def _matches_at(starts: list[int], text: str) -> Iterator[re.Match[str]]:
    """What ``_WORD_RATIO.finditer(text)`` yields, given every position it may match at."""
    end = 0
    for start in starts:
        match = _WORD_RATIO.match(text, start) if start >= end else None
        if match is not None:
            end = match.end()
            yield match


def _is_word_character(char: str) -> bool:
    """What the regex engine calls "\\w" in a str pattern."""
    return char.isalnum() or char == "_"


_AFTER_DAY = re.compile(
    rf"(?:er|st|nd|rd|th|\.|º)?{_SP}*(?:de{_SP}+)?(?P<month>[^\W\d_]+)\.?"
    rf"(?:,?{_SP}*(?:de{_SP}+|del{_SP}+)?(?P<year>\d{{4}})(?!\d))?"
)
_YEAR_AFTER_DAY = re.compile(rf"(?:st|nd|rd|th)?,?{_SP}+\d{{4}}(?!\d)")


_MONTHS: dict[str, int] = {}  # dates.month_names(), filled on first use


def _load_month_names() -> dict[str, int]:
    """``dates.month_names``, imported on first use (pagevault.extract imports this
    module). Kept in _MONTHS: an import statement run for every digit run cost ~1 µs,
    a cached function call ~0.2 µs."""
    from pagevault.extract.dates import month_names

    _MONTHS.update(month_names())
    return _MONTHS


def _may_go_on(reason: RejectReason, following: str, after: str) -> bool:
    """Whether a time or a phone number may go on past the character after its first
    digits (``after``: the two characters past it): "h", "Uhr", "am", "pm" or a time
    zone's capitals after a space; a next group after a separator."""
    first = after[:1]
    if reason == "time" and following in " \u00a0\u202f\u2009":
        return first != "" and (first in "hHuUaApP" or (len(after) == 2 and after.isupper()))
    if reason == "phone" and following in " .-\u00a0\u202f\u2009":
        return first in ("(", "/", "-", "–") or first.isdecimal()
    return True


def _may_start_month_after(following: str) -> bool:
    """Whether _AFTER_DAY may match before ``following``: it starts with a letter (an
    ordinal suffix, "de", the month), a dot or a space ('51 %', '12,5' may not)."""
    return following.isalnum() or (following != "" and following in ". \u00a0\u202f\u2009")


def _month_before(text: str, start: int, end: int, months: dict[str, int]) -> int | None:
    """Start of a month name standing just before the number at ``start``:``end``
    ('January 5', 'mars 2024'); after a comma ('Tuesday, Nov, 29, 2016': corpus
    rdbl__yahoo-2) only if a year follows the day ('In January, 5 people' is a count)."""
    if not text[start - 1 : start].isspace():
        return None  # most numbers: no word ends right before them
    window = text[max(0, start - 16) : start]
    words = window.split()
    if not words:
        return None
    word = words[-2] if words[-1].lower() == "de" and len(words) > 1 else words[-1]
    name = word.lower().rstrip(".")
    if name[-1:] == ",":
        if name[:-1].rstrip(".") not in months or _YEAR_AFTER_DAY.match(text, end) is None:
            return None
    elif name not in months:
        return None
    return max(0, start - 16) + window.rfind(word)


# Punctuation that may follow a unit word: "(2018: 18,1 Prozent)" (corpus
# traf__weisser-ring.de-Erfolgsgechichte).
_AFTER_WORD = '.,;:)]!?»"”'


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
    lowered = word.lower()
    return (
        word[:1] in _UNIT_STARTS
        or lowered.rstrip(_AFTER_WORD) in UNIT_WORDS
        or (lowered[0] in "kmb" and _GLUED_UNIT.match(lowered) is not None)
    )


def _looks_like_phone(text: str) -> bool:
    """At least 8 digits, and not a well-grouped number ('10.000.000')."""
    return sum(char.isdigit() for char in text) >= 8 and not _GROUPED_NUMBER.fullmatch(text)


# French elisions that open a verb, never a counted noun ("393 n’ont pas", "qu’il").
_ELIDED_PRONOUNS = ("n’", "n'", "s’", "s'", "qu’", "qu'", "j’", "j'", "m’", "m'", "t’", "t'")


def _counted_noun(text: str, end: int) -> str | None:
    match = _NOUN.match(text, end)
    if match is None:
        return None
    noun = match.group("noun")
    lowered = noun.lower()
    if text[match.end() : match.end() + 1] == "/" and lowered not in FUNCTION_WORDS:
        unit = _lazy(_SLASH_UNIT).match(text, match.start("noun"))
        if unit is not None:
            return unit.group()
    if lowered in FUNCTION_WORDS or len(noun) < 3 or lowered.startswith(_ELIDED_PRONOUNS):
        return None
    if noun.endswith(_FORMULA_ENDINGS):
        return _with_subscript(text, match.end(), noun)
    return noun


# A unit of measure written with a slash: "270 g/kWh", "550 kg/kW", "30 km/h" (corpus
# traf__umweltbundesamt.de-atomkraft). Short words on both sides: "Männer/Frauen" is
# read as "Männer", "and/or" as no unit.
_SLASH_UNIT = r"[^\W\d_]{1,3}/[^\W\d_]{1,4}[²³]?(?![\w/])"
# A unit ending in a chemical formula whose subscript digit the page's markup set apart:
# "52–58 GtCO 2 eq" for GtCO<sub>2</sub>eq (corpus traf__diem25.org.climate).
_FORMULA_ENDINGS = ("CO", "CH", "NO", "SO", "NH")
_SUBSCRIPT = rf"{_SP}([2-4])(?!\d|[.,]\d)(?:{_SP}?(eq|e)(?!\w))?"


def _with_subscript(text: str, end: int, unit: str) -> str:
    """``unit`` with the subscript digit written apart after it ("GtCO 2 eq" ->
    "GtCO2eq"); "CO2" glued to its digit is one word already."""
    subscript = _lazy(_SUBSCRIPT).match(text, end)
    if subscript is None:
        return unit
    return unit + subscript.group(1) + (subscript.group(2) or "")


# A unit joined to its number by a hyphen ("12-mile", "5-year"): letters up to the
# next hyphen ("50-year-old" -> "year").
_HYPHEN_UNIT = re.compile(r"-([^\W\d_]+)")
_DEGREES = {"°C": "°C", "°F": "°F"}


def _hyphen_unit(text: str, end: int) -> str | None:
    """The word joined by a hyphen to the number ending at ``end`` ("12-mile" ->
    "mile"); none if it is one or two letters ("10-H"), a function word ("1-to-1") or
    a scale or currency word, whose value it would miss ("a 2-million-strong march")."""
    match = _HYPHEN_UNIT.match(text, end)
    if match is None:
        return None
    unit = match.group(1)
    lowered = unit.lower()
    if len(unit) < 3 or lowered in FUNCTION_WORDS or lowered in UNIT_WORDS:
        return None
    return unit


def _degree_unit(text: str, end: int) -> str | None:
    """The degrees written after a number, with or without a space: "°C", "°F" or "°"
    ("1.5°C", "1.5 °C": corpus traf__diem25.org.climate)."""
    following = text[end : end + 3].lstrip(" \u00a0\u202f\u2009")
    if not following.startswith("°"):
        return None
    return _DEGREES.get(following[:2], "°")


# A French place name opening a parenthesis, before its département number:
# "lycée Angela Davis (Saint-Denis, 93)" (corpus traf__sauvonsluniversite.com.spip).
_PLACE_IN_PARENTHESIS = rf"\([A-ZÀ-Ý][^()\d,]*,{_SP}*$"


def _is_department(raw: str, before: str) -> bool:
    """``raw`` is a French département number (01-95, 971-976) after a place name in a
    parenthesis that it closes."""
    is_number = raw in _OVERSEAS_DEPARTMENTS or (len(raw) == 2 and raw.isdigit() and raw <= "95")
    return is_number and _lazy(_PLACE_IN_PARENTHESIS).search(before) is not None


_OVERSEAS_DEPARTMENTS = frozenset("971 972 973 974 976".split())


# Openers a few words may part from the range: "between the ages of 25 and 54"
# (corpus rdbl__cnn), "zwischen den Jahren 25 und 54", "entre les âges de 25 et 54 ans".
_DISTANT_RANGE_OPENERS = frozenset(("between", "zwischen", "entre"))


def _opens_range(words: list[str]) -> bool:
    """The words before a number open a range of numbers joined by a word: the
    last is "entre", "between"..., or "between" stands up to three words before it,
    no number or punctuation between them."""
    if not words:
        return False
    if words[-1] in RANGE_OPENERS:
        return True
    for position in range(len(words) - 2, max(-1, len(words) - 5), -1):
        word = words[position]
        if word in _DISTANT_RANGE_OPENERS:
            return True
        if not word.isalpha() or word in _RANGE_JOINS:
            # a number, a mark: "between 2010 and 2015, 5 and 10"; a join: "between men
            # and women 10 and 20 years ago" closed its range before the number
            return False
    return False


_RANGE_JOINS = frozenset(("and", "und", "et", "y", "e"))


# English plurals that end in no "s" ("2000 children", "30 people").
_IRREGULAR_PLURALS = frozenset("children people men women feet teeth mice geese".split())


def _plural_noun(noun: str | None) -> bool:
    """Whether an English counted noun reads as a plural: a count of more than one takes
    one, an edition's year or a version does not ("2016 website", "1.0 release")."""
    if noun is None:
        return False
    word = noun.casefold()
    return (word.endswith("s") and not word.endswith("ss")) or word in _IRREGULAR_PLURALS


def _name_word_before(before: str) -> str | None:
    """The word before a number if it is a capitalised word inside a sentence, part of
    a name ("Data Transparency 2016", "FracFocus 1.0": corpus
    edgi-wmp__datagov-highlights__a, edgi-wmp__epa-hfstudy-research); not the first
    word of a sentence ("About 2000 people"), nor a word of the grammar ("In 2016")."""
    words = before.split()
    if len(words) < 2 or not words[-1][:1].isupper() or not words[-1].isalpha():
        return None
    if words[-2][-1] in ".!?:;" or words[-1].lower() in _NOT_NAME_WORDS:
        return None
    return words[-1]


def _name_before(before: str, after: str, text: str, end: int) -> bool:
    """Whether a name ends right before a whole number counting nothing, the number then
    being part of it: a word written in camel case ("Firefox for iOS 124": corpus
    hdate__mozilla.org.mfsa2024-17, a version), not a unit ("in kWh 3500"); or two
    capitalised words inside a sentence going on after the number ("la CGT Goodyear et
    Sud Ptt 92 a pour but": corpus traf__infocomcgt.fr.caisse, a union; "organised by
    Sud Ptt 92 and others") or after a comma ("She joined SEIU Local 1199, the health
    care union", an apposition opened by an article). Not one capitalised word ("In
    Chicago 300 were arrested"), nor a name before any other comma ("Chicago 300, New
    Orleans 120, Los Angeles 450.": a list of counts; "zählte Tafel Deutschland 960,
    mehr als je zuvor"), a full stop or the text's end ("zählte Tafel Deutschland
    960."), nor one after a place preposition ("in New York 300 were
    arrested") or naming a source ("According to Human Rights Watch 300 were killed",
    "Selon Médecins Sans Frontières 300"). ``end`` is where the number ends in
    ``text``."""
    last = before.rstrip().rpartition(" ")[2]
    if not last.isalpha() or last.islower():
        return False  # most numbers: after a mark, a number or a word in lower case
    if not last[0].isupper():
        # "iOS", "macOS"; not a unit ("kWh", "mAh")
        return any(letter.isupper() for letter in last[1:]) and not _UNIT_BEFORE.fullmatch(last)
    if after[:1] == ",":
        if _lazy(_APPOSITION_AFTER).match(text, end) is None:
            return False  # "New Orleans 120, Los Angeles 450": a list of counts
    elif after[:1] not in _SPACES or not after[1:2].isalpha():
        return False
    words = before.split()
    if len(words) < 3 or _name_word_before(" ".join(words[-3:-1])) is None:
        return False
    if _name_word_before(before) is None:
        return False
    # The word before the name: its words walked back (a few: ``before`` is 40 characters)
    index = len(words) - 3
    while index > 0 and _name_word_before(" ".join(words[index - 1 : index + 1])) is not None:
        index -= 1
    preposition = words[index].lower()
    if preposition in _PLACE_PREPOSITIONS or preposition in _SOURCE_PREPOSITIONS:
        return False
    return not (preposition == "to" and index > 0 and words[index - 1].lower() == "according")


# A unit written before its number in camel case, an SI prefix and a unit ("in kWh
# 3500"): no name.
_UNIT_BEFORE = re.compile(r"[kmµnpcdh](?:Wh|Wp|Wc|W|Ah|VA|V|A|Hz|B|Pa|J|L)")
_SPACES = frozenset(" \u00a0\u202f\u2009")
# Prepositions a place name follows: "in New York 300 were arrested".
_PLACE_PREPOSITIONS = frozenset("in at from near à a au aux en de del im am bei aus nach".split())
# Prepositions naming a source ("selon Médecins Sans Frontières", "laut Statistischem
# Bundesamt", "según Amnistía Internacional"; and "according to"): the number after the
# source is no part of its name. Not "by", "avec"... ("organised by Sud Ptt 92").
_SOURCE_PREPOSITIONS = frozenset("selon d'après d’après laut zufolge según".split())
# A comma and an apposition opened by an article ("SEIU Local 1199, the health care
# union", "Sud Ptt 92, le syndicat"): what stands before the comma is a name (_name_before).
_APPOSITION_AFTER = r",[ \u00a0]+(?:(?:the|an?|la|les?|une?|el|los|las|una)[ \u00a0]|l['’])"
# What ends a sentence inside a text (_follows_its_list_marker).
_SENTENCE_ENDS = (". ", "! ", "? ")
# Characters at most from an inline list's marker to the next one's number ("9. Spain
# 10."): its items are names, a few words.
_LIST_ITEM_REACH = 200
# Rankings and stock indexes named with a number (lower-cased, as _words_before reads
# them): capitals ones ("DAX 40", "CAC 40", "FTSE 100") are codes already.
_RANKING_NAMES = frozenset("fortune forbes s&p russell nasdaq nikkei stoxx".split())
# The words joining the two ends of a range (as _RANGE_JOIN), and the spelled-out
# numbers that may open one: not those for one ("a", "un", "one": "no one to 10").
_WORD_RANGE_JOINS = frozenset("à a to and et und bis y".split())
_LOW_WORDS = {word: value for word, value in NUMBER_WORDS.items() if 1 < value < 100}
_LOW_WORD_BEFORE = rf"(?<!\w)(?P<low>[^\W\d_]+){_SP}+(?P<join>[^\W\d_]+){_SP}+$"
# A decimal without its zero (".07%") where the decimal mark is a point.
_POINT_DECIMAL = re.compile(r"\.\d+(?![\d.,])")
_POINT_DECIMAL_LANGUAGES = frozenset(("en",))
_BEFORE_POINT_DECIMAL = " \u00a0($€£"
# Vulgar fractions written after a number ("6 ½ minutes": _take_fraction).
_FRACTIONS = {"½": 1 / 2, "¼": 1 / 4, "¾": 3 / 4, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 1 / 8}
# The nouns of a comment counter (_is_comment_counter), lower-cased.
_COMMENT_WORDS = frozenset(
    "comment comments commentaire commentaires kommentar kommentare comentario comentarios".split()
)
# One or two capitals joined to a number by a hyphen, no word going on after them.
_LETTER_CODE_AFTER = re.compile(r"-[A-Z]{1,2}(?![^\W\d_])")

_NOT_NAME_WORDS = FUNCTION_WORDS | _QUALIFIER_WORDS | DATE_PREPOSITIONS


def _word_or_number(raw: str) -> float | None:
    word = NUMBER_WORDS.get(raw.lower())
    if word is not None:
        return float(word)
    digits = re.sub(r"\D", "", raw)
    return float(digits) if digits else None


# English words that stand between a number and the noun it counts ("10 wealthy
# countries", "2.5 metric tons", "15 million nautical miles", "250 Arctic-related
# datasets": corpus rdbl__cnn, rdbl__yahoo-2, edgi-wmp__datagov-highlights__a). After a
# number above one, a singular noun ending so is a modifier too ("5 hospital beds").
_MODIFIERS = frozenset(
    """
    new unique common wealthy poor rich other additional different major young old top key
    main small large big single separate extra free local senior junior current former
    early late recent
    """.split()
)
_MODIFIER_ENDINGS = ("al", "ic", "ed", "ive", "ous", "ful", "less", "ary")
_NEXT_NOUN = rf"{_SP}+([^\W\d_][\w’'-]*)"


def _is_modifier(word: str) -> bool:
    lowered = word.lower()
    return lowered in _MODIFIERS or (
        len(lowered) > 5 and lowered.endswith(_MODIFIER_ENDINGS) and not lowered.endswith("eed")
    )


def _head_noun(text: str, end: int, noun: str) -> str:
    """The noun after ``noun`` (and after a second modifier), if a content word follows
    it ("100 killed in" keeps "killed")."""
    position = text.find(noun, end) + len(noun)
    for _ in range(2):
        following = _lazy(_NEXT_NOUN).match(text, position)
        if following is None or len(following.group(1)) < 3:
            return noun
        if following.group(1).lower() in FUNCTION_WORDS:
            return noun
        noun, position = following.group(1), following.end()
        if not _is_modifier(noun):
            return noun
    return noun


# German adjectives a number may stand before: the stems of common ones, and endings of
# stems that make adjectives ("zivilgesellschaftlich", "europäisch", "finanziell").
_DE_ADJECTIVE_STEMS = frozenset(
    "neu weiter ander klein groß gross jung alt verschieden deutsch frei arm reich".split()
)
_DE_ADJECTIVE_STEM_ENDINGS = ("lich", "isch", "bar", "sam", "haft", "los", "ell", "iv", "al")
# The endings of an inflected German adjective, longest first.
_DE_ADJECTIVE_ENDINGS = ("en", "er", "es", "em", "e")


def _noun_after_german_adjective(text: str, end: int, word: str) -> str | None:
    """The capitalised noun after ``word`` if ``word`` is an inflected adjective: "rund
    60 neue Kleidungsstücke", "mehr als 50 zivilgesellschaftlichen Organisationen" (corpus
    traf__greenpeace.de.nachhaltigleben: no unit). Not a verb ("300 benötigen Hilfe":
    no "-ig" stem is read) nor a pronoun ("zwei Millionen ihre Wohnung")."""
    ending = next((ending for ending in _DE_ADJECTIVE_ENDINGS if word.endswith(ending)), None)
    if ending is None:
        return None
    stem = word[: -len(ending)]
    if stem not in _DE_ADJECTIVE_STEMS and not stem.endswith(_DE_ADJECTIVE_STEM_ENDINGS):
        return None
    noun = _lazy(_NEXT_NOUN).match(text, text.find(word, end) + len(word))
    return noun.group(1) if noun is not None and noun.group(1)[0].isupper() else None


def _english_head_noun(text: str, end: int, noun: str, value: float) -> str:
    """The noun an English figure counts: past its modifiers (_head_noun), and past a
    singular noun that qualifies the plural after it, as a count above one takes a
    plural ("3 STEM Resources", "38 unique Custom Districts", "30 common outpatient
    services": corpus edgi-wmd__energy-gov-home__v1, edgi-wmp__datagov-highlights__a).
    Units and durations stay ("12 nautical mile Territorial Sea", "5 year terms")."""
    if _is_modifier(noun):
        noun = _head_noun(text, end, noun)
    if value <= 1 or _plural_noun(noun) or noun.lower() in _MEASURES:
        return noun
    following = _lazy(_NEXT_NOUN).match(text, text.find(noun, end) + len(noun))
    if following is None:
        return noun
    word = following.group(1)
    return word if _is_plain_plural(word) else noun


# Units of measure and time a number counts before another noun ("a 10 mile run").
_MEASURES = DURATION_NOUNS | frozenset(
    """
    mile kilometer kilometre km meter metre foot inch yard pound ton tonne gallon liter
    litre acre hectare degree percent point dollar euro cent page storey story
    """.split()
)


def _is_plain_plural(word: str) -> bool:
    """An English plural by its ending: "services", "Districts"; not "bonus",
    "analysis", "class", nor a word of the grammar ("was", "its")."""
    lowered = word.lower()
    return (
        len(word) > 3
        and word.isalpha()
        and lowered.endswith("s")
        and not lowered.endswith(("ss", "us", "is"))
        and lowered not in FUNCTION_WORDS
    )


# Shares written with words (read_fractions): the nouns of a half, a third and a
# quarter with their denominator, the number words before them, and what links them to
# the whole ("of", "de", "der"). A half alone takes an article ("die Hälfte").
_FRACTION_DENOMINATORS = {
    **dict.fromkeys("half moitié hälfte mitad".split(), 2),
    **dict.fromkeys("third thirds tiers drittel tercio tercios".split(), 3),
    **dict.fromkeys("quarter quarters quart quarts viertel cuarto cuartos".split(), 4),
}
# The starts of the share nouns of each language, lower-cased as in the probe: a text
# without one holds no share (three fragments a text: ~2 µs a page for the others).
_FRACTION_HINTS = {
    "en": ("half", "third", "quart"),
    "fr": ("moiti", "tiers", "quart"),
    "de": ("hälfte", "drittel", "viertel"),
    "es": ("mitad", "terci", "cuart"),
}
_FRACTION_ARTICLES = frozenset(("la", "die"))
_FRACTION_NOUN = (
    r"(?i)(?P<frac>"
    + "|".join(_FRACTION_DENOMINATORS)
    + rf")(?:{_SP}+(?:of|de|des|du|der|aller|del)(?!\w)|{_SP}+d['’])"
)
# The number word or article before a share's noun ("two-thirds", "die Hälfte").
_FRACTION_NUMERATOR = (
    r"(?i)(?<!\w)(?P<num>a|one|two|three|un|une|deux|trois|ein|eine|zwei|drei|uno|una|dos"
    rf"|tres|la|die)(?:{_SP}|-)+$"
)
_HALF_ORDINALS = frozenset("first second last latter other".split())
# Words between the link and the noun of the whole ("of all the people").
_WHOLE_DETERMINERS = frozenset(
    "all their our its his her alle aller allen tous toutes leurs nos todos todas sus".split()
)
# Wholes that make a share a duration, and pronouns that name no whole ("half of them").
_TIME_WHOLES = DURATION_NOUNS | frozenset(
    "century siècle jahrhunderts jahrhundert siglo time temps zeit tiempo".split()
)
_WHOLE_NEXT = rf"{_SP}*([^\W\d_][\w’'-]*)"
_PRONOUNS = frozenset("them us you those these eux elles nous vous ihnen uns ellos ellas".split())


def _whole_word(text: str, end: int, language: str) -> str | None:
    """The first word after the link of a share ("of", "der") that is no article or
    determiner, if one follows: its whole ("two-thirds of all Americans"). A German
    lower-case word is an adjective ("der deutschen Nordsee")."""
    position = end
    for _ in range(3):
        word = _lazy(_WHOLE_NEXT).match(text, position)  # none after "d'"
        if word is None:
            return None
        noun, position = word.group(1).rstrip("-’'"), word.end()
        lowered = noun.lower()
        if lowered in FUNCTION_WORDS or lowered in _WHOLE_DETERMINERS:
            continue
        if language == "de" and noun[:1].islower():
            continue
        return noun if len(noun) > 2 else None
    return None


def _is_day_of_month(raw: str) -> bool:
    return raw.isdigit() and len(raw) <= 2 and 1 <= int(raw) <= 31


def _looks_like_year(raw: str) -> bool:
    """1900-2100: climate pages write "by 2100" ("bis 2100") often."""
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100


def _as_range(figure: Figure) -> Figure:
    return Figure(
        start=figure.start,
        end=figure.end,
        text=figure.text,
        value=figure.value,
        unit=figure.unit,
        kind="range",
        qualifier=figure.qualifier,
        ambiguous=figure.ambiguous,
    )
