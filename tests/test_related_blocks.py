"""Which elements are "see also" blocks: never the page itself, whatever its classes say."""

from __future__ import annotations

from pagevault import parse_html

# Squarespace writes its theme settings as classes of <body>, "related" among them
# (corpus traf__pamelaandersonfoundation.org.yellow.html).
BODY_CLASSES = "collection-type-blog tweak-v1-related-products-image-aspect-ratio-11-square"
SQUARESPACE_LIKE = f"""<html><body class="{BODY_CLASSES}">
<main class="content"><article><h1>Yellow Vests and I</h1>
<p>I am glad that the media noticed my brief take on the situation in France.</p>
<p>Lots of media see the protesters as criminals causing destruction.</p></article>
<div class="related-posts"><h2>Related</h2><ul>
<li><a href="/news/one">One story</a></li><li><a href="/news/two">Another story</a></li></ul></div>
</main></body></html>"""


def _assert_article_kept_and_cards_read(page: str) -> None:
    snapshot = parse_html(page, url="https://www.foundation.example/news/yellow")
    paragraphs = [text for section in snapshot.sections for text in section.paragraphs]
    assert paragraphs == [
        "I am glad that the media noticed my brief take on the situation in France.",
        "Lots of media see the protesters as criminals causing destruction.",
    ]
    assert [card.title for card in snapshot.related] == ["One story", "Another story"]


def test_a_body_with_a_related_class_is_no_related_block() -> None:
    _assert_article_kept_and_cards_read(SQUARESPACE_LIKE)


def test_a_wrapper_holding_the_main_column_is_no_related_block() -> None:
    # The same page with the theme's classes on a wrapper <div>, not on <body>.
    page = SQUARESPACE_LIKE.replace(
        f'<body class="{BODY_CLASSES}">', f'<body><div class="site {BODY_CLASSES}">'
    ).replace("</main></body>", "</main></div></body>")
    _assert_article_kept_and_cards_read(page)


# Teaser cards as greenpeace.de writes them: the label and the date are list entries of a
# meta list, the date's class naming no date (corpus traf__greenpeace.de.nachhaltigleben.html).
TEASERS = """<html lang="de"><body><main><h1>Nachhaltig leben</h1>
<p>Politik und Wirtschaft haben in Sachen Klimaschutz noch viel zu tun, und wir alle auch.</p>
<section><h2>{title}</h2>
<article class="Teaser"><h3 class="Teaser-headline"><a href="/verpackung">Verpackungsmüll und
Klimakrise</a></h3><ul class="Teaser-metaInfo"><li class="Teaser-metaItem u-typo-label-small">
<a href="#">Nachricht</a></li><li class="Teaser-metaItem u-typo-copy-small">09.07.2021</li></ul>
<p class="Teaser-copy">Ölunternehmen tauschen am 01.02.2020 ein Übel gegen das andere.</p></article>
<article class="Teaser"><h3 class="Teaser-headline"><a href="/overshoot">Was ist der Earth
Overshoot Day?</a></h3><ul class="Teaser-metaInfo"><li class="Teaser-metaItem u-typo-label-small">
<a href="#">Überblick</a></li><li class="Teaser-metaItem u-typo-copy-small">28.07.2022</li></ul>
</article></section></main></body></html>"""


def test_german_see_also_titles_make_teasers_related_cards_with_label_and_date() -> None:
    for title in ("Mehr zu Klima und Konsum", "Zum Weiterlesen"):
        snapshot = parse_html(TEASERS.format(title=title), url="https://www.gp.example/leben")
        cards = [(card.title, card.kind, card.date) for card in snapshot.related]
        assert cards == [
            ("Verpackungsmüll und Klimakrise", "Nachricht", "2021-07-09"),
            ("Was ist der Earth Overshoot Day?", "Überblick", "2022-07-28"),
        ]
        assert title not in [section.heading for section in snapshot.sections]


# Two titled blocks, the first titled by a <strong>, the second by an <h2> of class
# "title" (then the other way round): the blocks come in page order, whatever the
# tags of their titles.
TWO_TITLED_BLOCKS = """<html><body><main><h1>Climate</h1>
<p>The climate changes faster than the models of twenty years ago had predicted.</p>
<div><strong>See also</strong><ul><li><a href="/a">First story</a></li>
<li><a href="/b">Second story</a></li></ul></div>
<p>Oceans store most of the heat that greenhouse gases keep in the atmosphere.</p>
<div><h2 class="block-title">Related articles</h2><ul><li><a href="/c">Third story</a></li>
</ul></div></main></body></html>"""


def test_titled_blocks_come_in_page_order_whatever_their_title_tags() -> None:
    snapshot = parse_html(TWO_TITLED_BLOCKS, url="https://www.example.org/climate")
    titles = [card.title for card in snapshot.related]
    assert titles == ["First story", "Second story", "Third story"]
    reversed_page = TWO_TITLED_BLOCKS.replace("<strong>See also</strong>", "<h3>See also</h3>")
    reversed_page = reversed_page.replace('<h2 class="block-title">', "<strong>")
    reversed_page = reversed_page.replace("Related articles</h2>", "Related articles</strong>")
    snapshot = parse_html(reversed_page, url="https://www.example.org/climate")
    assert [card.title for card in snapshot.related] == titles


