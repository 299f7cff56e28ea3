"""The WikiEvents scorer on tiny articles built here: text rebuilt from token offsets, attack matching, actors."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from sitrep.evaluation import evaluate_files, format_report
from sitrep.evaluation.wikievents import (
    actor_matches,
    is_wikievents,
    load_wikievents,
    rebuild_text,
    score_wikievents,
)
from sitrep.model import Event, Evidence, Mention


def article(doc_id: str = "w1") -> dict:
    """Two sentences: "Russian forces shelled Kharkiv ." / "Rebels bombed a school ." (token offsets given)."""
    s1 = [["Russian", 0, 7], ["forces", 8, 14], ["shelled", 15, 22], ["Kharkiv", 23, 30], [".", 30, 31]]
    s2 = [["Rebels", 32, 38], ["bombed", 39, 45], ["a", 46, 47], ["school", 48, 54], [".", 54, 55]]
    return {
        "doc_id": doc_id,
        "tokens": [t[0] for t in s1 + s2],
        "sentences": [[s1, "Russian forces shelled Kharkiv."], [s2, "Rebels bombed a school."]],
        "entity_mentions": [
            {"id": f"{doc_id}-T1", "sent_idx": 0, "start": 0, "end": 2, "text": "Russian forces"},
            {"id": f"{doc_id}-T2", "sent_idx": 0, "start": 3, "end": 4, "text": "Kharkiv"},
            {"id": f"{doc_id}-T3", "sent_idx": 1, "start": 5, "end": 6, "text": "Rebels"},
            {"id": f"{doc_id}-T4", "sent_idx": 1, "start": 8, "end": 9, "text": "school"},
        ],
        "event_mentions": [
            {"id": f"{doc_id}-E1", "event_type": "Conflict.Attack.Unspecified",
             "trigger": {"start": 2, "end": 3, "text": "shelled", "sent_idx": 0},
             "arguments": [{"entity_id": f"{doc_id}-T1", "role": "Attacker", "text": "Russian forces"},
                           {"entity_id": f"{doc_id}-T2", "role": "Place", "text": "Kharkiv"}]},
            {"id": f"{doc_id}-E2", "event_type": "Conflict.Attack.DetonateExplode",
             "trigger": {"start": 6, "end": 7, "text": "bombed", "sent_idx": 1},
             "arguments": [{"entity_id": f"{doc_id}-T3", "role": "Attacker", "text": "Rebels"},
                           {"entity_id": f"{doc_id}-T4", "role": "Target", "text": "school"}]},
            {"id": f"{doc_id}-E3", "event_type": "Life.Die.Unspecified",
             "trigger": {"start": 2, "end": 3, "text": "shelled", "sent_idx": 0}, "arguments": []},
        ],
    }


def predicted(eid: str, doc_id: str, span: tuple[int, int], etype: str = "Explosions/Remote violence",
              actor1: str | None = None, actor2: str | None = None, target: str | None = None) -> Event:
    mention = Mention(document_id=doc_id, event_type=etype, sub_event_type="x", sentence_start=span[0],
                      sentence_end=span[1], actor1=actor1, actor2=actor2, target=target)
    return Event(id=eid, event_type=etype, sub_event_type="x", mentions=(mention,), actor1=actor1, actor2=actor2,
                 target=target)


@pytest.fixture
def wiki_file(tmp_path):
    path = tmp_path / "wikievents_dev.jsonl"
    path.write_text(json.dumps(article()) + "\n", encoding="utf-8")
    return path


def test_text_is_rebuilt_at_the_token_offsets(wiki_file):
    text, _, sentences = rebuild_text(article())
    assert text == "Russian forces shelled Kharkiv.\nRebels bombed a school."
    assert sentences == [(0, 31), (32, 55)]
    doc = load_wikievents(wiki_file)[0]
    assert [a.id for a in doc.attacks] == ["w1-E1", "w1-E2"]  # only Conflict.Attack.*
    first, second = doc.attacks
    assert doc.document.text[slice(*first.trigger_span)] == "shelled"
    assert second.sentence_span == (32, 55) and second.targets == (("school",),)
    assert is_wikievents(wiki_file)


def test_text_without_offsets_joins_tokens():
    item = {"doc_id": "x", "tokens": ["A", "bomb", "exploded", "."], "sentences": [[["A", "bomb", "exploded", "."], "s"]]}
    text, tokens, sentences = rebuild_text(item)
    assert text == "A bomb exploded ." and tokens[2] == (7, 15) and sentences == [(0, 17)]


@pytest.mark.parametrize(
    ("gold", "actor", "same"),
    [
        ("Russian forces", "Military Forces of Russia (2000-)", True),
        ("Ukrainian forces", "Military Forces of Russia (2000-)", False),
        ("soldiers", "Military Forces of Iraq (2014-)", True),
        ("civilians", "Civilians (Syria)", True),
        ("Islamic State", "Islamic State (Syria)", True),
        ("gunmen", "Unidentified Armed Group (Nigeria)", True),
        ("school", "Civilians (Syria)", False),
        ("Rebels", None, False),
        ("IRA", "IRA's Belfast brigade", True),  # a possessive names its owner
        ("IRA", "Iranian forces", False),
    ],
)
def test_actor_matches(gold, actor, same):
    assert actor_matches(gold, actor) is same


def test_attacks_matched_one_to_one_by_sentence_with_actors(wiki_file):
    docs = load_wikievents(wiki_file)
    events = [
        predicted("p1", "w1", (0, 31), etype="Battles", actor1="Military Forces of Russia (2000-)"),
        predicted("p2", "w1", (32, 55), actor1="Rebels (Ukraine)", target="a school"),
        predicted("p3", "w1", (32, 55)),  # an extra copy earns nothing
        predicted("p4", "w1", (0, 31), etype="Protests"),  # not an attack type: ignored
        predicted("p5", "other", (0, 31)),  # another document: ignored
    ]
    s = score_wikievents(docs, events)
    assert s["attack_found"] == {"score": 1.0, "n": 2}
    assert s["attacker_found"] == {"score": 1.0, "n": 2}
    assert s["target_found"] == {"score": 1.0, "n": 1}
    assert s["event_precision"] == {"score": 2 / 3, "n": 3}
    one = score_wikievents(docs, [predicted("p1", "w1", (0, 40), actor1="Civilians (Ukraine)")])
    assert one["attack_found"] == {"score": 0.5, "n": 2}  # the sentence span covers both: one event, one match
    assert one["attacker_found"] == {"score": 0.0, "n": 2}


def test_evaluate_files_scores_wikievents_instead_of_skipping(wiki_file, monkeypatch):
    from sitrep.evaluation import run

    monkeypatch.setattr(run, "predict_with_held", lambda rows, pipeline, extra=(): ([
        predicted("p1", "w1", (0, 31), actor1="Military Forces of Russia (2000-)")], []))
    result = evaluate_files([wiki_file], pipeline=object(), errors_per_field=2)
    s = result["datasets"]["wikievents"]
    assert s["attack_found"]["score"] == 0.5 and s["attacker_found"]["score"] == 0.5
    assert {"attack_found", "attacker_found", "target_found", "event_precision"} <= set(s)
    assert result["errors"]["wikievents/attack"][0]["id"] == "w1-E2"
    assert "wikievents" in format_report(result)


def test_every_word_that_names_an_event_can_match_one_gold_mention(wiki_file):
    """One event named in both sentences ("shelled", later "bombed") matches both gold mentions, one word each;
    a word outside a gold trigger's sentence matches nothing."""
    docs = load_wikievents(wiki_file)
    event = predicted("p1", "w1", (0, 31), actor1="Military Forces of Russia (2000-)")
    named_twice = replace(event.mentions[0], references=(Evidence(15, 22, "shelled"), Evidence(39, 45, "bombed")))
    s = score_wikievents(docs, [replace(event, mentions=(named_twice,))])
    assert s["attack_found"] == {"score": 1.0, "n": 2}
    assert s["mention_precision"] == {"score": 1.0, "n": 2}
    assert s["event_precision"] == {"score": 1.0, "n": 1}
    named_once = replace(event.mentions[0], references=(Evidence(15, 22, "shelled"),))
    s = score_wikievents(docs, [replace(event, mentions=(named_once,))])
    assert s["attack_found"] == {"score": 0.5, "n": 2}
