import json
from datetime import date

import pytest
from ingest_fixtures import write_jsonl

from sitrep.errors import InputError, InputWarning
from sitrep.ingest import read_documents
from sitrep.model import Document


def test_each_line_becomes_a_document(tmp_path):
    path = write_jsonl(
        tmp_path / "batch.jsonl",
        [
            {
                "id": "doc-1",
                "url": "https://example.com/1",
                "title": "Depot hit",
                "published": "2024-12-31",
                "source": "Example News",
                "text": "A drone hit a depot.\r\nFire broke out.",
            },
            {"text": "No id, no date.", "published": None},
            {"id": 17, "text": "Numeric id.", "published": "2024-12-31T08:00:00Z"},
        ],
    )

    docs = list(read_documents([path], published=date(2020, 1, 1), source="fallback"))

    assert docs == [
        Document(
            id="doc-1",
            text="A drone hit a depot.\r\nFire broke out.",  # verbatim: gold offsets point into it
            published=date(2024, 12, 31),
            source="Example News",
            url="https://example.com/1",
            title="Depot hit",
            kind="jsonl",
        ),
        Document(id="batch-2", text="No id, no date.", published=date(2020, 1, 1), source="fallback", kind="jsonl"),
        Document(id="17", text="Numeric id.", published=date(2024, 12, 31), source="fallback", kind="jsonl"),
    ]


def test_bad_lines_are_errors_and_good_lines_go_on(tmp_path):
    path = write_jsonl(
        tmp_path / "mixed.ndjson",
        [
            {"id": "a", "text": "First."},
            '{"id": "b", "text": "unterminated',
            "",
            '["not", "an", "object"]',
            {"id": "c", "text": "   "},
            {"id": "d", "text": "Bad date.", "published": "last Tuesday"},
            {"id": "a", "text": "Duplicate id."},
            {"id": "e", "text": "Last."},
        ],
    )

    items = list(read_documents([path]))

    assert [item.id for item in items if isinstance(item, Document)] == ["a", "e"]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [(e.line, e.problem.split(":")[0]) for e in errors] == [
        (2, "invalid JSON"),
        (4, "expected a JSON object, got list"),
        (5, "no 'text' (a non-empty string is required)"),
        (6, "field 'published'"),
        (7, "duplicate id 'a' (first on line 1)"),
    ]
    assert str(errors[0]).startswith(f"{path}:2: invalid JSON: ")


def test_empty_jsonl_file_is_an_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n")

    [error] = list(read_documents([path]))

    assert isinstance(error, InputError) and error.problem == "empty file"


def test_json_nested_too_deeply_is_an_error_on_its_line(tmp_path):
    deep = '{"id": "deep", "text": "x", "extra": ' + "[" * 5_000 + "]" * 5_000 + "}"
    path = write_jsonl(tmp_path / "batch.jsonl", [{"id": "a", "text": "First."}, deep, {"id": "b", "text": "Last."}])

    items = list(read_documents([path]))

    assert [item.id for item in items if isinstance(item, Document)] == ["a", "b"]
    [error] = [item for item in items if isinstance(item, InputError)]
    assert str(error) == f"{path}:2: invalid JSON: JSON nested too deeply to read (over about 1,000 levels)"


def test_lone_surrogates_are_replaced_one_for_one(tmp_path):
    # a JSON writer escapes a lone surrogate ("\ud800"); UTF-8 cannot encode it, so it could be neither
    # hashed nor stored: it becomes U+FFFD, and the offsets of what follows it hold
    path = write_jsonl(tmp_path / "batch.jsonl", ['{"id": "s\\ud800", "text": "Shelling \\udc80hit Kharkiv.", "source": "\\ud83d"}'])

    [document] = list(read_documents([path]))

    assert (document.id, document.text, document.source) == ("s\ufffd", "Shelling \ufffdhit Kharkiv.", "\ufffd")
    assert document.hash
    assert Document(id="x", text="emoji \U0001f600 kept, lone \ud800 not").text == "emoji \U0001f600 kept, lone \ufffd not"


