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


def test_a_body_with_a_related_class_is_no_related_block() -> None:
    snapshot = parse_html(SQUARESPACE_LIKE, url="https://www.foundation.example/news/yellow")
    paragraphs = [text for section in snapshot.sections for text in section.paragraphs]
    assert paragraphs == [
        "I am glad that the media noticed my brief take on the situation in France.",
        "Lots of media see the protesters as criminals causing destruction.",
    ]
    assert [card.title for card in snapshot.related] == ["One story", "Another story"]
