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
been taken without its metadata): such a date, by the title or in an update line ending
the main column ("Letzte Änderung 14.02.2019"), is the page's last change when the
metadata gives none (``page_dates``). Not a reviewed date ("Page last reviewed:"): as
for the metadata's ``DC.date.reviewed``, a review may leave the page unchanged. On the
corpus, three pages gained such a date (mercury__www.lemonde.fr.html,
traf__regards.fr.enquetes.html, traf__wbf.admin.ch.14093.html), none other changed.
A label after other words than a lead-in or a byline's date ("Quelle: Statistisches
Bundesamt, Stand: 31.12.2022"), or in a figure or a table, dates data, not the page: on
a page without a publication date nothing else would stop it, so it is not read. Nor is a
date in a photo's caption or credit by the title ("Photo: Jane Doe, 12 March 2019"): it
dates the photo (tests/test_visible_dates_captions.py; no corpus page changed).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from selectolax.lexbor import LexborNode

from pagevault.extract._ancestry import lineage
from pagevault.extract._tag_ids import TEXT, tag_id, tag_ids
from pagevault.extract.dates import (
    dateline_date,
    parse_text_date,
    short_text_date,
    short_year_date,
)
from pagevault.extract.dom import ancestors, attr, inside_tags

if TYPE_CHECKING:
    from pagevault.extract.metadata import PageHead

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

# "Stand" is a label when a colon, "vom"/"am" or the date follows ("Stand: 01.02.2023",
# "Stand 01.02.2023"): "Take a stand on 3 March 2021" is an English sentence.
_STAND_LABEL = re.compile(r"\s*(?::|vom\b|am\b|\d)")
# The words an update line may open with before its label ("Last updated", "Article mis
# à jour le", "Page last updated:", "Letzte Änderung"): after other words the label is a
# note's about something else ("Quelle: Statistisches Bundesamt, Stand: 31.12.2022"
# dates the statistics, not the page).
_LEAD_IN = re.compile(
    r"\W*(?:(?:article|artikel|beitrag|page|seite|diese|this|wurde|was)\s+)*"
    r"(?:(?:zuletzt|last|letzte|dernière|dernier|última)\s+)?\W*",
    re.IGNORECASE,
)
_MAX_UPDATE_TEXT = 80  # "Page last updated: Wednesday, 3 March 2021", a byline with both
_END_OF_MAIN = 300  # characters of text at the main column's end looked at for one
# Elements whose text is a card's, not the column's: a list of teasers, a sidebar.
_CARDS = tag_ids("li, article, aside")
# Elements whose text is a picture's caption or credit ("Photo: Jane Doe, 12 March 2019"):
# a date there is the photo's, not the page's publication. By tag, or by a class naming
# a picture's caption or credit ("wp-caption-text", "image-credit", "Media-caption"): a
# class saying only "caption" is a text style, a byline's too (traf__bund.net-hermlin.html).
_PHOTO_CAPTIONS = tag_ids("figure, figcaption")
_FIGURE = tag_id("figure")
# Elements whose text describes data or a picture: an update there ("Grafik: Emissionen,
# Stand: 15.03.2019", a table's "Stand:" row) dates the data, not the page.
_DATA_NOTES = _PHOTO_CAPTIONS | tag_ids("table, caption")
_PHOTO_CAPTION_CLASS = re.compile(
    r"wp-caption|(?:image|img|photo|picture|media|foto|bild)[-_]?(?:caption|credit)",
    re.IGNORECASE,
)
_HEADINGS = "h1, h2, h3, h4, h5, h6"
_MAX_CARD_TEXT = 600  # a card's title, date and summary: a teaser, not a text's part
_CARD_LEVELS = 8  # a card holds its date this many elements below it at most
_ITEMS = tag_ids("li, article")  # a card's tags: classless ones are cards too
_DIGIT = re.compile(r"\d")  # a text without one holds no date: not read further
_Candidate = tuple[str, bool]  # a date shown, and whether labelled as the last change
# How a text's publication date is read (``_no_date`` when only updates are looked for:
# the month names' regex is the walks' main cost).
_DateReader = Callable[[str, str | None], str | None]


class ShownDates(NamedTuple):
    """A page's publication and last-change dates (ISO 8601 or None)."""

    published: str | None
    modified: str | None