# A "related" container (found by its class) above a block found by its title
# ("Voir aussi"): two separate queries find them, each in page order.
CONTAINER_THEN_TITLED = """<html><body><main><article><h1>Réfugiés</h1>
<p>Plus de 43,7 millions de personnes sont réfugiées dans le monde.</p></article>
<div class="related-posts"><ul>
<li><a href="/actu/un">Premier article</a></li><li><a href="/actu/deux">Deuxième article</a></li>
</ul></div>
<section><h2>Voir aussi</h2><ul>
<li><a href="/actu/trois">Troisième article</a></li><li><a href="/actu/quatre">Quatrième</a></li>
</ul></section></main></body></html>"""


def test_cards_of_a_container_and_of_a_titled_block_come_in_page_order() -> None:
    snapshot = parse_html(CONTAINER_THEN_TITLED, url="https://www.example.org/refugies")
    titles = [card.title for card in snapshot.related]
    assert titles == ["Premier article", "Deuxième article", "Troisième article", "Quatrième"]


# The same card twice (a carousel repeats its first slide), then another card with
# the same title: the repeat is left out and must not use up the "-2" suffix, or the
# second card's key would change when the carousel stops repeating.
REPEATED_CARD = """<html><body><main><article><h1>Campaign</h1>
<p>Our campaign reached 20,000 people this year.</p></article>
<section><h2>Related content</h2><ul>
<li><a href="/report-2023">Annual report</a></li>
<li><a href="/report-2023">Annual report</a></li>
<li><a href="/report-2024">Annual report</a></li>
</ul></section></main></body></html>"""


def test_a_left_out_repeated_card_uses_up_no_key_suffix() -> None:
    snapshot = parse_html(REPEATED_CARD, url="https://www.example.org/campaign")
    cards = [(card.key, card.url) for card in snapshot.related]
    assert cards == [
        ("annual-report", "https://www.example.org/report-2023"),
        ("annual-report-2", "https://www.example.org/report-2024"),
    ]


# A "related content" block holding press contacts and a button to all news besides
# the news cards (corpus traf__bund-naturschutz.de-habeck.html).
CONTACTS_AND_BUTTON = """<html><body><main><article><h1>Habeck-Besuch</h1>
<p>Der BN ist nach dem Gespräch enttäuscht.</p></article>
<div class="related-content"><p>Kontakt</p>
<div>Felix Hälbich, Tel. 089 / 5 14 69 76 11
<a href="mailto:presse@bund-naturschutz.de">presse@bund-naturschutz.de</a></div>
<p>Aktuelle Meldungen</p>
<div class="article"><a href="/pm/energiewende">Energiewende: fünf Kernforderungen</a></div>
<div class="article"><a href="/pm/taxonomie">Neue EU-Taxonomie verhindern</a></div>
<a href="/pressemitteilungen" class="button button-green-500">Alle Meldungen</a>
<a href="tel:+4989514697611">Anrufen</a>
</div></main></body></html>"""


def test_mail_addresses_phone_numbers_and_buttons_are_no_cards() -> None:
    snapshot = parse_html(CONTACTS_AND_BUTTON, url="https://www.bund-naturschutz.de/pm/habeck")
    assert [card.title for card in snapshot.related] == [
        "Energiewende: fünf Kernforderungen",
        "Neue EU-Taxonomie verhindern",
    ]


def test_cards_are_kept_when_no_page_url_resolves_their_links() -> None:
    # `pagevault parse FILE` without --url: the cards' links stay relative (review)
    snapshot = parse_html(CONTACTS_AND_BUTTON)
    assert [(card.title, card.url) for card in snapshot.related] == [
        ("Energiewende: fünf Kernforderungen", "/pm/energiewende"),
        ("Neue EU-Taxonomie verhindern", "/pm/taxonomie"),
    ]


def test_a_link_whose_class_spells_its_url_is_no_related_block() -> None:
    # Drupal menus write each link's URL into its class: "...-employment-related-..."
    # names no "see also" block; the footer link stays a menu entry and is no card
    # (corpus edgi-wmp__fhwa-hpms.html, "No FEAR Act").
    slug_class = "nav-link nav-link-https--wwwcivilrightsdotgov-employment-related-no-fear-act"
    page = f"""<html><body><main><h1>Highway data</h1>
<p>The Highway Performance Monitoring System holds data on the nation's highways.</p></main>
<footer><ul><li><a href="/foia" class="nav-link">FOIA</a></li>
<li><a href="/no-fear" class="{slug_class}">No FEAR Act</a></li></ul></footer></body></html>"""
    snapshot = parse_html(page, url="https://highways.example/hpms")
    assert snapshot.related == ()
    footer_labels = [item.label for menu in snapshot.navigation for item in menu.items]
    assert footer_labels == ["FOIA", "No FEAR Act"]
