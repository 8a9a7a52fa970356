"""Dates as written on cards, in metadata and in page URLs -> ISO 8601 (pure).

Month names are CLDR's for fr/en/de/es (``pagevault.cldr``), so "5 janvier, 2026",
"January 5, 2026", "5. Januar 2026" and "5 de enero de 2026" all read as 2026-01-05.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache

from pagevault.cldr import MONTH_NAMES

_ISO_DATE = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)"
    r"\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_LAST_HOUR, _LAST_MINUTE, _LAST_SECOND = 23, 59, 60  # 60: a leap second
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
# A dotted day-first date opening a text, then a space: a press release's dateline
# ("01.02.2022 „Der Arbeitsmarkt ist gut in das Jahr 2022 gestartet...").
_DATELINE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?=\s)")
# The same after its place (one to three capitalised words and a comma), then a dash or
# a colon: "Bern, 17.08.2007 - Rede von..." ("Am Montag, 17.08.2007 hat..." is a sentence).
_PLACE_WORD = r"[A-ZÀ-Þ][\w'’.()-]*+"
_MAX_PLACE = 40  # characters before the place's comma ("Bern", "St. Gallen", "Den Haag")
_PLACED_DATELINE = re.compile(
    rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}},\s*(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})"
    r"(?:\s+[-–—|]|:)\s"
)
# A date with a two-digit year, zero-padded, dotted or slashed, as a byline's whole text
# ("02.12.19" over hdate__hertie-school.org.leyen.html's title, "12/03/98").
_SHORT_YEAR_DATE = re.compile(r"(\d{2})([./])(\d{2})\2(\d{2})")
_SHORT_YEAR_LENGTH = len("02.12.19")
# Which century a two-digit year is in, decided without the clock (parsing is pure): the
# web's years, fixed in the code. "00".."30" are 2000..2030: this rule was written in
# 2026, and four more years keep a page bylined next year dated (past 2030, a year of the
# 2030s reads as no date, not a wrong one, until the constant moves). "90".."99" are
# 1990..1999, the web's first years. Any other two digits are no web page's date ("45":
# 1945 is before the web, 2045 in the future; POSIX's pivot read 2045): none is read.
_LAST_SHORT_YEAR = 2030
_LAST_MONTH = 12
_FIRST_SHORT_YEAR = 1990
# A complete date as a URL's path writes it: year first as segments ("/2016/05/22/") or
# dashed ("/2019-12-02-health-workers"), or a whole segment day first ("/29-10-2021").
_URL_DATE = re.compile(
    r"/(?P<y1>\d{4})/(?P<m1>\d{1,2})/(?P<d1>\d{1,2})(?=[/._-]|$)"
    r"|/(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})(?=[/._-]|$)"
    r"|/(?P<first>\d{1,2})-(?P<second>\d{1,2})-(?P<y3>\d{4})(?=[/.]|$)"
)


def normalize_iso_date(value: str) -> str | None:
    """ISO 8601 date or date-time from a machine-readable value, else from free text. A
    date-time is written to the second, with its zone when the page gives one."""
    match = _ISO_DATE.match(value)
    if match is None:
        return parse_text_date(value)
    year, month, day, clock, zone = match.groups()
    if not _valid(int(year), int(month), int(day)):
        return None
    clock = _whole_seconds(clock) if clock is not None else None
    if clock is None:
        return f"{year}-{month}-{day}"
    zone = "+00:00" if zone == "Z" else (zone[:3] + ":" + zone[-2:] if zone else "")
    return f"{year}-{month}-{day}T{clock}{zone}"


def _whole_seconds(clock: str) -> str | None:
    """A time of day as "HH:MM:SS", whatever the page wrote ("09:43", "20:51:06.620"),
    so that every date-time reads (and sorts) alike; None for no valid time."""
    hours, minutes, *rest = clock.split(".")[0].split(":")  # "09:43.5": no seconds
    seconds = rest[0] if rest else "00"
    if int(hours) > _LAST_HOUR or int(minutes) > _LAST_MINUTE or int(seconds) > _LAST_SECOND:
        return None
    return f"{hours}:{minutes}:{seconds}"


def parse_text_date(text: str, lang: str | None = None) -> str | None:
    """ISO date from human text such as '5 janvier, 2026' or '12/03/2025' (day first
    except on American English pages: "en", "en-US"); None when no complete date is
    found."""
    lowered = text.lower()
    match = _month_date_pattern().search(lowered)
    if match is not None:
        return _from_month_match(match)
    match = _NUMERIC_DATE.search(lowered)
    if match is not None:
        first, second, year = (int(g) for g in match.groups())
        day, month = (second, first) if _month_first(lang) else (first, second)
        return _iso(year, month, day)
    return None


def url_path_date(url: str, lang: str | None = None) -> str | None:
    """The complete date a page's URL holds in its path ("/2016/05/22/", "/29-10-2021"),
    else None. Only for the page's own URL: a date in a link or an image's address
    dates that other file, not the page."""
    path = url.split("?", 1)[0].split("#", 1)[0]  # not a query's or fragment's dates
    match = _URL_DATE.search(path)
    if match is None:
        return None
    groups = match.groupdict()
    if groups["y3"] is not None:  # day first, as the page's numeric dates are written
        first, second = int(groups["first"]), int(groups["second"])
        day, month = (second, first) if _month_first(lang) else (first, second)
        return _iso(int(groups["y3"]), month, day)
    year, month, day = (int(groups[f"{part}1"] or groups[f"{part}2"]) for part in "ymd")
    return _iso(year, month, day)


def dateline_date(text: str) -> str | None:
    """The date a text opens with when written "dd.mm.yyyy" and followed by a space, or
    after its place and followed by a dash ("Bern, 17.08.2007 - Rede..."), as a press
    release's dateline; None otherwise (a date inside a sentence is not one)."""
    match = _DATELINE.match(text) or _placed_dateline(text)
    if match is None:
        return None
    day, month, year = (int(group) for group in match.groups())
    return _iso(year, month, day)


