"""Every site pattern the extractor relies on, in one place.

Each pattern names the fixture (tests/fixtures/) or corpus page it was written for.
CSS selectors narrow candidates in C (fast); the regexes then check class/id
*tokens* so that "don" matches ``donation-widget`` but not ``london``.
"""

from __future__ import annotations

import re

# Never content, anywhere.
NON_CONTENT_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "link",
    "meta",
]
# Controls carry menu labels (a <button> opening a sub-menu) but never body text.
FORM_CONTROLS = "button, select, input, textarea, label, option, dialog"

# Tried in this order (fixture de-kampagne.html has no <main>, only role=main).
MAIN_CANDIDATES = (
    "main",
    "[role=main]",
    "#main-content, #maincontent, #main, #content, .main-content, #primary, .content-main, "
    "#contenu, #inhalt, #contenido",
    "article",
)

# Regions that are never body text: these elements, a <header> outside an <article>,
# hidden or modal elements (the ARIA states below), and the (exact) ARIA roles after.
STRUCTURAL_TAGS = ("nav", "aside", "footer", "figcaption")
STRUCTURAL_STATES = "[aria-hidden=true], [hidden], [aria-modal=true]"
STRUCTURAL_BOILERPLATE = (
    f"{', '.join(STRUCTURAL_TAGS)}, header:not(article header), {STRUCTURAL_STATES}"
)
BOILERPLATE_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "dialog",
        "alertdialog",
        "alert",
        "menu",
    }
)

# Class/id tokens of cookie and consent banners: boilerplate, and no menu (navigation.py).
CONSENT_WORDS = ("cookie", "cookies", "consent", "gdpr", "rgpd")
CONSENT_TOKEN = re.compile(r"(?:^|[\s_-])(?:" + "|".join(CONSENT_WORDS) + r")(?:$|[\s_-])")
# Class/id tokens of boilerplate blocks ("donation-widget", "share-bar", "newsletter-modal"):
# whole words between separators (start, end, whitespace, "_" or "-"). Share bars are
# named in French, German and Spanish too (corpus traf__regards.fr.enquetes.html
# "partager", traf__blog.mondediplo.net.turpitude.html "partage").
BOILERPLATE_WORDS = [
    *CONSENT_WORDS,
    *"""
    newsletter newsletters subscribe subscription signup
    sign-up share sharing partager partage teilen compartir social socials donation
    donations donate don dons spende spenden
    donar dona urgent urgence urgencia alert alerts modal popup pop-up overlay breadcrumb
    breadcrumbs fil-ariane related voir-aussi see-also pagination pager comment comments
    sidebar advert advertisement ads promo sponsor skip skip-link sr-only visually-hidden
    visuallyhidden screen-reader-text element-invisible image-caption image-caption-text
    photo-caption photo-caption-text img-caption img-caption-text media-caption
    media-caption-text figure-caption figure-caption-text wp-caption wp-caption-text
    video-caption video-caption-text photo-credit photo-credits credit credits copyright
    image-copyright toolbar menu tags tag-list author-bio byline print masthead eyebrow kicker
    surtitle overline forum reactions placeholder third-party contactbox contact-box meta
    submitted dateline posted-on
""".split(),
]
# A token's words may be joined by BEM's "--" too ("paragraph--image--caption": corpus
# traf__weisser-ring.de-Erfolgsgechichte.html).
BOILERPLATE_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:"
    + "|".join(word.replace("-", "--?") for word in BOILERPLATE_WORDS)
    + r")(?:$|[\s_-])"
)
# The first word (up to a "-") of each token: a class/id holding none of them, split at
# the separators, cannot match BOILERPLATE_TOKEN (a set test, cheaper than the search).
BOILERPLATE_LEADING_WORDS = frozenset(word.split("-")[0] for word in BOILERPLATE_WORDS)
# Class/id tokens of captions, boilerplate only right after an image (``_boilerplate``):
# a photo's caption and credit are no body text (corpus traf__bund.net-hermlin.html
# "rte-paragraph__caption": "... (mlharing / iStock.com)"; traf__thw.de-frauen.html
# "caption": "Quelle: THW"), while a "stat-caption" under a figure is (fixture
# en-campaign-keyfacts.html) and bund.net's date line under its title is
# "rte-paragraph__caption" too.
CAPTION_WORDS = ("caption", "captions")
CAPTION_TOKEN = re.compile(r"(?:^|[\s_-])(?:" + "|".join(CAPTION_WORDS) + r")(?:$|[\s_-])")
# Class/id tokens of a page's category labels above its title, boilerplate on an inline
# element only (a kicker: corpus traf__amnesty.de-waffensysteme.html
# ``<span class="headline-category">Aktuell</span>``), as WordPress names a whole post
# "category-news".
CATEGORY_WORDS = ("category", "categories", "kategorie")
CATEGORY_TOKEN = re.compile(r"(?:^|[\s_-])(?:" + "|".join(CATEGORY_WORDS) + r")(?:$|[\s_-])")

