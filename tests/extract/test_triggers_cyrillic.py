"""Russian and Ukrainian trigger words (event_triggers.yaml): ACLED's types in English, evidence as written.
Sentences written for these tests."""

import pytest

from sitrep.clean import segment
from sitrep.extractors.short_reports import short_report_labels
from sitrep.extractors.triggers import find_trigger


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Над Вінницею сили ППО збили три ворожі дрони", "Disrupted weapons use"),
        ("Ночью над Курском сбиты два беспилотника", "Disrupted weapons use"),
        ("Ворог завдав ракетного удару по Кременчуку", "Shelling/artillery/missile attack"),
        ("Армия обстреляла окраины Херсона из артиллерии", "Shelling/artillery/missile attack"),
        ("Безпілотники атакували нафтобазу під Ровеньками", "Air/drone strike"),
        ("У Шостці пролунали вибухи", "Remote explosive/landmine/IED"),
        ("Запеклі бої точаться біля Мар'їнки", "Armed clash"),
        ("Десантники звільнили ще два села на Херсонщині", "Government regains territory"),
        ("Внаслідок ДТП двоє людей загинули", "Attack"),  # a death, its kind only guessed
    ],
)
def test_russian_and_ukrainian_triggers(sentence, sub_event_type):
    trigger = find_trigger(sentence)
    assert trigger is not None and trigger.sub_event_type == sub_event_type
    assert sentence[trigger.evidence.start:trigger.evidence.end] == trigger.evidence.quote


def test_a_cyrillic_short_report_is_typed_by_the_rules():
    labels = short_report_labels([segment("У Шостці пролунали вибухи"), segment("Мер Шостки провів нараду")])
    assert labels == ["Remote explosive/landmine/IED", "none"]