def page_dates(
    main: LexborNode, main_h1: LexborNode | None, h1: LexborNode | None, head: PageHead
) -> ShownDates:
    """The page's dates: its metadata's, else those its readers see. A date the title
    shows beats a generic meta's (``PageHead.published_is_generic``); a date labelled
    as the last change, by the title or ending the main column, is ``modified`` when the
    metadata has none, and only if not before the publication (an update line older than
    the page is someone else's: a teaser's, a quoted document's). The end of a column
    without a title is not read: a home page's or a listing's ends with teasers. Nor that
    of a page without a publication date: nothing would then tell its update line from a
    closing data note ("Stand: 31.12.2022" under a table of statistics), and a wrong
    date is worse than none (the corpus pages read there, traf__wbf.admin.ch.14093.html
    and edgi-wmp__cdc-after-travel-precautions__ja.html, have one)."""
    wants_published = head.published is None or head.published_is_generic
    wants_modified = head.modified is None
    if not (wants_published or wants_modified):
        return ShownDates(head.published, head.modified)
    shown = _first_dates(
        _dates_by_title(main, main_h1, h1, head.lang, wants_published),
        wants_published,
        wants_modified,
    )
    published = (shown.published or head.published) if wants_published else head.published
    if not wants_modified:
        return ShownDates(published, head.modified)
    modified = shown.modified
    if modified is None and main_h1 is not None and published:  # an article's column
        modified = update_at_end(main, head.lang)
    if modified and published and modified[:10] < published[:10]:
        modified = None
    return ShownDates(published, modified)


def _first_dates(
    candidates: Iterator[_Candidate], wants_published: bool, wants_modified: bool
) -> ShownDates:
    """The first publication and the first update date among ``candidates``, read no
    further than the wanted ones."""
    published: str | None = None
    modified: str | None = None
    for iso, updated in candidates:
        if updated:
            modified = modified or iso
        else:
            published = published or iso
        if (published or not wants_published) and (modified or not wants_modified):
            break
    return ShownDates(published, modified)


def _dates_by_title(
    main: LexborNode,
    main_h1: LexborNode | None,
    h1: LexborNode | None,
    lang: str | None,
    publications: bool,
) -> Iterator[_Candidate]:
    """The dates shown by the page's title (only the update ones unless
    ``publications``): in the main column, or, for a title standing above the column (an
    intro block: corpus traf__bund.net-hermlin.html), around it in its parent. Not for an
    ``<h1>`` in the page's header or navigation: a logo there may stand beside today's
    date."""
    if main_h1 is not None:
        return _dates_around_title(main, main_h1, lang, publications)
    if (
        h1 is None
        or h1.parent is None
        or any(ancestor.tag in ("header", "nav") for ancestor in ancestors(h1))
    ):
        return iter(())
    return _dates_around_title(h1.parent, h1, lang, publications)


def _dates_around_title(
    main: LexborNode, title: LexborNode, lang: str | None, publications: bool
) -> Iterator[_Candidate]:
    """The dates just before ``title`` (the ``<h1>`` inside ``main``), nearest first, then
    those in the text after it. (A main column without a title is a home page or a
    listing, whose first date is a teaser's: it is not read.)"""
    title_id = title.mem_id
    before: list[LexborNode] = []  # the text nodes before the title
    nodes = iter(main.traverse(include_text=True))  # resumed past the title
    for node in nodes:
        if node.mem_id == title_id:
            break
        if node.tag_id == TEXT:
            before.append(node)
    else:
        return
    column = _Column(main, title)
    yield from _dates_before(before, column, lang, _date_in if publications else _no_date)
    yield from _dates_after(nodes, column, lang, _date_below_title if publications else _no_date)


class _Column(NamedTuple):
    """The element whose text around its title is read, and that title."""

    main: LexborNode
    title: LexborNode


def _dates_after(
    nodes: Iterator[LexborNode], column: _Column, lang: str | None, read: _DateReader
) -> Iterator[_Candidate]:
    """The dates of the texts among ``nodes`` (the rest of the walk past the title) in
    its first ``_AFTER_TITLE`` characters, links' texts counted but not read; up to the
    first dated text lying in a card (``_in_card_below_title``): a hub page's intro is
    short, its first card's date within reach, and no date of the page."""
    after = 0
    previous = ""  # the text below the title before the one read
    title_line: set[int] | None = None  # the title's lineage, once a date is found
    for node in nodes:
        if node.tag_id != TEXT:
            continue
        text = (node.text_content or "").strip()
        if not text:
            continue
        dates = _unlinked_dates(text, node, column, previous, lang, read)
        first = next(dates, None)
        if first is not None:
            if title_line is None:
                title_line = lineage(column.title, column.main)
            if _in_card_below_title(node, column, title_line):  # the cards that follow
                return
            yield first
            yield from dates
        if after > _AFTER_TITLE:
            return
        after += len(text)
        previous = text


