from datetime import date

from ingest_fixtures import write_jsonl

from sitrep.errors import InputError
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