# Section titles of tag lists and share bars, which are no body sections
# (corpus traf__umweltbundesamt.de-atomkraft.html "Schlagworte").
NON_BODY_HEADING = re.compile(
    r"^(?:schlagworte|schlagwörter|stichworte|tags|mots[- ]clés|étiquettes|etiquetas|keywords|"
    r"partager|share(?: this(?: page| article)?)?|seite teilen|teilen|compartir|"
    r"diese seite teilen|partager cette page|imprimer|drucken|print)\s*:?$",
    re.IGNORECASE,
)

# The label left of an advertisement slot, whose content (an iframe, a script) is gone
# (corpus rdbl__nytimes-5.html "Advertisement", rdbl__cnn.html "ADVERTISING").
AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|annonce)\s*:?$",
    re.IGNORECASE,
)

# A page's "last modified" line, a label and its date: the page's metadata, no body text
# (corpus traf__wbf.admin.ch.14093.html "Letzte Änderung 14.02.2019",
# edgi-wmp__cdc-after-travel-precautions__ja.html "Last Updated Aug. 28, 2020",
# hdate__elmundo.es-PSOE.html "Actualizado Jueves, 2 noviembre 2023 - 15:05").
LAST_MODIFIED_LINE = re.compile(
    r"^(?:letzte änderung|zuletzt (?:aktualisiert|geändert)|(?:page )?last (?:modified|updated|"
    r"reviewed)|dernière (?:modification|mise à jour)|mis à jour|"
    r"última (?:modificación|actualización)|actualizado)\b[^!?]*\d",
    re.IGNORECASE,
)

# Paragraphs that are one of the labels above, not body text (sections.py): one regex,
# as three cost three failed matches on each short paragraph, matched on the lowercased
# text (case-insensitive, it failed in twice the time).
PAGE_LABEL = re.compile(
    "|".join(f"(?:{label.pattern})" for label in (NON_BODY_HEADING, AD_LABEL, LAST_MODIFIED_LINE))
)

# Region of a menu, from the class/id of the menu or of an ancestor
# (fixture amnesty-fr-refugies.html: "Menu utilitaire").
UTILITY_TOKEN = re.compile(
    r"utility|utilit|top-?bar|topbar|secondary|service|meta-?nav|quick-?links|toplinks|"
    r"pre-?header|header-top|top-header|tools"
)
MOBILE_TOKEN = re.compile(r"mobile|offcanvas|off-canvas|responsive|drawer|burger|hamburger")

# Substrings every RELATED_CONTAINER selector needs in the page source: without any
# of them the (costly) substring-selector scan cannot match (lexbor compares attribute
# values case-sensitively, as the selectors are written). Each is a full scan of the
# page source. A class written with character references ("&#114;elated") escapes
# them: an exact test costs more than the query it would save (measured).
RELATED_CONTAINER_HINTS = ("rela", "aussi", "see-also", "mehr-zum")
# Breadcrumb trails: (attribute, substring) - elements whose attribute holds it.
BREADCRUMB_ATTRIBUTES = (
    ("class", "readcrumb"),
    ("id", "readcrumb"),
    ("aria-label", "readcrumb"),
    ("class", "ariane"),
    ("aria-label", "riane"),
    ("aria-label", "rotkr"),
    ("class", "miga"),
    ("itemtype", "BreadcrumbList"),
)
BREADCRUMB_CANDIDATES = ", ".join(f"[{name}*={part}]" for name, part in BREADCRUMB_ATTRIBUTES)

