"""Property tests (issue 16): random hostile text, each example under a time bound. `make fuzz` runs longer
ones (`bench/fuzz.py random`); these keep the suite quick and the bounds generous, so a busy machine does not
fail them: what they catch is the catastrophic case, minutes where milliseconds are due."""

from __future__ import annotations

import json
from urllib.parse import quote

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.api import ServeConfig, create_app
from sitrep.clean import segment
from sitrep.extractors.casualties import find_casualties
from sitrep.extractors.claims import find_attribution
from sitrep.extractors.dates import resolve_date
from sitrep.extractors.participants import find_target
from sitrep.extractors.roles import find_roles
from sitrep.extractors.victim_groups import victim_groups
from sitrep.geo import find_places
from sitrep.geo.candidates import find_candidates
from sitrep.ingest.jsonl import parse_line
from sitrep.pipeline import read
from sitrep.store import Store

from .hostile import deadline, hostile_text


@settings(max_examples=60, deadline=10_000, database=None)
@given(hostile_text(max_repeats=5_000))
def test_the_extractors_read_any_text_in_time(text):
    with deadline(30):
        segment(text)
        find_casualties(text)
        find_attribution(text, 0, None, None, headline=True)
        resolve_date(text, 0, None)
        find_roles(text)
        victim_groups(text)
        find_target(text, 0)
        find_candidates(text, is_known=lambda name: False)


@settings(max_examples=15, deadline=30_000, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text(max_repeats=300))
def test_the_pipeline_reads_any_text_in_time_and_quotes_it_exactly(embedded_gazetteer, text):
    with deadline(60):
        result = read(text)
    for mention in result.mentions + result.dropped:
        for evidence in mention.evidence.values():
            assert text[evidence.start:evidence.end] == evidence.quote


def _nested(depth: int) -> str:
    return '{"id": "deep", "text": "x", "extra": ' + "[" * depth + "]" * depth + "}"


_LINES = st.one_of(
    st.text(max_size=200),
    st.integers(0, 5_000).map(_nested),
    # text, ids and names with lone surrogates, written as JSON escapes ("\ud800") the way a JSON writer does
    st.fixed_dictionaries(
        {"text": st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xE000) | st.characters(), min_size=1)},
        optional={"id": st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)), "source": st.text()},
    ).map(json.dumps),
)


@settings(max_examples=200, deadline=None, database=None)
@given(_LINES)
def test_a_jsonl_line_is_a_document_or_a_clear_error(line):
    try:
        document = parse_line(line, default_id="file-1", published=None, source=None)
    except ValueError as error:  # the reader reports it on one line naming the file and line
        assert str(error)
        return
    assert document.hash  # hashed (and so storable): UTF-8 can encode all of it
    for value in (document.id, document.text, document.source or ""):
        value.encode("utf-8")


@settings(max_examples=40, deadline=30_000, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text(max_repeats=2_000))
def test_geocoding_reads_any_text_in_time_and_quotes_it_exactly(embedded_gazetteer, text):
    with deadline(60):
        places = find_places(text, embedded_gazetteer)
    for place in places:
        assert place.start is not None and place.end is not None and 0 <= place.start < place.end <= len(text)


# What a careless or hostile client puts in a query string: any of the documented names, any value.
_QUERIES = st.dictionaries(
    st.sampled_from(["bbox", "since", "until", "country", "admin1", "event_type", "sub_event_type", "verification",
                     "source", "language", "limit", "cursor", "format", "fields"]),
    st.text(max_size=40) | st.sampled_from(["0", "-1", "10001", "1e9", "30,50,31,51", "2022-02-30", "json", "csv"]),
    max_size=5,
)


@settings(max_examples=80, deadline=10_000, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=_QUERIES, document_id=st.text(max_size=30))
def test_the_api_answers_any_query_with_a_page_or_a_clear_4xx(tmp_path_factory, query, document_id):
    document_id = quote(document_id, safe="")  # as any client sends it
    db = tmp_path_factory.getbasetemp() / "fuzz-api.db"
    Store.open(str(db)).close()
    with TestClient(create_app(ServeConfig(db=str(db))), raise_server_exceptions=False) as client:
        for response in (client.get("/api/events", params=query),
                         client.get(f"/api/events/{document_id}"), client.get(f"/api/documents/{document_id}")):
            assert response.status_code < 500, (query, document_id, response.text)
            if response.status_code >= 400:
                assert response.json()["error"]["message"]
