"""Page-level facts from the head: language, canonical URL, dates, OpenGraph, JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pagevault.extract.dates import normalize_iso_date, url_path_date
from pagevault.extract.dom import Attributes, attr, attribute, node_text, unique_matches
from pagevault.extract.urls import resolve_url
from pagevault.model import Metadata
from pagevault.text import clean_text

_MAX_JSONLD_BYTES = 200_000
# Meta names a date is read from, first found wins; each with its lower case (meta
# keys are lower-cased unless og:/article: prefixed), computed once here.
_MetaNames = tuple[tuple[str, str], ...]


def _with_lower_case(*names: str) -> _MetaNames:
    return tuple((name, name.lower()) for name in names)


# Publication names first, then the generic "date" ones: names from htmldate's and
# trafilatura's lists that say "published" or "created" (not "gentime", "timestamp":
# when the page was generated). be.ch's press releases carry only "publication_date".
_PUBLISHED_META = _with_lower_case(
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "article.published",
    "datePublished",
    "date_published",
    "publication_date",
    "citation_publication_date",
    "parsely-pub-date",
    "originalpublicationdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "published-date",
    "pubdate",
    "dcterms.issued",
    "DC.date.issued",
    "DC.date.created",
    "dcterms.created",
)
# Dates that say of no event which they are (Dublin Core's "date" is any event of the
# page's life: traf__umweltbundesamt.de-atomkraft.html's "dcterms.date" 2022-01-21 is
# not the 2022-01-25 its byline shows): after the page's URL, and a date shown by its
# title overrules them (``PageHead.published_is_generic``).
_GENERIC_DATE_META = _with_lower_case(
    "dcterms.date",
    "DC.date",
    "citation_date",
    "date",
    "sailthru.date",
)
# cdc.gov's pages say in "cdc:last_updated" what their footer shows as "Last Updated
# Aug. 28, 2020" (edgi-wmp__cdc-after-travel-precautions__ja.html); a "reviewed" date
# (DC.date.reviewed) is not a change of the page.
_MODIFIED_META = _with_lower_case(
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "dateModified",
    "date_modified",
    "dcterms.modified",
    "DC.date.modified",
    "last-modified",
    "cdc:last_updated",
)


@dataclass(frozen=True, slots=True)
class PageHead:
    title: str | None  # og:title, else <title>
    lang: str | None
    canonical: str | None
    base_url: str | None
    description: str | None
    published: str | None
    modified: str | None
    metadata: Metadata
    document_title: str | None = None  # <title>: with og:title, what picks the title <h1>
    published_is_generic: bool = False  # from a date meta naming no event (see above)


# Everything ``read_head`` looks up in the whole document, found in one selector
# scan and told apart in Python: one lexbor call instead of five (each full scan
# has a fixed cost), and ``[itemprop^=date]`` plus a value check instead of one
# ``[itemprop=...]`` pass per value (measured ~0.1 ms less per page). Only the two
# date itemprops are read outside ``meta[content]``: a bare ``[itemprop]`` costs
# lexbor the same but hands Python every microdata element (elpais.com: 289).
_HEAD_ELEMENTS = (
    'meta[content], [itemprop^=date], script[type="application/ld+json"], base[href], '
    'link[rel="canonical"][href]'
)
_ITEMPROP_DATES = ("datePublished", "dateModified")
_JSONLD_TYPE = "application/ld+json"


@dataclass
class _HeadElements:
    """What the head scan found: meta values, JSON-LD objects, the first ``<base>``
    and canonical ``<link>`` hrefs (None when absent)."""

    meta: dict[str, str] = field(default_factory=dict)
    jsonld: list[Any] = field(default_factory=list)
    base_href: str | None = None
    canonical_href: str | None = None


def read_head(tree: LexborHTMLParser, url: str | None) -> PageHead:
    found = _scan_head_elements(tree)
    meta, jsonld = found.meta, found.jsonld
    base_url = _base_url(found.base_href, url)
    canonical = _canonical(found.canonical_href, base_url, meta)
    if base_url is None:
        base_url = canonical
    opengraph = {name: value for name, value in meta.items() if name.startswith("og:")}
    lang = _lang(tree, meta)
    document_title = _document_title(tree)
    published = _first_date(meta, jsonld, _PUBLISHED_META, "datePublished") or _page_url_date(
        (canonical, url), lang
    )
    generic = None if published else _first_meta_date(meta, _GENERIC_DATE_META)
    return PageHead(
        title=meta.get("og:title") or document_title,
        document_title=document_title,
        lang=lang,
        canonical=canonical,
        base_url=base_url,
        description=meta.get("description") or meta.get("og:description") or None,
        published=published or generic,
        modified=_first_date(meta, jsonld, _MODIFIED_META, "dateModified"),
        metadata=Metadata(opengraph=opengraph, jsonld=tuple(jsonld)),
        published_is_generic=generic is not None,
    )


def _scan_head_elements(tree: LexborHTMLParser) -> _HeadElements:
    """Sort the matches of ``_HEAD_ELEMENTS`` (document order) as its selectors
    would: lexbor compares ``type`` and ``rel`` values ASCII case-insensitively,
    ``itemprop`` exactly. Meta keys are lower-case or og:/article: prefixed, never
    'datePublished'/'dateModified': the two kinds of entries cannot collide, so
    reading them in one pass fills ``meta`` as two passes did."""
    found = _HeadElements()
    scopes = _ItemScopes()
    for node in unique_matches(tree, _HEAD_ELEMENTS):
        attributes = node.attributes
        tag = node.tag
        item_date = attributes.get("itemprop") in _ITEMPROP_DATES
        foreign_date = item_date and scopes.dates_another_thing(node)
        if tag == "meta" and "content" in attributes:
            _add_meta(found.meta, attributes, itemprop_read=not foreign_date)
        if item_date and not foreign_date:
            _add_itemprop_date(found.meta, attributes)
        if tag == "script" and _lowered(attributes, "type") == _JSONLD_TYPE:
            _add_jsonld(found.jsonld, node.text(deep=True))
        elif "href" not in attributes:
            continue
        elif tag == "base" and found.base_href is None:
            found.base_href = attribute(attributes, "href")
        elif tag == "link" and found.canonical_href is None and _is_canonical(attributes):
            found.canonical_href = attribute(attributes, "href")
    return found


# Microdata items whose dates are never the page's: a photo's, a video's, a comment's,
# a review's (schema.org type names, the end of an ``itemtype`` URL).
_OTHER_ITEM_TYPES = frozenset(
    ("ImageObject", "VideoObject", "AudioObject", "MediaObject", "Photograph", "Comment", "Review")
)


class _ItemScopes:
    """Which microdata item the elements' properties belong to, each element looked at
    once: a page of thousands of date properties deep in nested elements would walk up
    from each (n x depth work, RELIABILITY.md rule 1; tests/test_metadata_microdata.py)."""

    def __init__(self) -> None:
        self._of_another_thing: dict[int, bool] = {}  # by mem_id, the elements walked

    def dates_another_thing(self, node: LexborNode) -> bool:
        """Whether a ``datePublished``/``dateModified`` item property belongs to an
        item that is not the page: its nearest ``itemscope`` is of a type in
        ``_OTHER_ITEM_TYPES`` (``<figure itemscope
        itemtype="https://schema.org/ImageObject"><meta itemprop="datePublished" ...>``
        dates the photo)."""
        known = self._of_another_thing
        walked: list[int] = []
        verdict = False
        scope = node.parent
        while scope is not None:
            found = known.get(scope.mem_id)
            if found is not None:
                verdict = found
                break
            walked.append(scope.mem_id)
            if "itemscope" in scope.attributes:
                item_type = attr(scope, "itemtype").rstrip("/")
                verdict = item_type.rpartition("/")[2] in _OTHER_ITEM_TYPES
                break
            scope = scope.parent
        for mem_id in walked:
            known[mem_id] = verdict
        return verdict


def _is_canonical(attributes: Attributes) -> bool:
    return _lowered(attributes, "rel") == "canonical"


def _lowered(attributes: Attributes, name: str) -> str:
    """An attribute value lower-cased, as lexbor compares ``type``/``rel`` values (ASCII
    case-insensitively: no other character lower-cases to the ASCII letters compared)."""
    return (attributes.get(name) or "").lower()


def _add_meta(values: dict[str, str], attributes: Attributes, itemprop_read: bool) -> None:
    """The meta's value under its property, name, or item property (unless that is
    another item's date: ``_ItemScopes``)."""
    name = (
        attribute(attributes, "property")
        or attribute(attributes, "name")
        or (attribute(attributes, "itemprop") if itemprop_read else "")
    )
    key = name if name.startswith(("og:", "article:")) else name.lower()
    if key and key not in values:  # the first of duplicates wins
        content = clean_text(attribute(attributes, "content"))
        if content:
            values[key] = content


