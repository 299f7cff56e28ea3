"""The REST API on SQLite and PostgreSQL: every endpoint and filter, the formats, the error shape, the token."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from sitrep.api import ServeConfig, create_app
from sitrep.export import COLUMNS, RECORD_FIELDS, events_as_text
from sitrep.store import Store

from .conftest import fresh_database
from .serve_data import HOSTILE, HOSTILE_MARKUP, build_example_database

TOKEN = "test-token-123"


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def served_db(request, tmp_path_factory, embedded_gazetteer_path):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SITREP_GAZETTEER", str(embedded_gazetteer_path))
        with fresh_database(request.param, tmp_path_factory.mktemp("served")) as target:
            build_example_database(target)
            yield target


@pytest.fixture
def client(served_db):
    with TestClient(create_app(ServeConfig(db=served_db, token=TOKEN))) as client:
        yield client


@pytest.fixture
def records(client):
    body = client.get("/api/events", params={"limit": 1000}).json()
    assert body["next"] is None
    return body["events"]


def assert_error(response, status: int) -> dict:
    """The one error shape: {"error": {"status", "code", "message"[, "details"]}} and nothing else."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) <= {"status", "code", "message", "details"}
    assert error["status"] == status and isinstance(error["code"], str) and error["message"]
    return error


def test_the_list_is_the_export(client, served_db, records):
    with Store.open(served_db) as store:
        exported = [json.loads(line) for line in events_as_text(store.events(), "jsonl").splitlines()]
        csv_text = events_as_text(store.events(), "csv")
    assert len(records) >= 3 and records == exported
    assert any(r["document_ids"] == [HOSTILE.id] for r in records)
    assert client.get("/api/events?format=csv").text.replace("\r\n", "\n") == csv_text.replace("\r\n", "\n")


@pytest.mark.parametrize("how", ["param", "accept"])
def test_geojson_and_csv(client, records, how):
    def get(fmt, media):
        if how == "param":
            return client.get("/api/events", params={"format": fmt})
        return client.get("/api/events", headers={"Accept": media})

    geojson = get("geojson", "application/geo+json")
    assert geojson.headers["content-type"] == "application/geo+json"
    collection = geojson.json()
    assert collection["type"] == "FeatureCollection" and collection["next"] is None
    assert [f["id"] for f in collection["features"]] == [r["id"] for r in records]
    placed = [f for f in collection["features"] if f["geometry"]]
    assert placed and all(
        f["geometry"]["coordinates"] == [f["properties"]["longitude"], f["properties"]["latitude"]] for f in placed
    )
    table = get("csv", "text/csv")
    assert table.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(table.text)))
    assert list(rows[0]) == COLUMNS and [r["id"] for r in rows] == [r["id"] for r in records]
    assert client.get("/api/events", headers={"Accept": "text/html,*/*"}).json()["events"] == records


def test_the_link_header_is_the_next_page(client, records):
    """The Link header is this request's URL with the next cursor in place of its own, other parameters kept."""
    seen, url = [], "/api/events?limit=1&format=json&cursor=&bbox=-180,-90,180,90"
    while url:
        response = client.get(url)
        seen += [e["id"] for e in response.json()["events"]]
        link = response.headers.get("link")
        url = link[1 : link.index(">")] if link else None
        assert url is None or (url.count("cursor=") == 1 and "format=json" in url and "bbox=-180,-90,180,90" in url)
    assert seen == [r["id"] for r in records]


def test_pages_follow_the_cursor(client, records):
    seen, url, params = [], "/api/events", {"limit": 1}
    while True:
        response = client.get(url, params=params)
        body = response.json()
        assert len(body["events"]) <= 1
        seen += [e["id"] for e in body["events"]]
        if body["next"] is None:
            assert "link" not in response.headers
            break
        assert 'rel="next"' in response.headers["link"] and "cursor=" in response.headers["link"]
        params = {"limit": 1, "cursor": body["next"]}
    assert seen == [r["id"] for r in records]
    page = client.get("/api/events", params={"limit": 2, "format": "geojson"}).json()
    rest = client.get("/api/events", params={"limit": 1000, "format": "geojson", "cursor": page["next"]}).json()
    assert [f["id"] for f in page["features"] + rest["features"]] == [r["id"] for r in records]


def _ids(client, **params):
    body = client.get("/api/events", params={"limit": 1000, **params}).json()
    return [e["id"] for e in body["events"]]


