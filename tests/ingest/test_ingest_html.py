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