def test_a_stray_byte_spoils_one_line_named_not_the_file(tmp_path):
    """Issue 16: one 0xFF byte on one line used to reject every line of the file, with no line number."""
    lines = [
        json.dumps({"id": f"n{number}", "text": f"Kharkiv’s mayor reported shelling, report {number}."},
                   ensure_ascii=False).encode("utf-8")
        for number in range(1, 6)
    ]
    lines[2] = lines[2].replace(b"mayor", b"ma\xffyor")  # a stray byte inside line 3's text
    lines[3] = b'{"id": "n4", "text": "' + bytes(range(0x80, 0x100)) * 2 + b'"}'  # line 4 is no text at all
    path = tmp_path / "damaged.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    items = list(read_documents([path]))

    docs = {item.id: item.text for item in items if isinstance(item, Document)}
    assert list(docs) == ["n1", "n2", "n3", "n5"]
    assert docs["n1"] == "Kharkiv’s mayor reported shelling, report 1."  # UTF-8, never cp1251 mojibake
    assert docs["n3"] == "Kharkiv’s ma\ufffdyor reported shelling, report 3."
    (warning,) = [item for item in items if isinstance(item, InputWarning)]
    assert (warning.path, warning.line) == (str(path), 3) and "1 stray byte replaced" in warning.problem
    (error,) = [item for item in items if type(item) is InputError]
    assert (error.line, error.problem) == (4, "not UTF-8 text (looks like binary/unknown encoding)")
    assert str(error).startswith(f"{path}:4: ")


def test_a_cp1251_line_among_utf8_lines_is_read_as_russian(tmp_path):
    russian = "Беспилотник атаковал нефтебазу в Смоленской области"
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        json.dumps({"id": "en", "text": "Kharkiv’s mayor spoke."}, ensure_ascii=False).encode("utf-8") + b"\n"
        + json.dumps({"id": "ru", "text": russian}, ensure_ascii=False).encode("cp1251") + b"\n"
    )

    items = list(read_documents([path]))

    assert [(item.id, item.text) for item in items] == [("en", "Kharkiv’s mayor spoke."), ("ru", russian)]


def test_a_large_jsonl_file_is_read_line_by_line(tmp_path, monkeypatch):
    """The reader never holds the file: reading it whole (read_bytes, read_text) fails here."""
    import pathlib

    path = write_jsonl(tmp_path / "big.jsonl", [{"id": f"d{n}", "text": f"Text {n}."} for n in range(2000)])
    for name in ("read_bytes", "read_text"):
        monkeypatch.setattr(pathlib.Path, name, lambda self, *a, **k: pytest.fail("the whole file was read"))

    documents = read_documents([path])

    assert next(documents).id == "d0"
    assert sum(1 for _ in documents) == 1999


def test_a_duplicate_id_is_named_with_its_first_line_however_many_lines_come_between(tmp_path, monkeypatch):
    from sitrep.ingest.common import FirstSeen

    monkeypatch.setattr(FirstSeen, "_RECENT", 3)  # ids leave the dict for the sorted arrays every three lines
    rows = [{"id": f"doc-{n}", "text": f"Report {n}."} for n in range(10)]
    rows += [{"id": "doc-1", "text": "Again."}, {"id": "doc-8", "text": "Again."}, {"id": "doc-10", "text": "New."}]
    items = list(read_documents([write_jsonl(tmp_path / "many.jsonl", rows)]))

    assert [item.id for item in items if isinstance(item, Document)] == [f"doc-{n}" for n in range(11)]
    assert [(e.line, e.problem) for e in items if isinstance(e, InputError)] == [
        (11, "duplicate id 'doc-1' (first on line 2)"), (12, "duplicate id 'doc-8' (first on line 9)"),
    ]


def test_first_seen_keeps_each_ids_first_line_in_and_out_of_its_arrays(monkeypatch):
    from sitrep.ingest.common import FirstSeen

    monkeypatch.setattr(FirstSeen, "_RECENT", 4)
    seen = FirstSeen()
    for line in range(1, 11):
        assert seen.get(f"id {line}") is None
        seen.add(f"id {line}", line)
    assert [seen.get(f"id {line}") for line in range(1, 11)] == list(range(1, 11))
    assert seen.get("id 11") is None and seen.get("\ud800") is None  # a lone surrogate is an id like any other