def test_every_filter(client, records):
    placed = [r for r in records if r["latitude"] is not None]
    target = placed[0]
    lon, lat = target["longitude"], target["latitude"]
    bbox = f"{lon - 0.01},{lat - 0.01},{lon + 0.01},{lat + 0.01}"
    def expect(keep):
        return [r["id"] for r in records if keep(r)]
    def near(r):
        return r["latitude"] is not None and abs(r["longitude"] - lon) <= 0.01 and abs(r["latitude"] - lat) <= 0.01
    assert _ids(client, bbox=bbox) == expect(near) and target["id"] in _ids(client, bbox=bbox)
    assert _ids(client, bbox="-10,-10,-9,-9") == []
    day = target["event_date"]
    assert _ids(client, since=day, until=day) == expect(
        lambda r: r["event_date"] and r["event_date"] <= day <= (r["event_date_end"] or r["event_date"])
    )
    assert _ids(client, country=target["iso"].lower()) == expect(lambda r: r["iso"] == target["iso"])
    assert _ids(client, country=target["country"]) == expect(lambda r: r["country"] == target["country"])
    assert _ids(client, admin1=target["admin1"]) == expect(lambda r: r["admin1"] == target["admin1"])
    assert _ids(client, event_type=target["event_type"]) == expect(lambda r: r["event_type"] == target["event_type"])
    assert _ids(client, sub_event_type=target["sub_event_type"]) == expect(
        lambda r: r["sub_event_type"] == target["sub_event_type"]
    )
    for status in {r["verification"] for r in records}:
        assert _ids(client, verification=status) == expect(lambda r, status=status: r["verification"] == status)
    assert _ids(client, source="Hostile Outlet") == expect(lambda r: "Hostile Outlet" in r["sources"]) != []
    assert _ids(client, language="en") == expect(lambda r: "en" in (r["language"] or "").split("|")) != []
    assert _ids(client, language="uk") == expect(lambda r: "uk" in (r["language"] or "").split("|"))
    assert _ids(client, source="Hostile Outlet", bbox=bbox, verification="disputed", since="2030-01-01") == []


def test_filter_values_are_data_never_sql(client, records):
    assert _ids(client, country="x' OR '1'='1") == []
    assert _ids(client, source="') OR 1=1 --") == []
    assert _ids(client, admin1="%") == [] and _ids(client, sub_event_type="?") == []
    assert len(_ids(client)) == len(records)


def test_one_event_with_its_evidence(client, records):
    record = next(r for r in records if r["document_ids"] == [HOSTILE.id])
    body = client.get(f"/api/events/{record['id']}").json()
    assert body["event"] == record
    (mention,) = body["mentions"]
    assert mention["document_id"] == HOSTILE.id and mention["source"] == "Hostile Outlet"
    passage = mention["passage"]
    assert passage["text"] == HOSTILE.text[passage["start"]:passage["end"]] and HOSTILE_MARKUP in passage["text"]
    assert mention["evidence"] and all(HOSTILE.text[e["start"]:e["end"]] == e["quote"] for e in mention["evidence"])
    assert all(passage["start"] <= e["start"] <= e["end"] <= passage["end"] for e in mention["evidence"])
    (source,) = body["sources"]
    assert source["channel"] == "telegram" and source["stance"] and source["source"] == "Hostile Outlet"


def test_one_document_with_its_marked_spans(client, records):
    body = client.get(f"/api/documents/{HOSTILE.id}").json()
    assert body["text"] == HOSTILE.text and body["title"] == HOSTILE.title and body["published"] == "2024-12-30"
    assert body["spans"] and all(body["text"][s["start"]:s["end"]] == s["quote"] for s in body["spans"])
    assert body["event_ids"] and set(body["event_ids"]) <= {r["id"] for r in records}


