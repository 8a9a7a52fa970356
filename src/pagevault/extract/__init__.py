"""HTML -> Snapshot: the extraction pipeline (pure: text in, model out).

    decode -> parse (nesting guarded) -> head -> main column (and the dates shown by
           its title or ending it, if the head has none) -> breadcrumbs -> related -> menus
           -> boilerplate removed -> sections -> statistics

Order matters: menus, breadcrumbs and "see also" blocks are read before the
boilerplate they live in is removed from the tree.
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import SelectolaxError

from pagevault.__about__ import PARSER_VERSION
from pagevault.decode import DecodedText, decode_html, looks_binary
from pagevault.errors import InputError
from pagevault.extract.dom import parse_tree, remove_nodes
from pagevault.extract.metadata import read_head
from pagevault.extract.navigation import extract_breadcrumbs, extract_menus
from pagevault.extract.related import extract_related, find_related_blocks
from pagevault.extract.sections import extract_sections, find_main, remove_boilerplate
from pagevault.extract.selectors import NON_CONTENT_TAGS
from pagevault.extract.statistics import extract_statistics
from pagevault.extract.title import find_title
from pagevault.extract.visible_dates import page_dates
from pagevault.gcpause import gc_paused
from pagevault.model import Encoding, Section, Snapshot

__all__ = ["parse_html"]


def parse_html(
    html: str | bytes,
    url: str | None = None,
    content_type: str | None = None,
    ignore: Sequence[str] = (),
) -> Snapshot:
    """Read a page into a snapshot.

    ``html`` as bytes is decoded from ``content_type``'s charset, a BOM, the page's
    ``<meta>`` or detection (recorded in ``snapshot.encoding``); ``url`` resolves
    relative links. Elements matching the CSS selectors in ``ignore`` are removed
    first (noise a user silences: a rotating feature, share links). Binary data (an
    image, a PDF, an executable) is refused with ``InputError``.
    """
    decoded = (
        decode_html(html, content_type)
        if isinstance(html, bytes)
        else DecodedText(html, "utf-8", "text")
    )
    if looks_binary(decoded.text):
        raise InputError("binary data, not an HTML page")
    with gc_paused():
        return _extract(decoded, url, ignore)


def _extract(decoded: DecodedText, url: str | None, ignore: Sequence[str] = ()) -> Snapshot:
    tree = parse_tree(decoded.text, decoded.utf8)
    for selector in ignore:
        try:
            remove_nodes(tree.css(selector))
        except (ValueError, SelectolaxError) as error:
            raise InputError(f"invalid CSS selector {selector!r}: {error}") from error
    head = read_head(tree, url)
    tree.strip_tags(NON_CONTENT_TAGS)
    main = find_main(tree)
    h1, h1_in_main, title = find_title(
        tree, main, (head.title, head.document_title), head.metadata.opengraph.get("og:site_name")
    )
    lang = head.lang
    published, modified = head.published, head.modified
    if main is not None:  # before bylines and update lines go as boilerplate
        published, modified = page_dates(main, h1 if h1_in_main else None, h1, head)

    breadcrumbs, breadcrumb_node = extract_breadcrumbs(tree, head.base_url)
    related_blocks, related_titles = find_related_blocks(tree, decoded.text, main)
    related = extract_related(related_blocks, head.base_url, lang, (url, head.canonical))
    skip = [*related_blocks, *([breadcrumb_node] if breadcrumb_node is not None else [])]
    navigation = extract_menus(tree, head.base_url, main, skip)

    sections: tuple[Section, ...] = ()
    if main is not None:
        remove_nodes([*related_blocks, *related_titles])
        remove_boilerplate(main, h1)
        sections = extract_sections(main, title)
    statistics, rejected = extract_statistics(sections, lang)
    return Snapshot(
        parser_version=PARSER_VERSION,
        url=url,
        title=title or None,
        lang=lang,
        canonical=head.canonical,
        description=head.description,
        published=published,
        modified=modified,
        encoding=Encoding(name=decoded.encoding, source=decoded.source),
        metadata=head.metadata,
        navigation=navigation,
        breadcrumbs=breadcrumbs,
        sections=sections,
        statistics=statistics,
        related=related,
        rejected_numbers=rejected,
    )
