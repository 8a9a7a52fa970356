"""The corpus scoring helpers, on small handmade inputs with known answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from pagevault.model import Encoding, Metadata, Section, Snapshot
from tests.corpus import (
    Aggregates,
    CorpusEntry,
    CorpusMissingError,
    Floor,
    GroundTruth,
    PageScore,
    SnippetScore,
    TokenScore,
    aggregate,
    date_matches,
    floor_json,
    floor_violations,
    html_text,
    load_floor,
    load_ground_truth,
    load_manifest,
    normalise,
    page_quality,
    pinned_floor,
    score_page,
    score_snippets,
    score_tokens,
    snapshot_text,
    tokenise,
    usable_url,
    worst_pages,
)


def make_snapshot(*sections: Section, published: str | None = None) -> Snapshot:
    return Snapshot(
        parser_version="test",
        url=None,
        title=None,
        lang=None,
        canonical=None,
        description=None,
        published=published,
        modified=None,
        encoding=Encoding(name="utf-8", source="text"),
        metadata=Metadata(),
        navigation=(),
        breadcrumbs=(),
        sections=sections,
        statistics=(),
        related=(),
    )


def make_entry(file: str = "page.html", ground_truth: tuple[Path, ...] = ()) -> CorpusEntry:
    return CorpusEntry(
        file=file,
        page=Path(file),
        url=None,
        raw_url="",
        language="en",
        kind="ngo",
        repo="",
        repo_path="",
        ground_truth=ground_truth,
        notes="",
    )


def make_score(file: str, recall: float | None, leak: float | None, f1: float | None) -> PageScore:
    snippets = None if recall is None else SnippetScore(with_recall=recall, without_leak=leak)
    tokens = None if f1 is None else TokenScore(precision=f1, recall=f1)
    return PageScore(
        file=file,
        language="en",
        snippets=snippets,
        tokens=tokens,
        date_match=None,
        sections=1,
        statistics=0,
    )


# --- manifest -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "https://www.doi.gov/whoweare/Mission-Statement",
            "https://www.doi.gov/whoweare/Mission-Statement",
        ),
        ("http://tech.qq.com/ (article URL not recorded)", "http://tech.qq.com/"),
        (
            'https://www.gruene.de/ (page "Arbeit"; exact URL not recorded)',
            "https://www.gruene.de/",
        ),
        ("//us.yahoo.com/news/", "https://us.yahoo.com/news/"),
        ("/nouvelle/1022038/kpmg-comptables", None),
        ("ftp://example.org/file", None),
        ("", None),
        ("   ", None),
    ],
)
def test_usable_url(raw: str, expected: str | None) -> None:
    assert usable_url(raw) == expected


def test_manifest_quotes_tabs_and_ground_truth(tmp_path: Path) -> None:
    header = "file\trepo\tpath\tcommit\tsite/url\tlanguage\tkind\tground_truth_file\tnotes\n"
    rows = (
        "a.html\to/r\tp/a\tc0\t//x.org/a\ten\tngo\ta.expected.html;a.meta.json\t"
        '"says ""hi""; ok"\n'
        "b.html\to/r\tp/b\tc0\t/rel/path\tfr\tnews\tnone\tplain\n"
    )
    (tmp_path / "MANIFEST.tsv").write_text(header + rows, encoding="utf-8")
    first, second = load_manifest(tmp_path)
    assert first.url == "https://x.org/a"
    assert first.notes == 'says "hi"; ok'
    assert first.ground_truth == (tmp_path / "a.expected.html", tmp_path / "a.meta.json")
    assert first.page == tmp_path / "a.html"
    assert (second.url, second.language, second.ground_truth) == (None, "fr", ())


def test_missing_corpus_is_an_error_naming_the_override(tmp_path: Path) -> None:
    with pytest.raises(CorpusMissingError, match="PAGEVAULT_CORPUS"):
        load_manifest(tmp_path / "nowhere")


def test_ground_truth_merges_json_and_expected_html(tmp_path: Path) -> None:
    (tmp_path / "p.expected.json").write_text(
        '{"with": ["a b"], "without": ["c"], "date": ""}', encoding="utf-8"
    )
    (tmp_path / "p.expected.html").write_text("<div><p>Hello</p><p>world</p></div>", "utf-8")
    (tmp_path / "p.expected-metadata.json").write_text('{"title": "T"}', encoding="utf-8")
    entry = make_entry(
        ground_truth=tuple(
            tmp_path / name
            for name in ("p.expected.json", "p.expected.html", "p.expected-metadata.json")
        )
    )
    truth = load_ground_truth(entry)
    assert truth.with_snippets == ("a b",)
    assert truth.without_snippets == ("c",)
    assert truth.date is None
    assert truth.expected_text is not None
    assert truth.expected_text.split() == ["Hello", "world"]
    assert truth.scores_text


def test_ground_truth_with_only_a_label_scores_no_text(tmp_path: Path) -> None:
    (tmp_path / "e.expected.json").write_text('{"label": "falsepos"}', encoding="utf-8")
    truth = load_ground_truth(make_entry(ground_truth=(tmp_path / "e.expected.json",)))
    assert truth.label == "falsepos"
    assert not truth.scores_text


# --- text ---------------------------------------------------------------------------------


def test_html_text_separates_blocks_but_not_inline_tags() -> None:
    html = "<div><h2>Title</h2><p>wor<b>d</b> one</p><ul><li>a</li><li>b</li></ul></div>"
    assert html_text(html).split() == ["Title", "word", "one", "a", "b"]


def test_html_text_drops_scripts_and_styles() -> None:
    assert html_text("<p>kept</p><script>var x</script><style>p{}</style>").split() == ["kept"]


def test_snapshot_text_joins_headings_paragraphs_and_items() -> None:
    snapshot = make_snapshot(
        Section(key="a", heading="Intro", level=2, paragraphs=("P1", "P2"), items=("I1",)),
        Section(key="b", heading="", level=2, paragraphs=("P3",)),
    )
    assert snapshot_text(snapshot) == "Intro\nP1\nP2\nI1\nP3"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Hello\u00a0\u202fWORLD \n\t again ", "hello world again"),
        ("l’État « libre »", 'l\'état " libre "'),
        ("„Zitat“ and “quote” and ‘single’", '"zitat" and "quote" and \'single\''),
        ("Stra\u00dfe", "strasse"),
        ("ﬁve ①", "five 1"),  # NFKC: ligature and circled digit
        ("Bevölke\u00adrungs\u200bschutz", "bevölkerungsschutz"),
        ("e\u0301", "é"),  # combining accent composed
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_tokenise_words_and_cjk_characters() -> None:
    assert tokenise("L'État, 2016: DeepMind新电脑 okay") == [
        "l",
        "état",
        "2016",
        "deepmind",
        "新",
        "电",
        "脑",
        "okay",
    ]


# --- scores -------------------------------------------------------------------------------


def test_score_snippets_counts_found_and_leaked() -> None:
    body = "First paragraph about\u00a0Rechte.\nSecond “line” here.\nFolgen Sie uns"
    score = score_snippets(
        body,
        with_snippets=["paragraph about rechte", 'second "line"', "never there"],
        without_snippets=["Folgen Sie uns", "Impressum"],
    )
    assert score.with_recall == pytest.approx(2 / 3)
    assert score.without_leak == pytest.approx(1 / 2)
    assert score.missed == ("never there",)
    assert score.leaked == ("Folgen Sie uns",)


def test_score_snippets_matches_across_lines() -> None:
    assert score_snippets("end of one.\nStart of two", ["one. start"], []).with_recall == 1.0


def test_score_snippets_without_lists_is_none() -> None:
    score = score_snippets("text", [], [])
    assert (score.with_recall, score.without_leak) == (None, None)


def test_score_tokens_is_a_bag_of_words() -> None:
    # expected: a a b c (4 tokens); ours: a b b d (4). common multiset: a, b -> 2
    score = score_tokens("A b, b d", "a a b c")
    assert score.precision == pytest.approx(2 / 4)
    assert score.recall == pytest.approx(2 / 4)
    assert score.f1 == pytest.approx(0.5)


def test_score_tokens_is_order_insensitive_and_normalised() -> None:
    score = score_tokens("Monde LE\u00a0«bonjour»", "« Bonjour » le monde")
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)


def test_score_tokens_asymmetric_precision_and_recall() -> None:
    score = score_tokens("one two three four", "one two")
    assert (score.precision, score.recall) == (0.5, 1.0)
    assert score.f1 == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("body", "expected", "precision", "recall"),
    [("", "", 1.0, 1.0), ("", "words here", 0.0, 0.0), ("words", "", 0.0, 1.0)],
)
def test_score_tokens_empty_sides(
    body: str, expected: str, precision: float, recall: float
) -> None:
    score = score_tokens(body, expected)
    assert (score.precision, score.recall) == (precision, recall)


def test_token_f1_of_zero_scores_is_zero() -> None:
    assert TokenScore(precision=0.0, recall=0.0).f1 == 0.0


@pytest.mark.parametrize(
    ("published", "expected", "result"),
    [
        ("2022-01-28T10:00:00+01:00", "2022-01-28", True),
        ("2022-01-28", "2022-01-29", False),
        (None, "2022-01-28", False),
        ("2022-01-28", None, None),
        ("2022-01-28", "", None),
    ],
)
def test_date_matches(published: str | None, expected: str | None, result: bool | None) -> None:
    assert date_matches(published, expected) is result


def test_score_page_of_a_failed_parse_is_an_empty_body() -> None:
    truth = GroundTruth(with_snippets=("x",), without_snippets=("y",), expected_text="x y")
    score = score_page(make_entry(), truth, None, error="boom")
    assert score.snippets == SnippetScore(with_recall=0.0, without_leak=0.0, missed=("x",))
    assert score.tokens == TokenScore(precision=0.0, recall=0.0)
    assert (score.sections, score.error) == (0, "boom")


def test_score_page_reads_the_snapshot() -> None:
    snapshot = make_snapshot(
        Section(key="a", heading="Title", level=1, paragraphs=("kept text",)),
        published="2020-02-19",
    )
    truth = GroundTruth(with_snippets=("kept text",), without_snippets=("menu",), date="2020-02-19")
    score = score_page(make_entry(), truth, snapshot)
    assert score.snippets is not None
    assert (score.snippets.with_recall, score.snippets.without_leak) == (1.0, 0.0)
    assert (score.tokens, score.date_match, score.sections) == (None, True, 1)


# --- aggregates and the floor -------------------------------------------------------------


def test_aggregate_means_over_pages_that_have_each_score() -> None:
    scores = [
        make_score("a", 1.0, 0.0, None),
        make_score("b", 0.5, 1.0, None),
        make_score("c", None, None, 0.8),
        make_score("d", None, None, None),
    ]
    found = aggregate(scores)
    assert found.with_recall == pytest.approx(0.75)
    assert found.without_leak == pytest.approx(0.5)
    assert found.readability_f1 == pytest.approx(0.8)
    assert found.date_accuracy is None
    assert found.counts == {"pages": 4, "with": 2, "without": 2, "readability": 1, "date": 0}


def test_pinned_floor_rounds_toward_the_safe_side() -> None:
    found = Aggregates(
        with_recall=0.9789,
        without_leak=0.0333,
        readability_precision=None,
        readability_recall=None,
        readability_f1=0.29,
        date_accuracy=None,
    )
    floor = pinned_floor(found, tolerance=0.005)
    assert floor == Floor(
        with_recall_min=0.97, without_leak_max=0.04, readability_f1_min=0.29, tolerance=0.005
    )


def test_floor_file_round_trips(tmp_path: Path) -> None:
    floor = Floor(with_recall_min=0.9, without_leak_max=0.1, readability_f1_min=0.8, tolerance=0.01)
    path = tmp_path / "floor.json"
    path.write_text(floor_json(floor), encoding="utf-8")
    assert load_floor(path) == floor
    assert "tolerance" in path.read_text(encoding="utf-8")


def _aggregates(recall: float, leak: float, f1: float, dates: float = 0.7) -> Aggregates:
    return Aggregates(
        with_recall=recall,
        without_leak=leak,
        readability_precision=f1,
        readability_recall=f1,
        readability_f1=f1,
        date_accuracy=dates,
    )


FLOOR = Floor(
    with_recall_min=0.9,
    without_leak_max=0.1,
    readability_f1_min=0.8,
    tolerance=0.01,
    date_accuracy_min=0.7,
)


def test_floor_passes_at_the_bounds_and_within_tolerance() -> None:
    assert floor_violations(_aggregates(0.9, 0.1, 0.8), FLOOR) == []
    assert floor_violations(_aggregates(0.895, 0.105, 0.795, 0.695), FLOOR) == []


def test_floor_reports_each_violation() -> None:
    problems = floor_violations(_aggregates(0.85, 0.2, 0.7, 0.6), FLOOR)
    assert len(problems) == 4
    assert problems[0].startswith("mean with_recall = 0.850 < bound 0.90")
    assert problems[1].startswith("mean without_leak = 0.200 > bound 0.10")
    assert problems[3].startswith("date accuracy = 0.600 < bound 0.70")


def test_floor_fails_when_no_page_has_ground_truth() -> None:
    found = Aggregates(None, None, None, None, None, None)
    assert len(floor_violations(found, FLOOR)) == 4


def test_worst_pages_ranks_by_combined_quality() -> None:
    scores = [
        make_score("good", 1.0, 0.0, None),
        make_score("leaky", 1.0, 1.0, None),
        make_score("readable", None, None, 0.9),
        make_score("no-truth", None, None, None),
    ]
    assert page_quality(scores[1]) == pytest.approx(0.5)
    assert [s.file for s in worst_pages(scores, count=2)] == ["leaky", "readable"]


def test_worst_pages_ranks_lost_content_below_kept_boilerplate() -> None:
    scores = [make_score("leaky", 1.0, 1.0, None), make_score("empty", 0.0, 0.0, None)]
    assert [s.file for s in worst_pages(scores)] == ["empty", "leaky"]