def test_fields_narrow_each_record_to_those_named(client, records):
    assert all(set(r) == set(RECORD_FIELDS) for r in records)  # RECORD_FIELDS names every field
    fields = ["location", "id", "latitude", "fatalities", "claims", "evidence", "sources", "language", "document_ids"]
    body = client.get("/api/events", params={"limit": 1000, "fields": ",".join(fields)}).json()
    assert body["next"] is None
    assert [list(e) for e in body["events"]] == [fields] * len(records)  # in the order asked
    assert body["events"] == [{name: r[name] for name in fields} for r in records]  # columns and record alike
    every = client.get("/api/events", params={"limit": 1000, "fields": ",".join(RECORD_FIELDS)}).json()["events"]
    assert every == records
    assert any(e["claims"] for e in body["events"]) and any(e["language"] for e in body["events"])

    narrowed, url, params = [], "/api/events", {"limit": 1, "fields": " id , id,event_date"}
    while True:  # pages of narrowed records follow the same cursor as whole ones
        page = client.get(url, params=params).json()
        assert all(list(e) == ["id", "event_date"] for e in page["events"])  # spaces and repeats dropped
        narrowed += page["events"]
        if not page["next"]:
            break
        params = {**params, "cursor": page["next"]}
    assert narrowed == [{"id": r["id"], "event_date": r["event_date"]} for r in records]
    # Pages of narrowed records may be ten times larger (the map page loads its events in one; read off the
    # event loop); whole records stay at most 1000 a page.
    big = client.get(url, params={"limit": 10000, "fields": "id"}).json()
    assert big["events"] == [{"id": r["id"]} for r in records] and big["next"] is None
    error = assert_error(client.get(url, params={"limit": 1001}), 422)
    assert "1000" in error["message"] and "10000 with fields" in error["message"]
    uk = client.get(url, params={"language": "uk", "fields": "id,language"}).json()["events"]
    assert uk and all("uk" in e["language"].split("|") for e in uk)  # with the filters as ever
    wanted_json = client.get(url, params={"fields": "id"}, headers={"Accept": "application/json"})
    assert wanted_json.status_code == 200
    error = assert_error(client.get(url, params={"fields": "id"}, headers={"Accept": "text/csv"}), 422)
    assert error["details"][0]["location"] == "query.fields" and "JSON" in error["message"]
    error = assert_error(client.get(url, params={"fields": "id,passage"}), 422)
    assert "passage" in error["message"] and "latitude" in error["message"]  # the fields there are


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/events/ev-nothing", 404),
        ("get", "/api/documents/nothing", 404),
        ("get", "/api/nothing", 404),
        ("get", "/api/events?bbox=1,2,3", 422),
        ("get", "/api/events?bbox=0,10,1,5", 422),
        ("get", "/api/events?bbox=a,b,c,d", 422),
        ("get", "/api/events?limit=0", 422),
        ("get", "/api/events?limit=1001", 422),
        ("get", "/api/events?limit=10001&fields=id", 422),
        ("get", "/api/events?since=yesterday", 422),
        ("get", "/api/events?verification=maybe", 422),
        ("get", "/api/events?format=xml", 422),
        ("get", "/api/events?language=klingon", 422),
        ("get", "/api/events?cursor=not-a-cursor", 422),
        ("get", "/api/events?fields=id,nothing", 422),
        ("get", "/api/events?fields=,", 422),
        ("get", "/api/events?fields=id&format=csv", 422),
        ("get", "/api/events?fields=id&format=geojson", 422),
        ("delete", "/api/events", 405),
        ("post", "/api/documents", 401),
    ],
)
def test_every_error_has_one_shape(client, method, url, status):
    error = assert_error(getattr(client, method)(url), status)
    if status == 422 and "limit" in url:
        assert "limit" in error["message"] and error["details"][0]["location"] == "query.limit"


