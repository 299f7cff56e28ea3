from datetime import date

import trafilatura
from ingest_fixtures import ARTICLE_HTML, NO_ARTICLE_HTML

from sitrep.errors import InputError
from sitrep.ingest import read_documents


def test_article_text_and_metadata_are_extracted(tmp_path):
    path = tmp_path / "depot.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")

    [doc] = list(read_documents([path], published=date(2020, 1, 1), source="fallback"))

    assert doc.id == "depot" and doc.kind == "html"
    assert "oil depot in Smolensk region" in doc.text and "Firefighters" in doc.text
    assert "Home" not in doc.text  # navigation is not article text
    assert doc.title == "Drone strike hits oil depot"
    assert doc.published == date(2024, 12, 30)
    assert doc.source == "Example News"
    assert doc.url == "https://example.com/news/depot"


def test_trafilatura_runs_once_per_page(tmp_path, monkeypatch):
    calls = []
    real = trafilatura.bare_extraction
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    for name in ("one.htm", "two.html"):
        (tmp_path / name).write_text(ARTICLE_HTML, encoding="utf-8")

    assert len(list(read_documents([tmp_path]))) == 2
    assert len(calls) == 2


def test_undated_page_falls_back_to_the_arguments(tmp_path):
    path = tmp_path / "bare.html"
    path.write_text(ARTICLE_HTML.replace('<meta name="date" content="2024-12-30">', "")
                    .replace('<meta property="og:site_name" content="Example News">', "")
                    .replace('<meta property="og:url" content="https://example.com/news/depot">', ""))

    [doc] = list(read_documents([path], published=date(2025, 1, 3), source="fallback"))

    assert (doc.published, doc.source, doc.url) == (date(2025, 1, 3), "fallback", None)


def test_page_without_article_is_an_error(tmp_path):
    path = tmp_path / "login.html"
    path.write_text(NO_ARTICLE_HTML)

    [error] = list(read_documents([path]))

    assert isinstance(error, InputError)
    assert str(error) == f"{path}: no article text found in HTML"


def test_a_page_of_menus_and_links_is_no_article(tmp_path):
    """Issue 16, item 9: trafilatura falls back to a navigation-only page's link texts, which became a
    5-character document."""
    path = tmp_path / "index.html"
    path.write_text('<!DOCTYPE html><html><head><title>Example News</title></head><body>'
                    '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>'
                    '<ul><li><a href="/a">About us</a></li><li><a href="/c">Contact</a></li></ul></body></html>')

    [error] = list(read_documents([path]))

    assert isinstance(error, InputError)
    assert error.problem.startswith("no article text found in HTML (only ") and "menus or links" in error.problem


def test_a_short_article_is_still_an_article(tmp_path):
    path = tmp_path / "short.html"
    path.write_text("<html><head><title>Blast</title></head><body><nav><a href='/'>Home</a></nav><article>"
                    "<p>An explosion hit a fuel depot in Belgorod overnight, the governor said.</p></article></body></html>")

    [doc] = list(read_documents([path]))

    assert doc.text.endswith("An explosion hit a fuel depot in Belgorod overnight, the governor said.")
