"""A page's last change read from a visible update line when its metadata has none."""

from __future__ import annotations

import pytest

from pagevault import parse_html
from pagevault.model import Snapshot

BODY = "<p>Le texte de l'article, assez long pour être une vraie phrase du contenu.</p>"
LONG_BODY = BODY * 12  # more than the text looked at below the title


def _snapshot(main: str, head: str = "", lang: str = "fr", after_main: str = "") -> Snapshot:
    html = (
        f"<html lang={lang}><head>{head}</head><body><main>{main}</main>{after_main}</body></html>"
    )
    return parse_html(html, url="https://www.asso.example/article")


def _modified(main: str, head: str = "", lang: str = "fr", after_main: str = "") -> str | None:
    return _snapshot(main, head, lang, after_main).modified


@pytest.mark.parametrize(
    ("line", "lang", "iso"),
    [
        ("Last updated: 3 March 2021", "en-GB", "2021-03-03"),
        ("Mis à jour le 12/04/2022", "fr", "2022-04-12"),
        ("Zuletzt aktualisiert am 5. Mai 2020", "de", "2020-05-05"),
        ("Stand: 01.02.2023", "de", "2023-02-01"),
        ("Actualizado: 4 de mayo de 2021", "es", "2021-05-04"),
        # traf__regards.fr.enquetes.html's first paragraph
        ("<i>Article mis à jour le 7 janvier 2020.</i>", "fr", "2020-01-07"),
        # longer than a byline: the date ends the text
        ("Page last updated: Wednesday, 3 March 2021", "en-GB", "2021-03-03"),
        # the label in an element of its own
        ("<span>Last updated:</span> <time>May 5, 2020</time>", "en", "2020-05-05"),
    ],
)
def test_an_update_line_under_the_title_is_the_last_change(line: str, lang: str, iso: str) -> None:
    assert _modified(f"<h1>Titre</h1><p>{line}</p>{BODY}", lang=lang) == iso


def test_an_update_after_the_publication_in_one_byline_is_the_last_change() -> None:
    snapshot = _snapshot(
        f"<h1>Mindestlohn</h1><p>01.02.2021 (Stand: 05.02.2021)</p>{BODY}", lang="de"
    )
    assert (snapshot.published, snapshot.modified) == ("2021-02-01", "2021-02-05")


def test_an_update_line_over_the_title_is_the_last_change() -> None:
    main = f'<p class="meta">Stand: 01.02.2023</p><h1>Mindestlohn</h1>{BODY}'
    assert _modified(main, lang="de") == "2023-02-01"


def test_a_byline_with_both_dates_gives_both() -> None:
    """mercury__www.lemonde.fr.html: "Publié le 07 mai 2019 à 13h59 - Mis à jour le 08
    mai 2019 à 09h03" under the title."""
    byline = "Publié le 07 mai 2019 à 13h59 - Mis à jour le 08 mai 2019 à 09h03"
    snapshot = _snapshot(f"<h1>Brexit</h1><p><span>{byline}</span></p>{BODY}")
    assert (snapshot.published, snapshot.modified) == ("2019-05-07", "2019-05-08")


@pytest.mark.parametrize(
    "line",
    [
        # traf__wbf.admin.ch.14093.html: the column ends with its last change
        '<p><small><span class="text-dimmed">Letzte Änderung&nbsp;14.02.2019</span></small></p>'
        '<p><small><a href="#">Zum Seitenanfang</a></small></p>',
        # edgi-wb__fws-birds__view-mode.html: the label and the date split by comments
        "<p>Last Updated: <!-- #BeginDate format:Am1 -->February 14, 2019<!-- #EndDate --></p>",
    ],
)
def test_an_update_line_ending_the_main_column_is_the_last_change(line: str) -> None:
    main = (
        f"<h1>Titre</h1><p>Bern, 17.08.2007 - Rede</p>{LONG_BODY}<div class='update'>{line}</div>"
    )
    assert _modified(main, lang="de") == "2019-02-14"


def test_the_metadata_last_change_wins() -> None:
    head = '<meta property="article:modified_time" content="2023-03-01">'
    assert _modified(f"<h1>Titre</h1><p>Mis à jour le 12/04/2022</p>{BODY}", head) == ("2023-03-01")


@pytest.mark.parametrize(
    "line",
    ["Mis à jour le 12/04/2022", "<span>Mis à jour le</span> <time>12/04/2022</time>"],
)
def test_a_publication_meta_does_not_stop_the_update_line_being_read(line: str) -> None:
    head = '<meta property="article:published_time" content="2022-01-10">'
    snapshot = _snapshot(f"<h1>Titre</h1><p>{line}</p>{BODY}", head)
    assert (snapshot.published, snapshot.modified) == ("2022-01-10", "2022-04-12")


