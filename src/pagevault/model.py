"""The snapshot model: one typed, versioned reading of a page.

Its JSON is a public contract (field names, nesting, meaning). Adding an optional
field is a minor change; renaming or removing one bumps ``SCHEMA_VERSION``.
The committed JSON Schema (``schema/snapshot.schema.json``) is tested to match.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from pagevault.numbers.model import FigureKind, RejectReason

SCHEMA_VERSION: Literal[1] = 1

Region = Literal["utility", "header", "body", "sidebar", "footer"]
StatisticKind = FigureKind
EncodingSource = Literal["http-header", "bom", "meta", "detection", "utf-8-validation", "text"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class NavItem(_Frozen):
    """One entry of a menu, with its sub-entries nested exactly as on the page."""

    key: str
    label: str
    url: str | None = None
    children: tuple[NavItem, ...] = ()


class Menu(_Frozen):
    """A navigation menu: where it sits on the page and its entries."""

    key: str
    name: str
    region: Region
    items: tuple[NavItem, ...]


class Breadcrumb(_Frozen):
    label: str
    url: str | None = None


class Section(_Frozen):
    """A body section: a heading and the text under it, up to the next heading."""

    key: str
    heading: str
    level: int = Field(ge=1, le=6)
    paragraphs: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


class Statistic(_Frozen):
    """A figure stated in the page body, with the number read out of it."""

    key: str
    text: str = Field(description="The figure as written on the page, e.g. '43,7 millions'.")
    value: float = Field(description="The number with any scale applied; percents as written.")
    unit: str | None = Field(description="'%', a currency code, or the counted noun.")
    kind: StatisticKind
    qualifier: str | None = Field(description="'plus de', 'about', 'über'... as written.")
    context: str = Field(description="The sentence the figure stands in.")
    section: str | None = Field(description="Key of the section the figure stands in.")
    ambiguous: bool = Field(
        default=False,
        description=(
            "The value is in doubt: read in another convention than the page's "
            "('5,400 personnes' on a French page), or its sign: a hyphen before a count "
            "read as a list's dash ('Saldo: -12.000 Arbeitsplätze' is 12000), which may "
            "be a minus, or as a minus after a verb ('fell -12,000 jobs' is -12000), "
            "which may be a list's dash."
        ),
    )


class RejectedNumber(_Frozen):
    """A number of the body deliberately not read as a statistic."""

    text: str = Field(description="As written: '2014', '5 janvier 2026', '01 53 38 65 65'.")
    reason: RejectReason
    section: str | None = Field(description="Key of the section it stands in.")


class RelatedLink(_Frozen):
    """A card or link of a 'see also' / 'related content' block."""

    key: str
    title: str
    url: str | None = None
    kind: str | None = Field(default=None, description="The card's label: 'Campagne', 'News'.")
    date: str | None = Field(default=None, description="ISO 8601 date.")
    tags: tuple[str, ...] = ()


class Metadata(_Frozen):
    """Machine-readable metadata found in the page head."""

    opengraph: dict[str, str] = {}
    jsonld: tuple[Any, ...] = ()


class Encoding(_Frozen):
    """Which character encoding the page was read with and what decided it."""

    name: str
    source: EncodingSource


class Snapshot(_Frozen):
    """A structured reading of one page at one time."""

    schema_version: Literal[1] = SCHEMA_VERSION
    parser_version: str
    url: str | None
    title: str | None
    lang: str | None
    canonical: str | None
    description: str | None
    published: str | None = Field(description="ISO 8601 date or date-time.")
    modified: str | None = Field(description="ISO 8601 date or date-time.")
    encoding: Encoding
    metadata: Metadata
    navigation: tuple[Menu, ...]
    breadcrumbs: tuple[Breadcrumb, ...]
    sections: tuple[Section, ...]
    statistics: tuple[Statistic, ...]
    related: tuple[RelatedLink, ...]
    rejected_numbers: tuple[RejectedNumber, ...] = Field(
        default=(),
        description="Numbers of the body not read as statistics (years, dates...), and why.",
    )

    def to_json(self, *, indent: int | None = 2) -> str:
        """The snapshot as UTF-8-friendly JSON (non-ASCII kept as is)."""
        return self.model_dump_json(indent=indent)


def snapshot_json_schema() -> dict[str, Any]:
    """The JSON Schema of the snapshot model, as committed in the repository."""
    return Snapshot.model_json_schema(mode="serialization")
