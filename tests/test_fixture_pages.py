"""Sharp contains / does-not-contain assertions on the four fixture pages in tests/fixtures/.

Every expected value below is read off the fixture's HTML (what the page says), never off
the extractor's output. Each fixture's first line says which real page shape it imitates;
the French one follows ../shared/reference/amnesty-fr-refugies-et-migrants.txt block by block.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from pagevault import parse_html
from pagevault.model import Menu, NavItem, Section, Snapshot, Statistic

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Page:
    file: str
    url: str
    lang: str
    canonical: str
    published: str
    modified: str
    # A unique piece of the page's HTML before which a new, paragraph-less section is inserted.
    anchor: str
    inserted: str


PAGES = {
    "fr": Page(
        file="amnesty-fr-refugies.html",
        url="https://www.amnesty.fr/refugies-et-migrants",
        lang="fr",
        canonical="https://www.amnesty.fr/refugies-et-migrants",
        published="2024-06-20",
        modified="2025-11-04",
        anchor='<h2 class="wp-block-heading">Une responsabilité mondiale',
        inserted='<h2 class="wp-block-heading">Nouvelle rubrique</h2>\n',
    ),
    "en": Page(
        file="en-campaign-keyfacts.html",
        url="https://www.harbouraid.org.uk/campaigns/safe-passage",
        lang="en",
        canonical="https://www.harbouraid.org.uk/campaigns/safe-passage",
        published="2025-03-10",
        modified="2025-04-02",
        anchor='<section class="key-facts"',
        inserted="<h2>A new heading</h2>\n",
    ),
    "de": Page(
        file="de-kampagne.html",
        url="https://www.fluechtlingshilfe-netz.de/themen/asyl-in-deutschland/fluechtlingsschutz-europa",
        lang="de",
        canonical="https://www.fluechtlingshilfe-netz.de/themen/asyl-in-deutschland/fluechtlingsschutz-europa",
        published="2025-02-14",
        modified="2025-03-20",
        anchor='<div class="field field--name-field-abschnitte',
        inserted="<h2>Neue Rubrik</h2>\n",
    ),
    "es": Page(
        file="es-campana.html",
        url="https://www.puertorefugio.org/campanas/derecho-de-asilo/",
        lang="es",
        canonical="https://www.puertorefugio.org/campanas/derecho-de-asilo/",
        published="2025-06-20",
        modified="2026-01-07",
        anchor='<section class="elementor-section elementor-top-section elementor-element '
        "elementor-element-9f3d0b1",
        inserted='<h2 class="elementor-heading-title">Nueva sección</h2>\n',
    ),
}
PAGE_IDS = sorted(PAGES)


# --- helpers -------------------------------------------------------------------------------


def page_html(page_id: str) -> str:
    return (FIXTURES / PAGES[page_id].file).read_text(encoding="utf-8")


@cache
def parse_page(page_id: str) -> Snapshot:
    page = PAGES[page_id]
    return parse_html((FIXTURES / page.file).read_bytes(), url=page.url)


def norm(text: str) -> str:
    """Collapse every run of whitespace (U+00A0 and U+202F included) to one space."""
    return " ".join(text.split())


def walk(items: tuple[NavItem, ...]) -> Iterator[NavItem]:
    for item in items:
        yield item
        yield from walk(item.children)


def labels(items: tuple[NavItem, ...]) -> list[str]:
    return [norm(item.label) for item in items]


def menu_with_top_label(snap: Snapshot, label: str) -> Menu:
    found = [menu for menu in snap.navigation if label in labels(menu.items)]
    assert len(found) == 1, f"expected one menu with top item {label!r}, got {len(found)}"
    return found[0]


def top_item(menu: Menu, label: str) -> NavItem:
    found = [item for item in menu.items if norm(item.label) == label]
    assert len(found) == 1, f"expected one top item {label!r} in menu {menu.name!r}"
    return found[0]


def footer_menus(snap: Snapshot) -> list[Menu]:
    return [menu for menu in snap.navigation if menu.region == "footer"]


def section(snap: Snapshot, heading: str) -> Section:
    found = [s for s in snap.sections if norm(s.heading) == heading]
    assert len(found) == 1, f"expected one section {heading!r}, got {len(found)}"
    return found[0]


def stats_valued(snap: Snapshot, value: float) -> list[Statistic]:
    return [s for s in snap.statistics if math.isclose(s.value, value, rel_tol=1e-9)]


def one_stat(snap: Snapshot, value: float) -> Statistic:
    found = stats_valued(snap, value)
    assert len(found) == 1, f"expected one statistic of value {value}, got {found}"
    return found[0]


def body_texts(snap: Snapshot) -> list[str]:
    texts: list[str] = []
    for s in snap.sections:
        texts += [s.heading, *s.paragraphs, *s.items]
    return [norm(t) for t in texts]


def all_keys(snap: Snapshot) -> list[str]:
    keys = [m.key for m in snap.navigation]
    keys += [item.key for m in snap.navigation for item in walk(m.items)]
    keys += [s.key for s in snap.sections]
    keys += [s.key for s in snap.statistics]
    keys += [r.key for r in snap.related]
    return keys


def keyed_lists(snap: Snapshot) -> dict[str, list[str]]:
    return {
        "navigation": [m.key for m in snap.navigation],
        "sections": [s.key for s in snap.sections],
        "statistics": [s.key for s in snap.statistics],
        "related": [r.key for r in snap.related],
    }


def with_inserted_section(page_id: str) -> Snapshot:
    page = PAGES[page_id]
    html = page_html(page_id)
    assert html.count(page.anchor) == 1, "the insertion anchor must be unique in the fixture"
    return parse_html(html.replace(page.anchor, page.inserted + page.anchor), url=page.url)


# --- every page ----------------------------------------------------------------------------


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_keys_are_unique_within_each_list(page_id: str) -> None:
    for name, keys in keyed_lists(parse_page(page_id)).items():
        duplicates = sorted({k for k in keys if keys.count(k) > 1})
        assert not duplicates, f"duplicate {name} keys: {duplicates}"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_keys_are_not_bare_integers(page_id: str) -> None:
    for key in all_keys(parse_page(page_id)):
        assert key.strip(), "empty key"
        assert not re.fullmatch(r"[+-]?\d+", key.strip()), f"positional key {key!r}"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_parsing_twice_gives_identical_snapshots(page_id: str) -> None:
    page = PAGES[page_id]
    first = parse_html((FIXTURES / page.file).read_bytes(), url=page.url)
    second = parse_html((FIXTURES / page.file).read_bytes(), url=page.url)
    assert all_keys(first) == all_keys(second)
    assert first == second


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_text_and_bytes_input_give_the_same_content(page_id: str) -> None:
    from_text = parse_html(page_html(page_id), url=PAGES[page_id].url)
    from_bytes = parse_page(page_id)
    ignore = {"encoding"}
    assert from_text.model_dump(exclude=ignore) == from_bytes.model_dump(exclude=ignore)


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_bytes_with_meta_charset_are_read_as_utf8(page_id: str) -> None:
    encoding = parse_page(page_id).encoding
    assert encoding.name.lower().replace("_", "-") in {"utf-8", "utf8"}


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_inserting_a_section_keeps_existing_section_keys(page_id: str) -> None:
    before = {norm(s.heading): s.key for s in parse_page(page_id).sections}
    after = {norm(s.heading): s.key for s in with_inserted_section(page_id).sections}
    for heading, key in before.items():
        assert after.get(heading) == key, f"key of section {heading!r} changed"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_inserting_a_section_keeps_other_keys(page_id: str) -> None:
    before = parse_page(page_id)
    after = with_inserted_section(page_id)
    assert [s.key for s in after.statistics] == [s.key for s in before.statistics]
    assert [r.key for r in after.related] == [r.key for r in before.related]
    assert [m.key for m in after.navigation] == [m.key for m in before.navigation]


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_statistics_point_to_existing_sections(page_id: str) -> None:
    snap = parse_page(page_id)
    section_keys = {s.key for s in snap.sections}
    for stat in snap.statistics:
        assert stat.section in section_keys, f"{stat.text!r} points to {stat.section!r}"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_no_statistic_is_a_bare_year(page_id: str) -> None:
    for stat in parse_page(page_id).statistics:
        assert not re.fullmatch(r"(1[89]|20)\d\d", norm(stat.text)), stat


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_statistics_have_their_sentence_as_context(page_id: str) -> None:
    for stat in parse_page(page_id).statistics:
        assert norm(stat.context), stat
        assert len(norm(stat.context)) < 300, f"context is more than a sentence: {stat.context!r}"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_sections_have_no_blank_or_padded_text(page_id: str) -> None:
    for s in parse_page(page_id).sections:
        for text in (s.heading, *s.paragraphs, *s.items):
            assert text.strip(), f"blank text in section {s.heading!r}"
            assert text == text.strip(), f"unstripped text {text!r}"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_related_and_breadcrumb_urls_are_absolute(page_id: str) -> None:
    snap = parse_page(page_id)
    urls = [r.url for r in snap.related] + [b.url for b in snap.breadcrumbs if b.url]
    for url in urls:
        assert url is not None
        assert url.startswith("https://"), url


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_related_dates_are_iso(page_id: str) -> None:
    for link in parse_page(page_id).related:
        assert link.date is not None, link
        assert re.match(r"\d{4}-\d{2}-\d{2}", link.date), link.date


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_head_metadata(page_id: str) -> None:
    snap, page = parse_page(page_id), PAGES[page_id]
    assert snap.url == page.url
    assert snap.lang is not None
    assert snap.lang.lower().startswith(page.lang)
    assert snap.canonical == page.canonical
    assert snap.published is not None
    assert snap.published.startswith(page.published)
    assert snap.modified is not None
    assert snap.modified.startswith(page.modified)
    assert snap.metadata.opengraph.get("og:title")
    assert snap.description


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_nav_urls_are_absolute_or_missing(page_id: str) -> None:
    for menu in parse_page(page_id).navigation:
        for item in walk(menu.items):
            if item.url is not None and not item.url.startswith(("javascript:", "mailto:")):
                assert item.url.startswith("https://"), (menu.name, item.label, item.url)


# --- French page: amnesty.fr "Protéger les réfugié·e·s et les migrant·e·s" --------------------

FR_TITLE = "Protéger les réfugié·e·s et les migrant·e·s"
FR_LEAD = (
    "Aujourd’hui, plus de 43,7 millions de personnes sont réfugiées dans le monde. Elles fuient "
    "les persécutions, les conflits, les menaces ou la misère. Elles ont des droits. Les États ont "
    "le devoir de les protéger — partout, en toutes circonstances."
)
FR_BODY_SECTIONS = [
    "Une responsabilité mondiale, encore trop inégalement partagée",
    "Des discours et des politiques qui déshumanisent",
    "Un défaut de protection généralisé",
    "Notre engagement : défendre les droits des personnes en mouvement",
    "Nos demandes aux Etats",
]
FR_FOOTER_GROUPS = ["AMNESTY FRANCE", "NOS COMBATS", "S'INFORMER", "AGIR", "NOUS SOUTENIR"]
FR_MENU_CHILDREN = {
    "Nous connaître": [],
    "S’informer": ["Actualités", "Par pays", "Repères", "Magazine La Chronique"],
    "Agir avec nous": [
        "Comment agir ?",
        "Participer à nos campagnes",
        "Signer une pétition",
        "Agir en ligne",
        "Agir près de chez soi",
        "Se former",
        "Éduquer aux droits humains",
    ],
    "Nous soutenir": [
        "Faire un don",
        "Devenir membre",
        "Faire un legs, assurance-vie",
        "Devenir mécène",
        "Devenir partenaire entreprise",
        "Soutenir autrement",
        "Le face à face",
        "Acheter solidaire",
    ],
}


def test_fr_main_menu_is_in_the_header_with_four_top_items() -> None:
    menu = menu_with_top_label(parse_page("fr"), "S’informer")
    assert menu.region == "header"
    assert norm(menu.name) == "Menu principal"
    assert labels(menu.items) == list(FR_MENU_CHILDREN)


@pytest.mark.parametrize(("label", "children"), list(FR_MENU_CHILDREN.items()))
def test_fr_main_menu_children(label: str, children: list[str]) -> None:
    item = top_item(menu_with_top_label(parse_page("fr"), "S’informer"), label)
    assert labels(item.children) == children
    assert all(child.children == () for child in item.children)


def test_fr_main_menu_urls_resolve_against_the_page() -> None:
    menu = menu_with_top_label(parse_page("fr"), "S’informer")
    assert top_item(menu, "Nous connaître").url == "https://www.amnesty.fr/nous-connaitre"
    assert top_item(menu, "S’informer").children[0].url == "https://www.amnesty.fr/actualites"
    assert top_item(menu, "Nous soutenir").children[-1].url == "https://boutique.amnesty.fr/"


def test_fr_mobile_duplicate_menu_is_dropped() -> None:
    everywhere = [
        norm(item.label) for menu in parse_page("fr").navigation for item in walk(menu.items)
    ]
    assert everywhere.count("Comment agir ?") == 1
    assert everywhere.count("Éduquer aux droits humains") == 1
    assert everywhere.count("Le face à face") == 1


def test_fr_utility_menu() -> None:
    menu = menu_with_top_label(parse_page("fr"), "Rechercher")
    assert menu.region == "utility"
    assert labels(menu.items) == ["Rechercher", "Presse", "Fondation", "Boutique", "Mon espace"]
    assert all(item.children == () for item in menu.items)


def test_fr_footer_has_five_menus_named_after_their_group_titles() -> None:
    names = [norm(m.name).casefold() for m in footer_menus(parse_page("fr"))]
    assert names == [title.casefold() for title in FR_FOOTER_GROUPS]


@pytest.mark.parametrize(
    ("group", "count", "first", "last"),
    [
        ("AMNESTY FRANCE", 6, "Nous connaître", "Recrutement"),
        ("NOS COMBATS", 12, "Tous nos combats", "Peine de mort et torture"),
        ("S'INFORMER", 8, "Actualités", "Magazine Bref"),
        ("AGIR", 7, "Signer une pétition", "Se former"),
        ("NOUS SOUTENIR", 15, "Faire un don", "Paramètrer les cookies"),
    ],
)
def test_fr_footer_menu_items(group: str, count: int, first: str, last: str) -> None:
    menus = [
        m for m in footer_menus(parse_page("fr")) if norm(m.name).casefold() == group.casefold()
    ]
    assert len(menus) == 1
    items = labels(menus[0].items)
    assert (len(items), items[0], items[-1]) == (count, first, last)


def test_fr_engagement_strip_and_donate_button_are_not_menu_entries() -> None:
    everywhere = [
        norm(item.label) for menu in parse_page("fr").navigation for item in walk(menu.items)
    ]
    for label in ("J’AGIS", "JE DONNE", "JE M’ENGAGE", "Je fais un don", "Don Ponctuel"):
        assert label not in everywhere


def test_fr_breadcrumbs() -> None:
    crumbs = parse_page("fr").breadcrumbs
    assert [norm(b.label) for b in crumbs] == ["Accueil", "Nous connaître", "Nos combats", FR_TITLE]
    assert [b.url for b in crumbs[:3]] == [
        "https://www.amnesty.fr/",
        "https://www.amnesty.fr/nous-connaitre",
        "https://www.amnesty.fr/combats",
    ]
    assert crumbs[-1].url is None


def test_fr_first_section_is_the_title_with_the_lead() -> None:
    first = parse_page("fr").sections[0]
    assert (norm(first.heading), first.level) == (FR_TITLE, 1)
    assert [norm(p) for p in first.paragraphs] == [FR_LEAD]


def test_fr_body_sections_in_order() -> None:
    headings = [norm(s.heading) for s in parse_page("fr").sections]
    assert headings == [FR_TITLE, *FR_BODY_SECTIONS]


def test_fr_styled_paragraph_title_is_a_level_two_section() -> None:
    s = section(parse_page("fr"), "Des discours et des politiques qui déshumanisent")
    assert s.level == 2
    assert len(s.paragraphs) == 1
    assert s.paragraphs[0].startswith("Les personnes réfugiées et migrantes sont trop souvent")


@pytest.mark.parametrize(
    ("heading", "paragraphs", "items"),
    [
        (FR_BODY_SECTIONS[0], 2, 0),
        (FR_BODY_SECTIONS[1], 1, 0),
        (FR_BODY_SECTIONS[2], 3, 0),
        (FR_BODY_SECTIONS[3], 2, 0),
        (FR_BODY_SECTIONS[4], 0, 2),
    ],
)
def test_fr_section_sizes(heading: str, paragraphs: int, items: int) -> None:
    s = section(parse_page("fr"), heading)
    assert (len(s.paragraphs), len(s.items), s.level) == (paragraphs, items, 2)


def test_fr_demands_are_list_items() -> None:
    s = section(parse_page("fr"), "Nos demandes aux Etats")
    assert [norm(item) for item in s.items] == [
        "Garantir le droit de demander l’asile, et ne jamais renvoyer une personne vers un pays "
        "où elle risque de subir de graves violations des droits humains",
        "Respecter les droits fondamentaux des personnes réfugiées et migrantes : accès aux "
        "soins, à l’éducation, à un logement digne, et à une protection contre l’exploitation "
        "et le travail forcé",
    ]


def test_fr_leading_nbsp_paragraph_is_stripped() -> None:
    s = section(parse_page("fr"), "Un défaut de protection généralisé")
    assert s.paragraphs[1].startswith("Celles et ceux qui atteignent les frontières")


def test_fr_inline_link_text_stays_in_its_paragraph() -> None:
    s = section(parse_page("fr"), FR_BODY_SECTIONS[3])
    assert norm(s.paragraphs[1]).startswith("Le droit international reconnaît les droits")


@pytest.mark.parametrize(
    "chrome",
    [
        "Urgence",
        "Exigez avec nous",
        "Je fais un don",
        "66%",
        "Don Ponctuel",
        "montant libre",
        "newsletter",
        "Inscription Réussie",
        "Rester informé",
        "Partager",
        "Voir aussi",
        "Comment l’État fabrique",
        "LAMPEDUSA",
        "Anadolu",
        "J’AGIS",
        "Paramètrer les cookies",
        "{{",
        *FR_FOOTER_GROUPS,
    ],
)
def test_fr_sections_exclude_page_chrome(chrome: str) -> None:
    for text in body_texts(parse_page("fr")):
        assert chrome not in text


def test_fr_no_section_is_a_footer_group_title() -> None:
    headings = {norm(s.heading).casefold() for s in parse_page("fr").sections}
    assert not headings & {title.casefold() for title in FR_FOOTER_GROUPS}


def test_fr_statistic_values() -> None:
    values = sorted(s.value for s in parse_page("fr").statistics)
    assert values == pytest.approx([83, 29_000, 43_700_000])


def test_fr_statistic_43_7_millions() -> None:
    snap = parse_page("fr")
    stat = one_stat(snap, 43_700_000)
    assert "43,7 millions" in stat.text
    assert (stat.kind, stat.qualifier, stat.ambiguous) == ("count", "plus de", False)
    assert stat.section == snap.sections[0].key
    assert norm(stat.context).rstrip(".") == (
        "Aujourd’hui, plus de 43,7 millions de personnes sont réfugiées dans le monde"
    )


def test_fr_statistic_83_percent() -> None:
    snap = parse_page("fr")
    stat = one_stat(snap, 83)
    assert (stat.unit, stat.kind) == ("%", "percent")
    assert "83" in stat.text
    assert stat.section == section(snap, FR_BODY_SECTIONS[0]).key
    assert norm(stat.context).rstrip(".") == (
        "Contrairement aux idées reçues, 83 % sont accueillies dans des pays à revenu faible "
        "ou intermédiaire"
    )


def test_fr_statistic_29000() -> None:
    snap = parse_page("fr")
    stat = one_stat(snap, 29_000)
    assert "29 000" in norm(stat.text)
    assert (stat.kind, stat.qualifier) == ("count", "plus de")
    assert stat.section == section(snap, FR_BODY_SECTIONS[0]).key
    assert norm(stat.context).rstrip(".") == (
        "Depuis 2014, plus de 29 000 personnes ont perdu la vie en tentant de rejoindre l’Europe"
    )


@pytest.mark.parametrize("value", [66, 2014, 2023, 2025, 2026, 7000, 17, 9, 43, 7])
def test_fr_not_a_statistic(value: float) -> None:
    assert stats_valued(parse_page("fr"), value) == []


def test_fr_year_2014_is_a_rejected_number() -> None:
    assert any(
        r.text.endswith("2014") and r.reason == "year" for r in parse_page("fr").rejected_numbers
    )


FR_RELATED = [
    (
        "Campagne",
        "2026-01-05",
        "Comment l’État fabrique la précarité des travailleur·euses étranger·es",
        "https://www.amnesty.fr/refugies-et-migrants/campagne-precarite-travailleurs-etrangers",
        ("France", "Réfugiés et migrants"),
    ),
    (
        "Actualité",
        "2025-11-04",
        "«\u202fÀ chaque renouvellement il faut payer, payer, payer\u202f!\u202f»\u202f: la vie en "
        "suspens de Célia, en France depuis 9 ans",
        "https://www.amnesty.fr/actualites/celia-titre-de-sejour-vie-en-suspens",
        (),
    ),
    (
        "Les bases",
        "2025-07-23",
        "Quelles différences entre un réfugié, un migrant et un demandeur d’asile ?",
        "https://www.amnesty.fr/refugies-et-migrants/actualites/differences-refugie-migrant-demandeur-asile",
        ("Réfugiés et migrants",),
    ),
]


def test_fr_related_has_the_three_cards_in_order() -> None:
    related = parse_page("fr").related
    assert [norm(r.title) for r in related] == [norm(card[2]) for card in FR_RELATED]


@pytest.mark.parametrize(("index", "card"), list(enumerate(FR_RELATED)))
def test_fr_related_card(index: int, card: tuple[str, str, str, str, tuple[str, ...]]) -> None:
    kind, date, _title, url, tags = card
    link = parse_page("fr").related[index]
    assert (link.kind, link.date, link.url, link.tags) == (kind, date, url, tags)


def test_fr_head_metadata_details() -> None:
    snap = parse_page("fr")
    assert snap.title is not None
    assert FR_TITLE in snap.title
    assert snap.metadata.opengraph["og:title"] == FR_TITLE
    assert snap.metadata.opengraph["og:type"] == "article"
    assert snap.metadata.jsonld, "the Yoast @graph JSON-LD block was not read"


# --- English page: "Safe passage" campaign with key-fact cards --------------------------------

EN_TITLE = "Safe passage: protect people on the move"


def test_en_header_menu_top_items() -> None:
    menu = menu_with_top_label(parse_page("en"), "What we do")
    assert menu.region == "header"
    assert labels(menu.items) == ["What we do", "Get involved", "About us", "News"]


def test_en_button_toggle_has_no_url_and_nests_three_levels() -> None:
    what = top_item(menu_with_top_label(parse_page("en"), "What we do"), "What we do")
    assert what.url is None
    assert labels(what.children) == [
        "Emergencies",
        "Refugees and migrants",
        "Climate justice",
        "Inequality",
    ]
    climate = what.children[2]
    assert climate.url == "https://www.harbouraid.org.uk/what-we-do/climate-justice"
    assert labels(climate.children) == ["Loss and damage", "Adaptation"]


def test_en_linked_dropdown_keeps_its_url_and_children() -> None:
    about = top_item(menu_with_top_label(parse_page("en"), "What we do"), "About us")
    assert about.url == "https://www.harbouraid.org.uk/about-us"
    assert labels(about.children) == ["Our history", "Annual report 2024", "Jobs"]


def test_en_donate_button_and_cookie_banner_are_not_navigation() -> None:
    everywhere = [
        norm(item.label) for menu in parse_page("en").navigation for item in walk(menu.items)
    ]
    for label in ("Donate", "Accept all cookies", "Manage preferences", "Skip to main content"):
        assert label not in everywhere


def test_en_footer_menus() -> None:
    menus = footer_menus(parse_page("en"))
    assert [norm(m.name) for m in menus] == ["About us", "Get involved", "Help"]
    assert [len(m.items) for m in menus] == [4, 3, 3]


def test_en_breadcrumbs() -> None:
    crumbs = parse_page("en").breadcrumbs
    assert [(norm(b.label), b.url) for b in crumbs] == [
        ("Home", "https://www.harbouraid.org.uk/"),
        ("Campaigns", "https://www.harbouraid.org.uk/campaigns"),
        ("Safe passage", None),
    ]


def test_en_sections_and_levels() -> None:
    sections = parse_page("en").sections
    assert [(norm(s.heading), s.level) for s in sections] == [
        (EN_TITLE, 1),
        ("Key facts", 2),
        ("Who is forced to flee", 2),
        ("Children on the move", 3),
        ("What we are calling for", 2),
    ]


def test_en_title_section_holds_only_the_lead() -> None:
    first = parse_page("en").sections[0]
    assert len(first.paragraphs) == 1
    assert first.paragraphs[0].startswith("Every year, people fleeing war and persecution")


def test_en_calling_for_section() -> None:
    s = section(parse_page("en"), "What we are calling for")
    assert [norm(i) for i in s.items] == [
        "Open safe and legal routes, including family reunion visas",
        "Fund search and rescue at sea",
        "End the detention of children in immigration centres",
    ]
    assert [norm(p) for p in s.paragraphs] == [
        "We are asking the UK government to:",
        "Since the campaign began, more than 150,000 supporters have signed our petition.",
    ]


@pytest.mark.parametrize(
    "chrome",
    [
        "Your privacy",
        "cookies",
        "Related content",
        "Rescue ship detained",
        "Share this page",
        "WhatsApp",
        "Sign up",
        "unsubscribe",
        "Donate",
        "Registered charity",
        "Skip to main content",
    ],
)
def test_en_sections_exclude_page_chrome(chrome: str) -> None:
    for text in body_texts(parse_page("en")):
        assert chrome not in text


def test_en_stat_card_and_caption_give_one_statistic() -> None:
    snap = parse_page("en")
    stat = one_stat(snap, 20_000)
    assert "20K" in stat.text or "20,000" in stat.text
    assert stat.kind == "count"
    assert stat.section == section(snap, "Key facts").key
    assert norm(stat.context).rstrip(".") == (
        "More than 20,000 people died crossing the Mediterranean since 2014"
    )


def test_en_ratio_card_gives_one_ratio() -> None:
    snap = parse_page("en")
    ratios = [s for s in snap.statistics if s.kind == "ratio"]
    assert len(ratios) == 1
    assert "1 in 5" in ratios[0].text or "One in five" in ratios[0].text
    assert "out of school" in ratios[0].context
    assert ratios[0].section == section(snap, "Key facts").key


def test_en_money_card_reads_bn_as_billion_dollars() -> None:
    snap = parse_page("en")
    stat = one_stat(snap, 2_500_000_000)
    assert (stat.kind, stat.unit) == ("money", "USD")
    assert stat.section == section(snap, "Key facts").key


def test_en_statistic_values_besides_the_ratio() -> None:
    values = sorted(s.value for s in parse_page("en").statistics if s.kind != "ratio")
    assert values == pytest.approx([40, 83, 20_000, 150_000, 4_000_000, 2_500_000_000])


@pytest.mark.parametrize(
    ("value", "text", "kind", "unit", "qualifier", "heading"),
    [
        (4_000_000, "4 million", "count", None, "nearly", "Who is forced to flee"),
        (83, "83", "percent", "%", None, "Who is forced to flee"),
        (40, "40", "percent", "%", "about", "Children on the move"),
        (150_000, "150,000", "count", None, "more than", "What we are calling for"),
    ],
)
def test_en_prose_statistic(
    value: float, text: str, kind: str, unit: str | None, qualifier: str | None, heading: str
) -> None:
    snap = parse_page("en")
    stat = one_stat(snap, value)
    assert text in stat.text
    assert (stat.kind, stat.qualifier) == (kind, qualifier)
    if unit is not None:
        assert stat.unit == unit
    assert stat.section == section(snap, heading).key


@pytest.mark.parametrize("value", [3, 2014, 2023, 2024, 2025, 202918, 12, 4, 18, 20, 2.5])
def test_en_not_a_statistic(value: float) -> None:
    assert stats_valued(parse_page("en"), value) == []


def test_en_year_2023_is_a_rejected_number() -> None:
    assert any(
        r.text.endswith("2023") and r.reason == "year" for r in parse_page("en").rejected_numbers
    )


def test_en_related_content() -> None:
    related = parse_page("en").related
    assert [(r.kind, r.date, norm(r.title), r.url, r.tags) for r in related] == [
        (
            "News",
            "2025-03-12",
            "Rescue ship detained again in Sicilian port",
            "https://www.harbouraid.org.uk/latest/news/rescue-ship-detained-again",
            (),
        ),
        (
            "Report",
            "2025-02-04",
            "Deadly borders: the human cost of pushing asylum offshore",
            "https://www.harbouraid.org.uk/latest/reports/deadly-borders",
            (),
        ),
        (
            "Blog",
            "2024-12-18",
            "What I learned volunteering in Calais",
            "https://www.harbouraid.org.uk/latest/blogs/volunteering-in-calais",
            (),
        ),
    ]


# --- German page: Drupal, role="main" instead of <main> ----------------------------------------

DE_TITLE = "Flüchtlingsschutz in Europa: Menschenrechte gelten an jeder Grenze"
DE_BASE = "https://www.fluechtlingshilfe-netz.de"


def test_de_main_menu_from_role_banner_region() -> None:
    menu = menu_with_top_label(parse_page("de"), "Themen")
    assert menu.region == "header"
    assert norm(menu.name) == "Hauptnavigation"
    assert labels(menu.items) == ["Themen", "Mitmachen", "Über uns", "Presse"]


def test_de_nolink_menu_entry_has_children_but_no_url() -> None:
    menu = menu_with_top_label(parse_page("de"), "Themen")
    themen = top_item(menu, "Themen")
    assert themen.url is None
    assert labels(themen.children) == [
        "Asyl in Deutschland",
        "Abschiebung",
        "Familiennachzug",
        "Seenotrettung",
    ]
    mitmachen = top_item(menu, "Mitmachen")
    assert mitmachen.url == f"{DE_BASE}/mitmachen"
    assert labels(mitmachen.children) == ["Spenden", "Fördermitglied werden", "Ehrenamt"]


def test_de_footer_menus_from_role_contentinfo_region() -> None:
    menus = footer_menus(parse_page("de"))
    assert [norm(m.name) for m in menus] == ["Über uns", "Service", "Rechtliches"]
    assert [len(m.items) for m in menus] == [4, 3, 3]


def test_de_breadcrumbs() -> None:
    crumbs = parse_page("de").breadcrumbs
    assert [(norm(b.label), b.url) for b in crumbs] == [
        ("Startseite", f"{DE_BASE}/"),
        ("Themen", f"{DE_BASE}/themen"),
        ("Asyl in Deutschland", f"{DE_BASE}/themen/asyl-in-deutschland"),
        ("Flüchtlingsschutz in Europa", None),
    ]


def test_de_sections_and_levels() -> None:
    sections = parse_page("de").sections
    assert [(norm(s.heading), s.level) for s in sections] == [
        (DE_TITLE, 1),
        ("Immer mehr Menschen suchen Schutz", 2),
        ("Gefährliche Wege nach Europa", 2),
        ("Was wir fordern", 2),
    ]


def test_de_title_section_holds_the_lead() -> None:
    first = parse_page("de").sections[0]
    assert "Menschen auf der Flucht haben Rechte – an den Außengrenzen genauso wie in " in (
        " ".join(norm(p) for p in first.paragraphs)
    )


def test_de_demands_section() -> None:
    s = section(parse_page("de"), "Was wir fordern")
    assert len(s.paragraphs) == 1
    assert [norm(i) for i in s.items] == [
        "Sichere und legale Fluchtwege schaffen",
        "Staatlich organisierte Seenotrettung im Mittelmeer",
        "Keine Asylverfahren in Drittstaaten",
    ]


@pytest.mark.parametrize(
    "chrome",
    [
        "Hauptnavigation",
        "Pfadnavigation",
        "Direkt zum Inhalt",
        "Unterstützen Sie unsere Arbeit",
        "Schon 5",
        "Jetzt spenden",
        "Mehr zum Thema",
        "Pressemitteilung",
        "Kriminalisierung beenden",
        "Vereinsregister",
        "Rechtliches",
    ],
)
def test_de_sections_exclude_page_chrome(chrome: str) -> None:
    for text in body_texts(parse_page("de")):
        assert chrome not in text


def test_de_statistic_values() -> None:
    values = sorted(s.value for s in parse_page("de").statistics)
    assert values == pytest.approx([83, 40_000, 300_000, 1_500_000])


@pytest.mark.parametrize(
    ("value", "text", "kind", "qualifier", "heading"),
    [
        (1_500_000, "1,5 Millionen", "count", "rund", "Immer mehr Menschen suchen Schutz"),
        (83, "83", "percent", None, "Immer mehr Menschen suchen Schutz"),
        (300_000, "300.000", "count", "über", "Gefährliche Wege nach Europa"),
        (40_000, "40.000", "count", "mindestens", "Was wir fordern"),
    ],
)
def test_de_statistic(
    value: float, text: str, kind: str, qualifier: str | None, heading: str
) -> None:
    snap = parse_page("de")
    stat = one_stat(snap, value)
    assert text in norm(stat.text)
    assert (stat.kind, stat.qualifier) == (kind, qualifier)
    assert stat.section == section(snap, heading).key


def test_de_prozent_has_percent_unit() -> None:
    assert one_stat(parse_page("de"), 83).unit == "%"


@pytest.mark.parametrize(
    "value", [5, 2019, 3, 2014, 2025, 14, 14.02, 2024, 12, 28, 15, 1.5, 300, 40, 31337]
)
def test_de_not_a_statistic(value: float) -> None:
    assert stats_valued(parse_page("de"), value) == []


def test_de_ende_2019_is_a_rejected_number() -> None:
    assert any(
        r.text.endswith("2019") and r.reason == "year" for r in parse_page("de").rejected_numbers
    )


def test_de_related_from_mehr_zum_thema() -> None:
    related = parse_page("de").related
    assert [(r.kind, norm(r.title), r.url, r.tags) for r in related] == [
        (
            "Pressemitteilung",
            "Seenotrettung: Kriminalisierung beenden",
            f"{DE_BASE}/presse/2025/seenotrettung-kriminalisierung-beenden",
            (),
        ),
        (
            "Hintergrund",
            "GEAS-Reform: Was sich für Schutzsuchende ändert",
            f"{DE_BASE}/themen/asyl-in-deutschland/geas-reform-was-sich-aendert",
            (),
        ),
        (
            "Bericht",
            "Abgeschoben ins Ungewisse",
            f"{DE_BASE}/publikationen/abgeschoben-ins-ungewisse",
            (),
        ),
    ]
    assert [(r.date or "")[:10] for r in related] == ["2025-03-12", "2025-01-28", "2024-12-15"]


def test_de_drupal_settings_json_is_not_jsonld() -> None:
    assert parse_page("de").metadata.jsonld == ()


# --- Spanish page: WordPress + Elementor, <base href>, <p class="titulo"><strong> heading ------

ES_TITLE = "El derecho de asilo salva vidas"
ES_BASE = "https://www.puertorefugio.org"


def test_es_header_menu_labels_ignore_toggle_spans() -> None:
    menu = menu_with_top_label(parse_page("es"), "Qué hacemos")
    assert menu.region == "header"
    assert labels(menu.items) == ["Quiénes somos", "Qué hacemos", "Actualidad", "Colabora"]
    assert [len(item.children) for item in menu.items] == [3, 4, 0, 3]


def test_es_menu_urls_resolve_against_base_href() -> None:
    menu = menu_with_top_label(parse_page("es"), "Qué hacemos")
    assert top_item(menu, "Quiénes somos").url == f"{ES_BASE}/quienes-somos/"
    assert top_item(menu, "Colabora").children[0].url == f"{ES_BASE}/colabora/hazte-socio/"


def test_es_footer_menus_from_widget_titles() -> None:
    menus = footer_menus(parse_page("es"))
    assert [norm(m.name) for m in menus] == ["Conócenos", "Colabora", "Legal"]
    assert menus[2].items[0].url == f"{ES_BASE}/aviso-legal/"


def test_es_page_without_breadcrumbs_has_none() -> None:
    assert parse_page("es").breadcrumbs == ()


def test_es_sections_include_strong_title_paragraph() -> None:
    headings = [norm(s.heading) for s in parse_page("es").sections]
    assert headings == [
        ES_TITLE,
        "España, país de acogida",
        "Vías legales y seguras",
        "Qué pedimos",
    ]


def test_es_strong_lead_in_paragraph_is_not_a_heading() -> None:
    s = section(parse_page("es"), "Vías legales y seguras")
    assert [norm(p) for p in s.paragraphs] == [
        "Sin vías legales y seguras, las personas se ven obligadas a emprender rutas peligrosas "
        "por mar y por tierra.",
        "Importante: solicitar asilo es un derecho reconocido por la Convención de Ginebra "
        "de 1951.",
    ]


def test_es_section_paragraphs_and_items() -> None:
    snap = parse_page("es")
    assert [norm(p) for p in snap.sections[0].paragraphs] == [
        "En el mundo hay 82,4 millones de personas desplazadas por la fuerza. Detrás de cada "
        "cifra hay una historia, una familia y un derecho que debe ser respetado."
    ]
    assert [norm(p) for p in section(snap, "España, país de acogida").paragraphs] == [
        "En 2022, más de 100.000 personas solicitaron protección internacional en España, una "
        "cifra sin precedentes.",
        "Sin embargo, el 40 % de las solicitudes resueltas fueron denegadas.",
    ]
    assert len(section(snap, "Qué pedimos").items) == 3


@pytest.mark.parametrize(
    "chrome",
    [
        "Ir al contenido",
        "Alternar menú",
        "Hazte socio",
        "Contenidos relacionados",
        "Balance del año",
        "Etiquetas",
        "Suscríbete",
        "boletín",
        "Acepto la política",
        "Registro de Fundaciones",
        "Compartir en Facebook",
    ],
)
def test_es_sections_exclude_page_chrome(chrome: str) -> None:
    for text in body_texts(parse_page("es")):
        assert chrome not in text


def test_es_statistic_values() -> None:
    values = sorted(s.value for s in parse_page("es").statistics)
    assert values == pytest.approx([40, 100_000, 82_400_000])


@pytest.mark.parametrize(
    ("value", "text", "kind", "qualifier", "heading"),
    [
        (82_400_000, "82,4 millones", "count", None, ES_TITLE),
        (100_000, "100.000", "count", "más de", "España, país de acogida"),
        (40, "40", "percent", None, "España, país de acogida"),
    ],
)
def test_es_statistic(
    value: float, text: str, kind: str, qualifier: str | None, heading: str
) -> None:
    snap = parse_page("es")
    stat = one_stat(snap, value)
    assert text in norm(stat.text)
    assert (stat.kind, stat.qualifier) == (kind, qualifier)
    assert stat.section == section(snap, heading).key


def test_es_percent_unit() -> None:
    assert one_stat(parse_page("es"), 40).unit == "%"


@pytest.mark.parametrize("value", [2022, 1951, 2026, 2025, 1024, 5, 20, 3, 82.4, 100])
def test_es_not_a_statistic(value: float) -> None:
    assert stats_valued(parse_page("es"), value) == []


def test_es_years_are_rejected_numbers() -> None:
    rejected = parse_page("es").rejected_numbers
    assert any(r.text.endswith("2022") and r.reason == "year" for r in rejected)
    assert any(r.text.endswith("1951") and r.reason == "year" for r in rejected)


def test_es_related_cards() -> None:
    related = parse_page("es").related
    assert [(r.kind, r.date, norm(r.title), r.url, r.tags) for r in related] == [
        (
            "Noticia",
            "2026-01-05",
            "Balance del año: el asilo en España, a examen",
            f"{ES_BASE}/noticias/balance-del-ano-asilo-en-espana/",
            ("Asilo", "España"),
        ),
        (
            "Informe",
            "2025-11-20",
            "Informe anual: las personas refugiadas en España y en Europa",
            f"{ES_BASE}/informes/informe-anual-personas-refugiadas/",
            ("Asilo",),
        ),
        (
            "Historia",
            "2025-09-03",
            "Amina: «Solo quería que mis hijos estuvieran a salvo»",
            f"{ES_BASE}/historias/amina-mis-hijos-a-salvo/",
            (),
        ),
    ]