def _add_itemprop_date(values: dict[str, str], attributes: Attributes) -> None:
    key = attributes["itemprop"] or ""
    value = attribute(attributes, "datetime") or attribute(attributes, "content")
    if value and key not in values:
        values[key] = value


def _add_jsonld(objects: list[Any], raw: str) -> None:
    if not raw or len(raw) > _MAX_JSONLD_BYTES:
        return
    try:
        objects.append(json.loads(raw))
    except (ValueError, RecursionError):
        return  # broken JSON-LD is common and not our page's content


def _base_url(base_href: str | None, url: str | None) -> str | None:
    if base_href is not None:
        resolved = resolve_url(base_href, url)
        if resolved:
            return resolved
    return url


def _canonical(href: str | None, base_url: str | None, meta: dict[str, str]) -> str | None:
    if href is None:
        href = meta.get("og:url", "")
    return resolve_url(href, base_url) if href else None


def _document_title(tree: LexborHTMLParser) -> str | None:
    """The text of the page's ``<title>``, if any."""
    title = tree.css_first("title")
    return (node_text(title) or None) if title is not None else None


def _lang(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    html = tree.root  # the document element: always the <html> an HTML parse builds
    lang = attr(html, "lang") or attr(html, "xml:lang") if html is not None else ""
    lang = lang or meta.get("content-language", "") or meta.get("og:locale", "")
    lang = lang.replace("_", "-").split(",")[0].strip()
    return lang or None


def _first_date(
    meta: dict[str, str], jsonld: list[Any], meta_names: _MetaNames, jsonld_key: str
) -> str | None:
    found = _first_meta_date(meta, meta_names)
    if found:
        return found
    for value in _jsonld_values(jsonld, jsonld_key):
        if isinstance(value, str) and (iso := normalize_iso_date(value)):
            return iso
    return None


def _first_meta_date(meta: dict[str, str], meta_names: _MetaNames) -> str | None:
    for name, lowered in meta_names:
        value = meta.get(name) or meta.get(lowered)
        if value and (iso := normalize_iso_date(value)):
            return iso
    return None


def _page_url_date(page_urls: tuple[str | None, ...], lang: str | None) -> str | None:
    """The date in the page's own address, its canonical URL's first, when its metadata
    has none: a blog's "/2016/05/22/slug", weisser-ring.de's press release
    "/meldungen/29-10-2021" (traf__weisser-ring.de-Erfolgsgechichte.html)."""
    for page_url in page_urls:
        if page_url and (found := url_path_date(page_url, lang)):
            return found
    return None


# JSON-LD properties whose values are other things than the page: a listing's items, its
# comments and reviews, a live blog's updates, the works it cites. Their dates are theirs
# (a listing's first item's "datePublished" is a teaser's date, not the page's).
_OTHER_THINGS = frozenset(
    ("itemListElement", "comment", "review", "liveBlogUpdate", "citation", "hasPart")
)


def _jsonld_values(data: Any, key: str, depth: int = 0) -> list[Any]:
    """Every value stored under ``key`` in nested JSON-LD (bounded depth), outside the
    ``_OTHER_THINGS`` it describes."""
    if depth > 8:
        return []
    if isinstance(data, list):
        return [v for item in data for v in _jsonld_values(item, key, depth + 1)]
    if isinstance(data, dict):
        found = [data[key]] if key in data else []
        for name, value in data.items():
            if isinstance(value, dict | list) and name not in _OTHER_THINGS:
                found.extend(_jsonld_values(value, key, depth + 1))
        return found
    return []