def short_year_date(text: str, lang: str | None = None) -> str | None:
    """The date a text is made of when written "dd.mm.yy" or "dd/mm/yy" (slashed, as
    ``_slashed_day_month`` reads it) and nothing else, else None: two digits could be any
    number inside a sentence, a byline of its own is a date. The year is the web's year
    ending in those digits ("19": 2019, "98": 1998; "45": none)."""
    if len(text) != _SHORT_YEAR_LENGTH:
        return None
    match = _SHORT_YEAR_DATE.fullmatch(text)
    if match is None:
        return None
    first, separator, second, short_year = match.groups()
    order = (int(first), int(second))
    day_month = _slashed_day_month(*order, lang) if separator == "/" else order
    year = _web_year(int(short_year))
    if day_month is None or year is None:
        return None
    return _iso(year, day_month[1], day_month[0])


def _slashed_day_month(first: int, second: int, lang: str | None) -> tuple[int, int] | None:
    """The day and month of a slashed two-digit-year date: month first on American
    pages ("en-US"), day first in other languages and regions ("en-GB", "fr"). A page
    declaring only "en" may be British, Irish or international as well as American
    (many NGO sites): "12/03/98" is then 12 March or 3 December, and as a wrong date is
    worse than none, only a date with one reading is read ("13/03/98", "03/13/98",
    "05/05/98")."""
    tag = (lang or "").lower().replace("_", "-")
    if tag == "en-us":
        return second, first
    if tag != "en":
        return first, second
    if first == second or second > _LAST_MONTH:
        return second, first
    return (first, second) if first > _LAST_MONTH else None


def _web_year(short_year: int) -> int | None:
    """The year between ``_FIRST_SHORT_YEAR`` and ``_LAST_SHORT_YEAR`` ending in the two
    digits ``short_year``, else None (none in the window: no date is guessed)."""
    for century in (2000, 1900):
        year = century + short_year
        if _FIRST_SHORT_YEAR <= year <= _LAST_SHORT_YEAR:
            return year
    return None


def _placed_dateline(text: str) -> re.Match[str] | None:
    """``_PLACED_DATELINE``'s match, tried only when a comma near the start is followed
    by a digit (as most texts are not datelines, the regex is rarely run)."""
    comma = text.find(",", 0, _MAX_PLACE)
    if comma <= 0 or not text[comma + 1 : comma + 3].strip()[:1].isdigit():
        return None
    return _PLACED_DATELINE.match(text)


def short_text_date(text: str, lang: str | None, max_length: int) -> str | None:
    """``parse_text_date`` for a text of at most ``max_length`` characters holding a
    digit: a byline or a card's date line, not a sentence that mentions a date."""
    if not text or len(text) > max_length or not any(char.isdigit() for char in text):
        return None
    return parse_text_date(text, lang)


def _month_first(lang: str | None) -> bool:
    """Whether numeric dates of a page in ``lang`` put the month first ("en-GB" pages
    write the day first, like the other languages)."""
    return lang is not None and lang.lower().replace("_", "-") in ("en", "en-us")


def _from_month_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month = month_names()[groups["m1"] or groups["m2"]]
    day = int(groups["d1"] or groups["d2"])
    return _iso(int(groups["y1"] or groups["y2"]), month, day)


def _iso(year: int, month: int, day: int) -> str | None:
    return date(year, month, day).isoformat() if _valid(year, month, day) else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime(year, month, day)
    except ValueError:
        return False
    return 1800 <= year <= 2200


def month_names() -> dict[str, int]:
    """Lower-cased month names and abbreviations of fr/en/de/es -> month number."""
    return MONTH_NAMES


@cache
def _month_date_pattern() -> re.Pattern[str]:
    months = "|".join(sorted((re.escape(m) for m in month_names()), key=len, reverse=True))
    day_first = (
        rf"(?<!\d)(?P<d1>\d{{1,2}})(?:er|st|nd|rd|th|\.|º)?\s*(?:de\s+)?(?P<m1>{months})\.?,?"
        r"\s+(?:de\s+|del\s+)?(?P<y1>\d{4})\b"
    )
    month_first = (
        rf"\b(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})\b"
    )
    return re.compile(f"{day_first}|{month_first}")
