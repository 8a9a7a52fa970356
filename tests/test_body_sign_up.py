"""A short paragraph calling to sign up to a newsletter is no body
(``sections._is_sign_up_call``; corpus traf__diem25.org.climate.html,
traf__elpais.com.ciencia.html)."""

from __future__ import annotations

from pagevault import parse_html
from tests.body_texts import body_paragraphs

BODY = "<p>The river fell by 2 metres in July, the lowest level measured since 1976 here.</p>"


def _paragraphs(paragraph: str) -> list[str]:
    return body_paragraphs(parse_html(f"<main><h1>Drought</h1>{BODY * 3}{paragraph}</main>"))


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


def _statistics(paragraph: str) -> list[float]:
    snapshot = parse_html(f"<main><h1>Drought</h1>{BODY * 3}{paragraph}</main>")
    return [statistic.value for statistic in snapshot.statistics]


def test_text_about_subscribers_is_kept() -> None:
    # review finding: "subscri", "abonn" matched nouns, dropping the paragraph and its
    # figures
    survey = (
        "<p>In a survey of 1,500 subscribers to our <a href='/newsletter'>newsletter</a>, "
        "62% said climate was their top concern.</p>"
    )
    assert any("62% said climate" in text for text in _paragraphs(survey))
    assert 62 in _statistics(survey)
    umfrage = (
        "<p>Wir haben 2.000 Abonnentinnen unseres <a href='/newsletter'>Newsletters</a> "
        "befragt: 60 Prozent wünschen sich mehr Klimaschutz.</p>"
    )
    assert any("60 Prozent" in text for text in _paragraphs(umfrage))
    vote = (
        "<p>Nos 10 000 abonnés à la <a href='/abonnement'>lettre d'information</a> ont "
        "voté à 70 % pour la motion.</p>"
    )
    assert any("70 %" in text for text in _paragraphs(vote))
    assert 70 in _statistics(vote)
    readers = "<p>Our subscribers read the <a href='/newsletter'>newsletter</a> on Fridays.</p>"
    assert any("on Fridays" in text for text in _paragraphs(readers))


def test_a_call_with_a_figure_is_kept() -> None:
    # a call to sign up holds no figure: one that does is text
    call = "<p>Subscribe to our <a href='/newsletter'>newsletter</a>: 62% of readers do.</p>"
    assert any("62% of readers" in text for text in _paragraphs(call))


def test_calls_in_other_languages_are_no_body() -> None:
    calls = {
        "Abonnez-vous": "<p>Abonnez-vous à notre <a href='/newsletter'>lettre</a> !</p>",
        "Pour s’abonner": "<p>Pour s’abonner, <a href='/abonnement'>cliquez ici</a>.</p>",
        "Jetzt": "<p>Jetzt unseren <a href='/newsletter'>Newsletter abonnieren</a>.</p>",
        "Melden": "<p>Jetzt <a href='/newsletter'>zum Newsletter anmelden</a>.</p>",
        "Suscríbete": "<p>Suscríbete a nuestro <a href='/newsletter'>boletín</a>.</p>",
        "Inscrivez": "<p>Inscrivez-vous à la <a href='/newsletter'>newsletter</a>.</p>",
    }
    for start, call in calls.items():
        assert not any(start in text for text in _paragraphs(call)), start
