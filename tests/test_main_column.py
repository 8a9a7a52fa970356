"""Which element holds the page's main text when no <main>, role=main, known id or
<article> says so: the block its paragraphs are written in."""

from __future__ import annotations

import pytest

from pagevault import parse_html
from pagevault.extract.dom import parse_tree
from pagevault.extract.sections import _MAIN_CANDIDATES, find_main
from pagevault.extract.selectors import MAIN_CANDIDATES
from tests.corpus import corpus_dir

# A 1990s page (corpus edgi-wb__nasa-gov-1996.html): paragraphs straight in <body>,
# tables of bold cells under <h3> titles.
OLD_PAGE = """<HTML><BODY><H1>Welcome to the Mars Pathfinder Mission!</H1>
<P>This is a substitute for the usual home page. In an effort to help the millions trying
to get information, we have put this list of reflector sites on our top-level page.</P>
<P>This page will remain up for the next several days; once net traffic subsides, the
regular home page will be reposted.</P>
<H3>Corporate Mirror Sites</H3>
<TABLE><TR><TD><P><B>Site</B></TD><TD><P><B>Load Capacity (Hits/Day)</B></TD></TR>
<TR><TD><B>Silicon Graphics, Inc. - USA</B></TD><TD><P><B>20,000,000</B></TD></TR></TABLE>
</BODY></HTML>"""


def test_paragraphs_written_in_body_make_body_the_main_column() -> None:
    main = find_main(parse_tree(OLD_PAGE))
    assert main is not None and main.tag == "body"


def test_an_old_page_keeps_its_lead_and_reads_its_table_as_rows() -> None:
    snapshot = parse_html(OLD_PAGE, url="https://www.nasa.example/")
    lead, mirrors = snapshot.sections
    assert lead.heading == "Welcome to the Mars Pathfinder Mission!"
    assert lead.paragraphs[0].startswith("This is a substitute for the usual home page.")
    assert len(lead.paragraphs) == 2
    assert mirrors.heading == "Corporate Mirror Sites"
    assert mirrors.paragraphs == (
        "Site | Load Capacity (Hits/Day)",
        "Silicon Graphics, Inc. - USA | 20,000,000",
    )


def test_a_div_holding_the_article_still_wins_over_a_short_body_line() -> None:
    html = (
        "<html><body><p>Short line in body, long enough to count.</p><div class=x>"
        + "<p>A long paragraph of the article that carries the page's text. </p>" * 5
        + "</div></body></html>"
    )
    main = find_main(parse_tree(html))
    assert main is not None and main.tag == "div"


GUARDED_CASES = [
    "<div class='x Main-Content'><div id='content'>a</div></div>",
    "<!DOCTYPE html><div class='x Main-Content'><div id='Content'>a</div></div>",
    "<div id='primary main'><p class='content-main'>b</p></div>",
    "<!DOCTYPE html><p class='content-main  y'>b</p><div id='main'>c</div>",
]


@pytest.mark.parametrize(
    "html",
    [
        *GUARDED_CASES,
        *(
            page.read_bytes().decode("utf-8", "replace")
            for page in sorted(corpus_dir().glob("*.html"))
        ),
    ],
)
def test_the_rewritten_candidates_find_what_the_selectors_find(html: str) -> None:
    # _MAIN_CANDIDATES guards the ids with [id]:is(...): css_first must not change.
    tree = parse_tree(html)
    for rewritten, selector in zip(_MAIN_CANDIDATES, MAIN_CANDIDATES, strict=True):
        found, expected = tree.css_first(rewritten), tree.css_first(selector)
        assert (found.mem_id if found else None) == (expected.mem_id if expected else None)
