from datetime import date

import pytest
from ingest_fixtures import telegram_export, write_json

from sitrep.errors import InputError
from sitrep.ingest import read_documents
from sitrep.model import Document


def test_text_messages_become_documents(tmp_path):
    path = write_json(tmp_path / "result.json", telegram_export())

    docs = list(read_documents([path], source="ignored"))

    assert docs == [
        Document(
            id="telegram-1234567890-5",
            text="Drone attack on Yartsevo overnight.",
            published=date(2024, 12, 31),
            source="Smolensk Governor",
            kind="telegram",
        ),
        Document(
            id="telegram-1234567890-7",
            text="No casualties reported.",
            published=date(2025, 1, 1),
            source="Smolensk Governor",
            kind="telegram",
        ),
    ]


def test_url_needs_a_username(tmp_path):
    path = write_json(tmp_path / "result.json", telegram_export(username="smolensk_gov"))

    assert [doc.url for doc in read_documents([path])] == [
        "https://t.me/smolensk_gov/5",
        "https://t.me/smolensk_gov/7",
    ]


@pytest.mark.parametrize(
    ("export", "what"),
    [
        ([1, 2, 3], "top level is a list, not an object"),
        ({"name": "x", "id": 1}, "no 'messages' list"),
        ({"name": "x", "id": 1, "messages": {"1": {}}}, "no 'messages' list"),
        ({"name": "x", "id": 1, "messages": ["hello"]}, "messages[0] is a str, not an object"),
        ({"name": "x", "messages": []}, "no channel 'id'"),
    ],
)
def test_wrong_shape_is_one_error(tmp_path, export, what):
    path = write_json(tmp_path / "result.json", export)

    [error] = list(read_documents([path]))

    assert isinstance(error, InputError)
    assert str(error) == f"{path}: not a Telegram Desktop export: {what}"


def test_invalid_json_is_an_error(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"messages": [')

    [error] = list(read_documents([path]))

    assert error.problem.startswith("invalid JSON: ")


def test_json_nested_too_deeply_is_one_error(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{"name": "x", "id": 1, "messages": ' + "[" * 5_000 + "]" * 5_000 + "}")

    [error] = list(read_documents([path]))

    assert str(error) == f"{path}: invalid JSON: JSON nested too deeply to read (over about 1,000 levels)"