def _text_dates(
    text: str, previous: str, lang: str | None, read: _DateReader
) -> Iterator[_Candidate]:
    """A text's dates as ``read`` finds them, each told a publication or an update: by
    the label before it ("Stand: 12.03.2021", or ``previous`` text "Last updated:") or,
    for a second date, after the first ("01.02.2021 (Stand: 05.02.2021)"; a byline with
    both, mercury__www.lemonde.fr.html: "Publié le 07 mai 2019 à 13h59 - Mis à jour le 08
    mai 2019 à 09h03")."""
    if _UPDATE_LABEL.fullmatch(previous):
        update = _date_in(text, lang)
        if update:
            yield update, True
        return
    found = read(text, lang)
    parts = _split_at_update(text, lang)
    if found and not _says_updated(text, previous):
        yield found, False
    elif found is None and parts is not None and (published := read(parts[0], lang)):
        yield published, False
    update = short_text_date(parts[1], lang, _MAX_DATE_TEXT) if parts is not None else None
    if update:
        yield update, True


def _in_link(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(_LINK_LEVELS):
        if parent is None:
            return False
        if parent.tag_id == _A:
            return True
        parent = parent.parent
    return False


def _dates_before(
    nodes: list[LexborNode], column: _Column, lang: str | None, read: _DateReader
) -> Iterator[_Candidate]:
    """The dates nearest the title among the last ``_BEFORE_TITLE`` characters of the
    texts of ``nodes``, nearest first (links' texts count in the length, but hold no page
    date). Each text is read once the text before it, its label maybe, is known."""
    length = 0
    later: tuple[str, LexborNode] | None = None  # the text read next, after ``text``
    for node in reversed(nodes):
        text = (node.text_content or "").strip()
        if not text:
            continue
        if later is not None:
            yield from _unlinked_dates(*later, column, text, lang, read)
            if length > _BEFORE_TITLE:
                return
        later = (text, node)
        length += len(text)
    if later is not None:
        yield from _unlinked_dates(*later, column, "", lang, read)


def _unlinked_dates(
    text: str,
    node: LexborNode,
    column: _Column,
    previous: str,
    lang: str | None,
    read: _DateReader,
) -> Iterator[_Candidate]:
    """``_text_dates`` of a text holding a digit, outside a link; its update dates only
    outside a figure or a table (``_in_data_note``), its publication dates outside a
    photo's caption or credit (``_in_photo_caption``)."""
    if not _DIGIT.search(text) or _in_link(node):
        return
    for iso, updated in _text_dates(text, previous, lang, read):
        if updated:
            if not _in_data_note(node, column.main):
                yield iso, updated
        elif not _in_photo_caption(node, column):
            yield iso, updated


def _no_date(text: str, lang: str | None) -> None:
    return None


def _date_in(text: str, lang: str | None) -> str | None:
    """A short text's date, its length counted as shown: the source's line breaks and
    indents collapse to single spaces (traf__bund.net-hermlin.html's byline
    "01. November 2021 | Naturschutz, BUND" spans five indented lines). A text that is
    only a date may write its year in two digits (hdate__hertie-school.org.leyen.html:
    "02.12.19" over the title)."""
    if _MAX_DATE_TEXT < len(text) <= _MAX_SPACED_DATE_TEXT:
        text = " ".join(text.split())
    return short_text_date(text, lang, _MAX_DATE_TEXT) or short_year_date(text, lang)


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


def _split_at_update(text: str, lang: str | None) -> tuple[str, str] | None:
    """A short text's words before and after its first update label ("Zuletzt
    aktualisiert am 5. Mai 2020"; traf__regards.fr.enquetes.html's first paragraph
    "Article mis à jour le 7 janvier 2020."), spaces collapsed; None without a label or
    for a longer text (a sentence may mention an update: the date after the label must
    also be short, ``_MAX_DATE_TEXT``, to be read), or when the label follows words other
    than a lead-in or a byline's date (``_opens_update``)."""
    if len(text) > _MAX_SPACED_DATE_TEXT:
        return None
    text = " ".join(text.split())
    if len(text) > _MAX_UPDATE_TEXT:
        return None
    label = _UPDATE_WORD.search(text)
    if label is None:
        return None
    rest = text[label.end() :]
    if label.group().lower() == "stand" and _STAND_LABEL.match(rest) is None:
        return None
    before = text[: label.start()]
    return (before, rest) if _opens_update(before, lang) else None


def _opens_update(before: str, lang: str | None) -> bool:
    """Whether the words ``before`` an update label leave it the page's: none but a
    lead-in ("Last", "Article", "Page last"), or a byline's publication date
    (mercury__www.lemonde.fr.html: "Publié le 07 mai 2019 à 13h59 - Mis à jour le...";
    "01.02.2021 (Stand: 05.02.2021)"). After other words the date is a source's or a
    data note's ("Quelle: Statistisches Bundesamt, Stand: 31.12.2022"): a wrong page
    date is worse than none."""
    return bool(_LEAD_IN.fullmatch(before)) or parse_text_date(before, lang) is not None


def update_at_end(main: LexborNode, lang: str | None) -> str | None:
    """The date of an update line among the main column's last ``_END_OF_MAIN``
    characters (edgi-wmp__cdc-after-travel-precautions__ja.html: "Last Updated Aug. 28,
    2020", then its "Content source: ..." line), the last one if several; not a link's
    text nor a card's (a teaser list or a sidebar ending the column)."""
    found = None
    previous = ""
    for node, text in _last_texts(main, _END_OF_MAIN):
        if _DIGIT.search(text) and not _in_link(node) and not _in_card(node, main):
            update = _update_in(text, previous, lang)
            if update and not _in_data_note(node, main):
                found = update
        previous = text
    return found


def _update_in(text: str, previous: str, lang: str | None) -> str | None:
    """The date of an update line: after its label, or the text's own after a label
    standing alone before it (edgi-wb__fws-birds__view-mode.html: "Last Updated: <!--
    #BeginDate -->October 25, 2017")."""
    if _UPDATE_LABEL.fullmatch(previous):
        return _date_in(text, lang)
    parts = _split_at_update(text, lang)
    return short_text_date(parts[1], lang, _MAX_DATE_TEXT) if parts is not None else None


def _last_texts(root: LexborNode, window: int) -> list[tuple[LexborNode, str]]:
    """The non-blank text nodes ending ``root``, in page order, up to the first whose
    text reaches ``window`` characters counted from the end: walked backwards (each
    element's last child first, then its previous sibling), so the column's length costs
    nothing. One loop, no helper calls: it runs on every article page."""
    found: list[tuple[LexborNode, str]] = []
    length = 0
    root_id = root.mem_id
    node = root.last_child
    while node is not None and length <= window:
        if node.tag_id == TEXT:
            if text := (node.text_content or "").strip():
                found.append((node, text))
                length += len(text)
        elif (child := node.last_child) is not None:
            node = child
            continue
        while (previous := node.prev) is None:  # climb to the nearest previous sibling
            parent = node.parent
            if parent is None or parent.mem_id == root_id:
                found.reverse()
                return found
            node = parent
        node = previous
    found.reverse()
    return found


def _in_card(node: LexborNode, main: LexborNode) -> bool:
    """Whether a text of ``main`` lies in a list item, an article or an aside of it."""
    return inside_tags(node, _CARDS, main)


def _in_card_below_title(node: LexborNode, column: _Column, title_line: set[int]) -> bool:
    """Whether a text after the title lies in a card of a grid or a list: an element
    not holding the title, holding a heading, short, beside two others like it
    (``_beside_its_like``: fixture body-hub.html with a date line in its first card, the
    column being the cards' ancestor: ``sections._holding_close_rivals``). A byline
    beside the text's sections is no card: it holds no heading, or is not one of a row
    of like ones (two author boxes, the title's own wrapper, Bootstrap's ``div.row``
    around the title and each part: tests/test_visible_dates_cards.py); nor is a part
    of the text (Drupal's ``div.paragraph--text``): longer. ``title_line`` is the
    title's lineage (``_ancestry.lineage``). Asked only of a text holding a date: at
    most ``_CARD_LEVELS`` elements up, and no further than a text longer than a card's,
    each level's look linear in its size (RELIABILITY.md rule 1: each level looked for
    the title and into its whole subtree, quadratic in depth)."""
    stop = column.main.mem_id
    element = node.parent
    for _ in range(_CARD_LEVELS):
        if element is None or element.mem_id == stop or element.mem_id in title_line:
            return False
        if len(element.text(deep=True)) > _MAX_CARD_TEXT:
            return False  # its ancestors are longer still
        if element.css_first(_HEADINGS) is not None and _beside_its_like(element, title_line):
            return True
        element = element.parent
    return False


def _beside_its_like(element: LexborNode, title_line: set[int]) -> bool:
    """Whether two siblings of ``element`` of its tag and class (a class it has, but
    for a list item's or an article's: a tag naming an item), not holding the title
    (whose ``title_line`` is given), are short and hold a heading: a row of cards, not
    the sections of a text (classless ``<section>``s, the title's among them)."""
    parent = element.parent
    if parent is None:
        return False
    tag = element.tag_id
    classes = element.attributes.get("class")
    if not classes and tag not in _ITEMS:
        return False
    own = element.mem_id
    like = 0
    for sibling in parent.iter():
        if (
            sibling.tag_id == tag
            and sibling.mem_id != own
            and sibling.mem_id not in title_line
            and sibling.attributes.get("class") == classes
            and sibling.css_first(_HEADINGS) is not None
            and len(sibling.text(deep=True)) <= _MAX_CARD_TEXT
        ):
            like += 1
            if like == 2:
                return True
    return False


def _in_photo_caption(node: LexborNode, column: _Column) -> bool:
    """Whether a text of the column lies in a photo's caption or credit
    (``photo_caption_around``): not when the caption holds the title, nor when it is the
    own caption of a figure holding it (a header written as a figure holds the title
    and its byline, maybe in a caption of its own: tests/test_visible_dates_captions.py).
    Asked only of a text holding a date."""
    parent = node.parent
    return (
        parent is not None and photo_caption_around(parent, column.main, column.title) is not None
    )


def photo_caption_around(
    node: LexborNode, below: LexborNode, *held: LexborNode
) -> LexborNode | None:
    """The innermost photo caption or credit holding ``node`` (an element), it
    included, strictly below ``below``: a figure, its caption, or an element whose
    class names a picture's caption or credit (``_PHOTO_CAPTION_CLASS``). None outside
    one; None too when the innermost holds one of ``held`` (a page's or a card's title:
    the caption holding the card's title and its date is the card's text), or when it
    is the only one below a figure holding one of them (a header or a card written as a
    figure: its caption or credit is its byline, tests/test_visible_dates_captions.py).
    A photo's figure inside such a figure, or a credit inside a caption holding the
    title, is still a photo's ("Foto: dpa, 01.05.2018" under a card's picture:
    tests/test_related_card_dates.py). For a date found: one walk up, and one from each
    of ``held`` once a caption is met."""
    stop = below.mem_id
    captions: list[LexborNode] = []  # the captions around ``node`` not holding a title
    titles: set[int] | None = None  # the lineages of ``held``, once a caption is met
    current: LexborNode | None = node
    while current is not None and current.mem_id != stop:
        if current.tag_id in _PHOTO_CAPTIONS or _PHOTO_CAPTION_CLASS.search(attr(current, "class")):
            if titles is None:
                titles = set().union(*(lineage(inner, below) for inner in held))
            if current.mem_id in titles:  # the first holding a title: a page's or card's
                if not captions or (
                    len(captions) == 1
                    and current.tag_id == _FIGURE
                    and captions[0].tag_id != _FIGURE
                ):
                    return None
                return captions[0]
            captions.append(current)
        current = current.parent
    return captions[0] if captions else None


def _in_data_note(node: LexborNode, main: LexborNode) -> bool:
    """Whether a text of ``main`` lies in a figure, its caption or a table of it: a date
    labelled as an update there is the data's ("Grafik: Emissionen, Stand: 15.03.2019"),
    not the page's last change. Only below ``main``: an old page's layout table holding
    the whole column holds its update line too."""
    return inside_tags(node, _DATA_NOTES, main)