def test_the_openapi_schema(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/documents", "/api/documents/{document_id}"} <= set(schema["paths"])
    assert "Error" in schema["components"]["schemas"]
    listing = schema["paths"]["/api/events"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {
        "bbox", "since", "until", "country", "admin1", "event_type", "sub_event_type", "verification", "source",
        "limit", "cursor", "format", "fields",
    }
    assert listing["responses"]["422"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}


def test_city_names_for_the_map_come_by_box_the_largest_first(client):
    cities = client.get("/api/cities", params={"bbox": "30,44,40,52", "min_population": 300000}).json()["cities"]
    names = [city["name"] for city in cities]
    assert names[:2] == ["Kyiv", "Kharkiv"] and "Donetsk" in names  # GeoNames' spellings, most populous first
    assert [c["population"] for c in cities] == sorted((c["population"] for c in cities), reverse=True)
    assert all(30 <= c["longitude"] <= 40 and 44 <= c["latitude"] <= 52 and c["population"] >= 300000 for c in cities)
    across = client.get("/api/cities", params={"bbox": "170,60,-170,70", "min_population": 15000}).json()["cities"]
    assert "Anadyr" in [city["name"] for city in across]  # a box across the antimeridian
    assert len(client.get("/api/cities", params={"bbox": "-180,-90,180,90", "limit": 7}).json()["cities"]) == 7
    assert_error(client.get("/api/cities", params={"bbox": "30,44,40"}), 422)
    assert_error(client.get("/api/cities", params={"bbox": "30,44,40,52", "min_population": 10}), 422)


def test_city_names_are_read_from_the_small_table_of_big_cities(client, monkeypatch):
    """A first /api/cities reads 34,000 short rows, not the 235,000 long ones of cities500 (0.05 s, not 0.4)."""
    from contextlib import contextmanager

    from sitrep.api import cities
    from sitrep.geo import embedded

    opened = []
    read = embedded._data_text

    @contextmanager
    def recorded(name):
        opened.append(name)
        with read(name) as fh:
            yield fh

    monkeypatch.setattr(embedded, "_data_text", recorded)
    cities._cities.cache_clear()
    try:
        found = client.get("/api/cities", params={"bbox": "30,44,40,52", "min_population": 300000}).json()["cities"]
    finally:
        cities._cities.cache_clear()
    assert [city["name"] for city in found][:2] == ["Kyiv", "Kharkiv"]
    assert opened == [embedded.MAP_CITIES_FILE]


def test_the_page_and_its_assets(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    config = client.get("/api/config").json()
    assert (config["tiles"], config["tile_attribution"], config["read_only"]) == (None, None, False)
    # the page's choice lists: ACLED's six event types, each with its sub-event types
    assert list(config["event_types"]) == [
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments",
    ]
    assert "Air/drone strike" in config["event_types"]["Explosions/Remote violence"]
    assert sum(len(subs) for subs in config["event_types"].values()) == 25


# Ingest through the API: a fresh database on each engine, since it writes.

DOC = {
    "id": "api-1",
    "text": "Shelling hit Horlivka in the Donetsk region on March 3, the city mayor said on Telegram.",
    "published": "2024-03-03",
    "source": "Posted Outlet",
}


def test_posting_documents_needs_the_token(db_target, embedded_gazetteer):
    with TestClient(create_app(ServeConfig(db=db_target, token=TOKEN))) as client:
        assert_error(client.post("/api/documents", json=DOC), 401)
        assert_error(client.post("/api/documents", json=DOC, headers={"Authorization": "Bearer wrong"}), 401)
        assert_error(client.post("/api/documents", json={"no": "text"}), 401)  # the token is checked first
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert_error(client.post("/api/documents", json={"id": "x", "text": 5}, headers=auth), 422)
        assert_error(client.post("/api/documents", json={"id": "x", "text": "t", "published": "soon"}, headers=auth), 422)
        created = client.post("/api/documents", json=[DOC], headers=auth)
        assert created.status_code == 201, created.text
        summary = created.json()
        assert summary["documents"] == 1 and summary["events_changed"] >= 1 and summary["document_ids"] == ["api-1"]
        assert client.get("/api/documents/api-1").json()["text"] == DOC["text"]
        (event,) = client.get("/api/events", params={"source": "Posted Outlet"}).json()["events"]
        assert event["document_ids"] == ["api-1"]
        again = client.post("/api/documents", json=DOC, headers=auth).json()
        assert again["documents"] == 0 and again["unchanged"] == 1


def test_a_hostile_document_is_stored_or_a_clear_4xx_never_a_500(db_target, embedded_gazetteer):
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    with TestClient(create_app(ServeConfig(db=db_target, token=TOKEN)), raise_server_exceptions=False) as client:
        deep = '{"id": "deep", "text": "x", "extra": ' + "[" * 5_000 + "]" * 5_000 + "}"
        error = assert_error(client.post("/api/documents", content=deep, headers=auth), 422)
        assert "JSON nested too deeply to read (over about 1,000 levels)" in error["message"]
        hostile = [
            {"id": "surrogate\ud800", "text": "Shelling hit Horlivka \ud800 in the Donetsk region on March 3."},
            {"id": "digits", "text": "Shelling killed " + "1" * 5_000 + " people in Horlivka on March 3."},
        ]
        created = client.post("/api/documents", content=json.dumps(hostile), headers=auth)  # "\ud800" escaped
        assert created.status_code == 201, created.text
        assert created.json()["document_ids"] == ["surrogate\ufffd", "digits"]
        assert client.get("/api/documents/surrogate\ufffd").json()["text"].startswith("Shelling hit Horlivka \ufffd")


def test_without_a_token_the_server_is_read_only(db_target, monkeypatch):
    monkeypatch.delenv("SITREP_API_TOKEN", raising=False)
    with TestClient(create_app(ServeConfig.from_env(db=db_target))) as client:
        assert client.get("/api/config").json()["read_only"] is True
        error = assert_error(client.post("/api/documents", json=DOC, headers={"Authorization": "Bearer x"}), 401)
        assert "read-only" in error["message"]


# Issue 16, item 8: the token before the body, and a limit to the body.


def test_the_token_is_checked_before_the_body_is_read(tmp_path):
    pulled = []

    def body():
        for _ in range(50):
            pulled.append(1)
            yield b"x" * 1_000_000

    with TestClient(create_app(ServeConfig(db=str(tmp_path / "events.db"), token=TOKEN))) as client:
        assert_error(client.post("/api/documents", content=body()), 401)
        assert pulled == []  # not a byte read
        # A malformed body without the token is unauthorised, not invalid.
        assert_error(client.post("/api/documents", content=b"{not json", headers={"Content-Type": "application/json"}), 401)
        assert_error(client.post("/api/documents", content=b"{not json", headers={"Authorization": "Bearer wrong"}), 401)
        error = assert_error(client.post("/api/documents", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}"}), 422)
        assert error["message"].startswith("body: invalid JSON")


def test_a_body_over_the_limit_is_refused(tmp_path):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    config = ServeConfig(db=str(tmp_path / "events.db"), token=TOKEN, max_body_bytes=2_000)
    large = [{**DOC, "id": f"big-{n}"} for n in range(30)]
    with TestClient(create_app(config)) as client:
        error = assert_error(client.post("/api/documents", json=large, headers=auth), 413)  # by its Content-Length
        assert "limit of 2,000 bytes" in error["message"] and error["code"] == "too_large"
        chunked = (json.dumps(large)[i : i + 500].encode() for i in range(0, len(json.dumps(large)), 500))
        assert_error(client.post("/api/documents", content=chunked, headers=auth), 413)  # no Content-Length
        assert_error(client.post("/api/documents", json=large), 401)  # the token first, even then


def test_the_default_limit_is_documented_and_configurable(monkeypatch):
    assert ServeConfig.from_env(db="x").max_body_bytes == 10_000_000
    monkeypatch.setenv("SITREP_API_MAX_BODY_BYTES", "5000")
    assert ServeConfig.from_env(db="x").max_body_bytes == 5000
    assert ServeConfig.from_env(db="x", max_body_bytes=7).max_body_bytes == 7


@pytest.mark.parametrize("bad_id", [True, 5, 1.5, ["a"], {"a": 1}])
def test_an_id_must_be_a_string(tmp_path, bad_id):
    """Issue 16, item 9: `"id": true` was stored as the document "1"."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(ServeConfig(db=str(tmp_path / "events.db"), token=TOKEN))) as client:
        error = assert_error(client.post("/api/documents", json={**DOC, "id": bad_id}, headers=auth), 422)
        assert error["details"][0]["location"].startswith("body.id")
        assert_error(client.get("/api/documents/1"), 404)
        assert_error(client.get("/api/documents/True"), 404)


@pytest.mark.parametrize("document_id", ["reuters/2024/12/31-strike", "a/../b", "trailing/", "100% sure?#x"])
def test_any_document_id_round_trips_through_the_url(tmp_path, embedded_gazetteer, document_id):
    """Issue 16, item 9: an id holding "/" could not be fetched, so the map's link to the document broke."""
    from urllib.parse import quote

    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(ServeConfig(db=str(tmp_path / "events.db"), token=TOKEN))) as client:
        assert client.post("/api/documents", json={**DOC, "id": document_id}, headers=auth).status_code == 201
        body = client.get("/api/documents/" + quote(document_id, safe="")).json()  # as the page's encodeURIComponent
        assert body["id"] == document_id and body["text"] == DOC["text"] and body["spans"]
        assert_error(client.get("/api/documents/" + quote(document_id + "x", safe="")), 404)


def test_every_response_carries_the_security_headers(tmp_path):
    with TestClient(create_app(ServeConfig(db=str(tmp_path / "events.db"), token=TOKEN, max_body_bytes=10))) as client:
        responses = [
            client.get("/"), client.get("/static/app.js"), client.get("/api/events"), client.get("/api/events?format=csv"),
            client.get("/openapi.json"), client.get("/api/documents/nothing"), client.get("/api/events?limit=0"),
            client.delete("/api/events"), client.post("/api/documents", json=DOC),
            client.post("/api/documents", json=DOC, headers={"Authorization": f"Bearer {TOKEN}"}),
        ]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 200, 404, 422, 405, 401, 413]
    for response in responses:
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert response.headers["x-content-type-options"] == "nosniff" and response.headers["content-security-policy"]
