"""A short paragraph calling to sign up to a newsletter is no body
(``sections._is_sign_up_call``; corpus traf__diem25.org.climate.html,
traf__elpais.com.ciencia.html)."""

from __future__ import annotations

from pagevault import parse_html

BODY = "<p>The river fell by 2 metres in July, the lowest level measured since 1976 here.</p>"


def _paragraphs(paragraph: str) -> list[str]:
    snapshot = parse_html(f"<main><h1>Drought</h1>{BODY * 3}{paragraph}</main>")
    return [text for section in snapshot.sections for text in section.paragraphs]


def test_a_sign_up_call_is_no_body() -> None:
    call = (
        "<p><i>Do you want to be informed of our actions? "
        "<a href='https://act.example/en/newsletter/?refer=a1'>Sign up here</a></i></p>"
    )
    assert not any("informed of our actions" in text for text in _paragraphs(call))
    call = (
        "<p>Puede escribirnos o suscribirse aquí a nuestra "
        "<a href='https://plus.example/newsletters/lnp/1/'>newsletter</a>.</p>"
    )
    assert not any("escribirnos" in text for text in _paragraphs(call))


def test_text_about_a_newsletter_is_kept() -> None:
    # no sign-up verb: a sentence citing an issue
    cited = "<p>As <a href='/newsletter/2023-05'>our May newsletter</a> reported, wells dried.</p>"
    assert any("wells dried" in text for text in _paragraphs(cited))
    # a sign-up verb, but no newsletter link
    plain = "<p>Farmers who subscribe to the <a href='/scheme'>scheme</a> got 300 euros.</p>"
    assert any("got 300 euros" in text for text in _paragraphs(plain))
    # a long paragraph is text, whatever it links to
    long = f"<p>{'The drought hit 40 towns. ' * 14}<a href='/newsletter'>Sign up</a></p>"
    assert any("hit 40 towns" in text for text in _paragraphs(long))
