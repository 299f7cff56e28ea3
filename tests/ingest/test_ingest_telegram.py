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


def ukrainian_channel_export() -> dict:
    """A Ukrainian regional channel as Telegram Desktop exports it: formatting entities, an edited post and a
    post forwarded from the air force's channel (texts written for this test)."""
    return {
        "name": "Сумська ОВА", "type": "public_channel", "id": 555, "username": "sumy_ova",
        "messages": [
            {"id": 10, "type": "message", "date": "2024-08-14T08:02:00", "edited": "2024-08-14T09:30:00",
             "text": ["Вночі росіяни атакували ", {"type": "bold", "text": "Конотоп"},
                      " дронами. Загинула одна людина, ще троє поранені. ",
                      {"type": "hashtag", "text": "#Сумщина"}]},
            {"id": 11, "type": "message", "date": "2024-08-14T10:15:00", "forwarded_from": "Повітряні сили ЗСУ",
             "text": "Над Сумщиною вночі збили 5 ударних БпЛА."},
            {"id": 12, "type": "service", "date": "2024-08-14T11:00:00", "action": "pin_message"},
        ],
    }


def test_a_cyrillic_channel_export_reads_end_to_end(tmp_path, embedded_gazetteer_path):
    from sitrep.geo import Gazetteer
    from sitrep.pipeline import Pipeline

    path = write_json(tmp_path / "result.json", ukrainian_channel_export())
    edited, forwarded = list(read_documents([path]))
    assert edited.text.startswith("Вночі росіяни атакували Конотоп дронами") and edited.source == "Сумська ОВА"
    assert edited.published == date(2024, 8, 14) and edited.url == "https://t.me/sumy_ova/10"
    # the air force's post passed on by the region: the air force's report, not a second source
    assert forwarded.source == "Повітряні сили ЗСУ" and forwarded.title == "forwarded by Сумська ОВА"

    pipeline = Pipeline(Gazetteer.open(embedded_gazetteer_path, progress=False))
    [strike] = pipeline.read(edited).mentions
    assert (strike.place.name, strike.sub_event_type, strike.fatalities) == ("Konotop", "Air/drone strike", 1)
    [interception] = pipeline.read(forwarded).mentions
    assert interception.sub_event_type == "Disrupted weapons use" and interception.place.admin1 == "Sumy Oblast"
