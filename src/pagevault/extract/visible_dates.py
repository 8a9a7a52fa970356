"""A page's date as its readers see it, when its metadata gives none (pure).

News and campaign pages show their date next to their title: in a byline above or
below the ``<h1>`` ("02. November 2021", "Bonn, 11.10.2021", "30 septembre 2018").
The first short text holding a complete date in the stretch of text just before the
title, or else in the text that follows it, is taken as the page's publication date.
Short: a byline, not a sentence that mentions a date; and not a link's text (a comment
thread, a list of other articles). Below the title, a text may also open with a dotted
date, a press release's dateline ("01.02.2022 „Der Arbeitsmarkt ist...", "Bern,
17.08.2007 - Rede..."); a byline that is only a date may write a two-digit year
("02.12.19").
Measured on the 30 corpus pages with a ground-truth date: the pages with a right date
went from 12 to 18, none got a wrong one; 19 with the two-digit year. A date labelled as
the page's last change ("Stand:", "Actualizado", "Last updated") is not its publication
(hdate__elmundo.es-PSOE.html's byline "Actualizado Jueves, 2 noviembre 2023" would have
been taken without its metadata).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from pagevault.extract._tag_ids import TEXT, tag_id
from pagevault.extract.dates import dateline_date, short_text_date, short_year_date
from pagevault.extract.dom import ancestors

_A = tag_id("a")
_BEFORE_TITLE = 150  # characters of text just above the title looked at
_AFTER_TITLE = 500  # characters of text below it
_MAX_DATE_TEXT = 40  # "Bonn, 11.10.2021", "Veröffentlicht am 02. November 2021"
_MAX_SPACED_DATE_TEXT = 120  # such a text as written in the source, indents included
_LINK_LEVELS = 3  # a text this many elements below an <a> at most is the link's
# Words saying a date is the page's last change ("Stand:", "Last updated", "Mis à jour
# le", "Actualizado"): a byline's modification date is not its publication date.
_UPDATED = (
    r"(?:stand|aktualisiert|änderung|geändert|updated|modified|mise?\s+à\s+jour|modifié|"
    r"actualizado|actualización)"
)
_UPDATE_WORD = re.compile(rf"\b{_UPDATED}\b", re.IGNORECASE)
# A text that is only such a label: "Last updated on", "Zuletzt aktualisiert am", "Stand:"
_UPDATE_LABEL = re.compile(
    rf"\W*(?:(?:zuletzt|last|letzte|dernière|última)\s+)?{_UPDATED}(?:\s+(?:am|vom|le|on|el))?\W*",
    re.IGNORECASE,
)


def date_by_title(
    main: LexborNode, main_h1: LexborNode | None, h1: LexborNode | None, lang: str | None
) -> str | None:
    """The date shown by the page's title: in the main column, or, for a title standing
    above the column (an intro block: corpus traf__bund.net-hermlin.html), around it in
    its parent. Not for an ``<h1>`` in the page's header or navigation: a logo there
    may stand beside today's date."""
    if main_h1 is not None:
        return date_near_title(main, main_h1, lang)
    if (
        h1 is None
        or h1.parent is None
        or any(ancestor.tag in ("header", "nav") for ancestor in ancestors(h1))
    ):
        return None
    return date_near_title(h1.parent, h1, lang)


def date_near_title(main: LexborNode, title: LexborNode, lang: str | None) -> str | None:
    """The first date just before ``title`` (the ``<h1>`` inside ``main``), else in the
    text after it. (A main column without a title is a home page or a listing, whose
    first date is a teaser's: it is not read.)"""
    title_id = title.mem_id
    started = False
    seen_before: list[tuple[str, bool]] = []  # texts before the title, and in a link?
    after = 0
    previous = ""  # the text below the title before the one read
    for node in main.traverse(include_text=True):
        if not started:
            if node.mem_id == title_id:
                started = True
                found = _last_date(seen_before, lang)
                if found:
                    return found
            elif node.tag_id == TEXT:
                _keep_text(seen_before, node)
            continue
        if node.tag_id != TEXT:
            continue
        text = (node.text_content or "").strip()
        if not text:
            continue
        found = _date_below_title(text, lang) if not _in_link(node) else None
        if found and _says_updated(text, previous):
            found = None
        if found or after > _AFTER_TITLE:
            return found
        after += len(text)
        previous = text
    return None


def _keep_text(texts: list[tuple[str, bool]], node: LexborNode) -> None:
    text = (node.text_content or "").strip()
    if text:
        texts.append((text, _in_link(node)))


def _in_link(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(_LINK_LEVELS):
        if parent is None:
            return False
        if parent.tag_id == _A:
            return True
        parent = parent.parent
    return False


def _last_date(texts: list[tuple[str, bool]], lang: str | None) -> str | None:
    """The date nearest the title among the last ``_BEFORE_TITLE`` characters (links'
    texts count in the length, but hold no page date)."""
    length = 0
    for index in range(len(texts) - 1, -1, -1):
        text, linked = texts[index]
        found = None if linked else _date_in(text, lang)
        if found and not _says_updated(text, texts[index - 1][0] if index else ""):
            return found
        length += len(text)
        if length > _BEFORE_TITLE:
            return None
    return None


def _date_in(text: str, lang: str | None) -> str | None:
    """A short text's date, its length counted as shown: the source's line breaks and
    indents collapse to single spaces (traf__bund.net-hermlin.html's byline
    "01. November 2021 | Naturschutz, BUND" spans five indented lines). A text that is
    only a date may write its year in two digits (hdate__hertie-school.org.leyen.html:
    "02.12.19" over the title)."""
    if _MAX_DATE_TEXT < len(text) <= _MAX_SPACED_DATE_TEXT:
        text = " ".join(text.split())
    return short_text_date(text, lang, _MAX_DATE_TEXT) or short_year_date(text)


def _date_below_title(text: str, lang: str | None) -> str | None:
    """A byline's date, or the dateline a paragraph below the title opens with
    (traf__arbeitsagentur.de-arbeitsmarkt.html: "01.02.2022 „Der Arbeitsmarkt ist gut in
    das Jahr 2022 gestartet..."; traf__wbf.admin.ch.14093.html, after its place: "Bern,
    17.08.2007 - Rede von Moritz Leuenberger...")."""
    return _date_in(text, lang) or dateline_date(text)


def _says_updated(text: str, previous: str) -> bool:
    """Whether a date is labelled as the page's last change, not its publication: by the
    words before it in its text ("Stand: 12.03.2021"; traf__regards.fr.enquetes.html's
    first paragraph "Article mis à jour le 7 janvier 2020.") or by a label of its own
    just before it (hdate__elmundo.es-PSOE.html: "<span>Actualizado </span><time>
    Jueves, 2 noviembre 2023")."""
    digit = next((index for index, char in enumerate(text) if char.isdigit()), len(text))
    return bool(_UPDATE_WORD.search(text, 0, digit) or _UPDATE_LABEL.fullmatch(previous))