# "See also" block titles in fr/en/de/es (fixtures amnesty-fr-refugies.html,
# en-campaign-keyfacts.html, de-kampagne.html, es-campana.html; "Mehr zu Klima und
# Konsum", "Zum Weiterlesen": corpus traf__greenpeace.de.nachhaltigleben.html; "À lire
# également...": corpus hdate__paris-luttes.info.html).
RELATED_HEADING = re.compile(
    r"^(?:voir aussi|à lire aussi|a lire aussi|lire aussi|(?:à |a )?lire également|"
    r"sur le même (?:sujet|thème)|"
    r"pour aller plus loin|articles? (?:liés|similaires|connexes)|contenus? (?:liés|associés)|"
    r"see also|related(?: content| articles?| stories| news| reading| resources| posts)?|"
    r"more on this(?: topic)?|you may also like|further reading|"
    r"mehr zum thema|mehr dazu|mehr zu [^.!?:]{1,40}|zum weiterlesen|weiterlesen|"
    r"lesen sie auch|auch interessant|das könnte sie auch interessieren|"
    r"weitere (?:artikel|beiträge|informationen|themen)|verwandte (?:artikel|themen)|"
    r"relacionad[oa]s?|contenidos? relacionados?|noticias relacionadas|"
    r"artículos relacionados|te puede interesar|también te puede interesar|"
    r"lee también|ver también)\s*(?:[:.]|\.\.\.|…)?$",
    re.IGNORECASE,
)
# Titles of lists of OTHER content ("Aktuell", "Les plus lus", "Últimas noticias"), which
# may also title a section of the page's own: related.py takes such a block only when it
# is a list of teasers in the main column (fixture related-latest.html; corpus
# traf__awo.org-Menschenrechte.html "Aktuell", traf__regards.fr.enquetes.html "Les plus
# lus" and "Du même auteur", traf__infobae.com-ucrania.html "Últimas Noticias",
# traf__elpais.com.ciencia.html "Más información").
RELATED_LISTING_HEADING = re.compile(
    r"^(?:aktuell(?:es)?|aktuelle (?:meldungen|nachrichten|artikel|beiträge)|"
    r"neueste (?:meldungen|nachrichten|artikel|beiträge)|letzte (?:meldungen|artikel|beiträge)|"
    r"meistgelesen(?:e(?: artikel)?)?|"
    r"latest(?: news| articles| stories| posts)?|most (?:read|popular|viewed)|"
    r"recent (?:news|articles|stories|posts)|more news|"
    r"actualités?|dernières (?:actualités|nouvelles|publications)|derniers articles|"
    r"(?:à|a) la une|les plus (?:lus|populaires|consultés|partagés)|du même auteur|"
    r"últimas noticias|lo más (?:leído|visto|popular)|más (?:noticias|leídas?|información))"
    r"\s*(?:[:.]|\.\.\.|…)?$",
    re.IGNORECASE,
)
RELATED_CONTAINER = (
    "[class*=rela], [id*=rela], [class*=aussi], [class*=see-also], [class*=mehr-zum]"
)
RELATED_CONTAINER_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:related|voir-aussi|see-also|relacionados?|relacionadas?|mehr-zum-thema|"
    r"lire-aussi)(?:$|[\s_-])"
)

# A card's label ("Campagne", "News") and its parts.
CARD_KIND_TOKEN = re.compile(
    r"(?:^|[\s_-])(?:type|kind|label|category|categorie|kicker|eyebrow|surtitle|overline|"
    r"tipo|kategorie|rubrique|badge|format)(?:$|[\s_-])"
)
CARD_DATE_TOKEN = re.compile(r"(?:^|[\s_-])(?:date|datum|fecha|time|published|meta-date)")
# A class token naming a list of tags ("tags", "card__tags", "etiquetas"); not
# WordPress's per-post "tag-asilo" classes.
CARD_TAGS_TOKEN = re.compile(
    r"(?:^|\s)(?:[\w-]*[_-])?(?:tags|tag-list|taglist|tag-cloud|keywords|etiquetas|schlagworte|"
    r"themes|topics|schlagwoerter)(?:$|\s)"
)

# Elements styled as headings (fixtures amnesty-fr-refugies.html "p.h2",
# es-campana.html "p.titulo").
STYLED_HEADING_TOKEN = re.compile(
    r"(?:^|\s)(?:h([1-6])|(?:[\w-]*[_-])?(?:title|titre|titulo|título|heading|headline|"
    r"ueberschrift|überschrift|intertitre|subhead|section-title))(?:$|\s)"
)