@pytest.mark.parametrize(
    ("main", "after_main"),
    [
        # a teaser card ending the column
        (
            f"<h1>Titre</h1>{LONG_BODY}<ul><li><b>Autre article</b> "
            "<span>Mis à jour le 12/04/2022</span></li></ul>",
            "",
        ),
        (f"<h1>Titre</h1>{LONG_BODY}<aside><p>Mis à jour le 12/04/2022</p></aside>", ""),
        # a sidebar card outside the column
        (f"<h1>Titre</h1>{LONG_BODY}", "<aside><p>Mis à jour le 12/04/2022</p></aside>"),
        # a link's text
        (f'<h1>Titre</h1><p><a href="/autre">Mis à jour le 12/04/2022</a></p>{BODY}', ""),
        # in the middle of the text: neither by the title nor at the end
        (f"<h1>Titre</h1>{LONG_BODY}<p>Mis à jour le 12/04/2022</p>{LONG_BODY}", ""),
        # a sentence about an update, not an update line
        (
            "<h1>Titre</h1><p>Le rapport de l'Insee mis à jour le 12/04/2022 montre que la "
            f"pauvreté augmente.</p>{BODY}",
            "",
        ),
    ],
)
def test_no_last_change_from_cards_links_sentences_or_mid_text(main: str, after_main: str) -> None:
    assert _modified(main, after_main=after_main) is None


def test_the_end_of_a_column_without_a_title_is_not_read() -> None:
    """A home page or a listing: the column ends with teasers, not the page's own line."""
    main = f"<h2>Actualités</h2>{LONG_BODY}<p>Mis à jour le 12/04/2022</p>"
    assert _modified(main) is None


def test_a_stand_that_is_no_label_is_no_update() -> None:
    main = f"<h1>Rights</h1><p>Take a stand on 3 March 2021</p>{BODY}"
    assert _modified(main, lang="en-GB") is None


def test_an_update_before_the_publication_is_not_the_last_change() -> None:
    head = '<meta property="article:published_time" content="2022-05-10">'
    assert _modified(f"<h1>Titre</h1><p>Mis à jour le 12/04/2022</p>{BODY}", head) is None


def test_a_reviewed_date_is_not_a_change() -> None:
    """As for the metadata (``DC.date.reviewed``): a review may leave the page as it was."""
    main = f"<h1>Travel</h1>{LONG_BODY}<p>Page last reviewed: March 3, 2021</p>"
    assert _modified(main, lang="en") is None


@pytest.mark.parametrize(
    "main",
    [
        # a source note ending the column: the statistics' date, not the page's
        f"<h1>Titel</h1>{LONG_BODY}<p>Quelle: Statistisches Bundesamt, Stand: 31.12.2022</p>",
        # the same under the title
        f"<h1>Titel</h1><p>Quelle: Destatis, Stand: 31.12.2022</p>{BODY}",
        # a chart's caption under the title
        "<h1>Titel</h1><figure><img src='x.png'><figcaption>Grafik: Emissionen, Stand: "
        f"15.03.2019</figcaption></figure>{BODY}",
        # a caption opening with the label: still the chart's date
        "<h1>Titel</h1><figure><img src='x.png'><figcaption>Stand: 15.03.2019</figcaption>"
        f"</figure>{BODY}",
        # a table's row ending the column
        f"<h1>Titel</h1>{LONG_BODY}<table><tr><td>Stand: 31.12.2022</td></tr></table>",
        f"<h1>Titel</h1>{LONG_BODY}<table><tr><td>Stand:</td><td>31.12.2022</td></tr></table>",
    ],
)
def test_a_data_note_is_no_last_change(main: str) -> None:
    """Without a publication date, no "not before the publication" check applies: a
    source's or a chart's "Stand:" must not become the page's last change."""
    assert _modified(main, lang="de") is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Dernière mise à jour le 12/04/2022", "2022-04-12"),
        ("Diese Seite wurde zuletzt aktualisiert am 12.04.2022", "2022-04-12"),
        ("• Stand: 12.04.2022", "2022-04-12"),
    ],
)
def test_an_update_line_may_open_with_a_lead_in(line: str, iso: str) -> None:
    main = f"<h1>Titre</h1><p>Publié le 5 janvier 2022</p>{LONG_BODY}<p>{line}</p>"
    assert _modified(main) == iso


def test_the_end_of_a_column_without_a_publication_date_is_not_read() -> None:
    """Nothing would tell the page's update line from a closing data note: a wrong
    date is worse than none."""
    main = f"<h1>Titel</h1>{LONG_BODY}<p>Daten: Umweltbundesamt</p><p>Stand: 31.12.2022</p>"
    assert _modified(main, lang="de") is None
    byline = "<p>Bonn, 05.01.2023 - Bericht</p>"
    assert _modified(f"<h1>Titel</h1>{byline}{LONG_BODY}<p>Stand: 31.01.2023</p>", lang="de") == (
        "2023-01-31"
    )
