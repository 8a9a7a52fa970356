"""Page-level facts from the head: language, canonical URL, dates, OpenGraph, JSON-LD."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from pagevault.extract.dates import normalize_iso_date
from pagevault.extract.dom import attr, node_text
from pagevault.extract.urls import resolve_url
from pagevault.model import Metadata
from pagevault.text import clean_text

_MAX_JSONLD_BYTES = 200_000
_PUBLISHED_META = (
    "article:published_time",
    "datePublished",
    "dcterms.date",
    "dcterms.created",
    "DC.date.issued",
    "DC.date",
    "date",
    "pubdate",
    "publish-date",
    "sailthru.date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "dcterms.modified",
    "last-modified",
)


@dataclass(frozen=True, slots=True)
class PageHead:
    title: str | None
    lang: str | None
    canonical: str | None
    base_url: str | None
    description: str | None
    published: str | None
    modified: str | None
    metadata: Metadata


def read_head(tree: LexborHTMLParser, url: str | None) -> PageHead:
    meta = _meta_values(tree)
    jsonld = _jsonld_objects(tree)
    base_url = _base_url(tree, url)
    canonical = _canonical(tree, base_url, meta)
    if base_url is None:
        base_url = canonical
    opengraph = {name: value for name, value in meta.items() if name.startswith("og:")}
    return PageHead(
        title=_head_title(tree, meta),
        lang=_lang(tree, meta),
        canonical=canonical,
        base_url=base_url,
        description=meta.get("description") or meta.get("og:description") or None,
        published=_first_date(meta, jsonld, _PUBLISHED_META, "datePublished"),
        modified=_first_date(meta, jsonld, _MODIFIED_META, "dateModified"),
        metadata=Metadata(opengraph=opengraph, jsonld=tuple(jsonld)),
    )


def _meta_values(tree: LexborHTMLParser) -> dict[str, str]:
    values: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        name = attr(node, "property") or attr(node, "name") or attr(node, "itemprop")
        key = name if name.startswith(("og:", "article:")) else name.lower()
        content = clean_text(attr(node, "content"))
        if key and content and key not in values:  # the first of duplicates wins
            values[key] = content
    for node in tree.css("[itemprop=datePublished], [itemprop=dateModified]"):
        key = attr(node, "itemprop")
        value = attr(node, "datetime") or attr(node, "content")
        if value and key not in values:
            values[key] = value
    return values


def _jsonld_objects(tree: LexborHTMLParser) -> list[Any]:
    objects: list[Any] = []
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True)
        if not raw or len(raw) > _MAX_JSONLD_BYTES:
            continue
        try:
            objects.append(json.loads(raw))
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common and not our page's content
    return objects


def _base_url(tree: LexborHTMLParser, url: str | None) -> str | None:
    base = tree.css_first("base[href]")
    if base is not None:
        resolved = resolve_url(attr(base, "href"), url)
        if resolved:
            return resolved
    return url


def _canonical(tree: LexborHTMLParser, base_url: str | None, meta: dict[str, str]) -> str | None:
    link = tree.css_first('link[rel="canonical"][href]')
    href = attr(link, "href") if link is not None else meta.get("og:url", "")
    return resolve_url(href, base_url) if href else None


def _head_title(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    if meta.get("og:title"):
        return meta["og:title"]
    title = tree.css_first("title")
    return (node_text(title) or None) if title is not None else None


def _lang(tree: LexborHTMLParser, meta: dict[str, str]) -> str | None:
    html = tree.css_first("html")
    lang = attr(html, "lang") or attr(html, "xml:lang") if html is not None else ""
    lang = lang or meta.get("content-language", "") or meta.get("og:locale", "")
    lang = lang.replace("_", "-").split(",")[0].strip()
    return lang or None


def _first_date(
    meta: dict[str, str], jsonld: list[Any], meta_names: tuple[str, ...], jsonld_key: str
) -> str | None:
    for name in meta_names:
        value = meta.get(name) or meta.get(name.lower())
        if value and (iso := normalize_iso_date(value)):
            return iso
    for value in _jsonld_values(jsonld, jsonld_key):
        if isinstance(value, str) and (iso := normalize_iso_date(value)):
            return iso
    return None


def _jsonld_values(data: Any, key: str, depth: int = 0) -> list[Any]:
    """Every value stored under ``key`` in nested JSON-LD (bounded depth)."""
    if depth > 8:
        return []
    if isinstance(data, list):
        return [v for item in data for v in _jsonld_values(item, key, depth + 1)]
    if isinstance(data, dict):
        found = [data[key]] if key in data else []
        for value in data.values():
            if isinstance(value, dict | list):
                found.extend(_jsonld_values(value, key, depth + 1))
        return found
    return []
