"""WikiEvents (KAIROS ontology) as gold: were the attacks, their attackers and their targets found?

A WikiEvents line is one article: `tokens`, `sentences` (tokens with character offsets), `entity_mentions` and
`event_mentions` whose token indices count over the whole document. The document given to the pipeline is
rebuilt from the sentences, every token at its own character offset (the gaps between sentences become line
breaks), so a gold trigger's sentence is a character span of the very text the pipeline reads.

Scoring (README, "How scores are counted", applied to articles). WikiEvents codes every mention of an attack
(a trigger word: "the bombing", later "the explosion"), where sitrep makes one event per attack and keeps
every word of the article that names it (`Mention.references`). So attacks are matched as mentions:
- `attack_found`: gold `Conflict.Attack.*` mentions matched one-to-one to the words that name predicted events
  of type Battles, Explosions/Remote violence or Violence against civilians: a word in the gold trigger's
  sentence, the trigger itself first, then the one whose event agrees on the arguments, then the closest.
  A mention without references stands for its sentence.
- `attacker_found` / `target_found`: over every gold attack with an Attacker (Target) argument; right when the
  matched event's actor1 (actor2 or target) names the same party: a shared word (stem) that is not a generic
  word, and no clash of countries; a gold pronoun counts through its coreference cluster when the
  `*_coref_dev.jsonlines` file lies beside the gold file.
- `event_precision`: predicted attack-type events with a matched word / predicted attack-type events;
  `mention_precision`: matched words / words that name predicted attack-type events.
- Attacks are sought among every report sitrep reads, the events and the reports it holds back from the event
  table (background, unplaced, general statements: `sitrep.extractors.reportable`), for WikiEvents codes every
  mention of an attack, a bombing recalled decades later included; the two precisions are the event table's.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..extractors.mentions import VIOLENT_EVENT_TYPES
from ..model import Document, Event, Evidence
from .matching import greedy_one_to_one
from .scores import _figure

DATASET = "wikievents"


@dataclass(frozen=True)
class GoldAttack:
    id: str
    document_id: str
    trigger: str
    trigger_span: tuple[int, int]  # characters of the trigger in the rebuilt text
    sentence_span: tuple[int, int]  # characters of the trigger's sentence
    attackers: tuple[tuple[str, ...], ...] = ()  # per Attacker argument: its text and its coreferent names
    targets: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class WikiDoc:
    document: Document
    attacks: tuple[GoldAttack, ...] = field(default=())


def is_wikievents(path: Path) -> bool:
    """Whether the file's first line is a WikiEvents document rather than a gold event row."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                item = json.loads(line)
                return "documents" not in item and "doc_id" in item and ("tokens" in item or "sentences" in item)
    return False


def rebuild_text(item: dict[str, Any]) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """(text, character span of every token, character span of every sentence).

    With offsets in `sentences`, every token is put at its own offset (gaps inside a sentence are spaces,
    gaps between sentences line breaks); without them, tokens are joined with single spaces and sentences
    with line breaks.
    """
    sentences = item.get("sentences") or []
    token_spans: list[tuple[int, int]] = []
    sentence_spans: list[tuple[int, int]] = []
    with_offsets = bool(sentences) and all(len(t) >= 3 for s in sentences for t in s[0])
    if with_offsets:
        end = max((t[2] for s in sentences for t in s[0]), default=0)
        chars = [" "] * end
        previous_end = None
        for tokens, _ in sentences:
            if not tokens:
                continue
            start = tokens[0][1]
            if previous_end is not None and start > previous_end:
                chars[previous_end] = "\n"
            for word, a, b in tokens:
                chars[a:b] = list(word[: b - a].ljust(b - a))
                token_spans.append((a, b))
            sentence_spans.append((start, tokens[-1][2]))
            previous_end = tokens[-1][2]
        return "".join(chars), token_spans, sentence_spans
    groups = [[t[0] if isinstance(t, list) else t for t in s[0]] for s in sentences] or [item.get("tokens", [])]
    parts: list[str] = []
    position = 0
    for words in groups:
        start = position
        for k, word in enumerate(words):
            if k:
                parts.append(" ")
                position += 1
            token_spans.append((position, position + len(word)))
            parts.append(word)
            position += len(word)
        sentence_spans.append((start, position))
        parts.append("\n")
        position += 1
    return "".join(parts).rstrip("\n"), token_spans, sentence_spans


def _coref_path(path: Path) -> Path:
    return path.with_name(path.name.replace("_dev.jsonl", "_coref_dev.jsonlines"))


def load_wikievents(path: Path, limit: int | None = None, coref: Path | None = None) -> list[WikiDoc]:
    """The articles of a WikiEvents file with their gold Conflict.Attack.* mentions."""
    path = Path(path)
    clusters: dict[str, list[list[str]]] = {}
    coref = coref or _coref_path(path)
    if coref != path and coref.is_file():
        for line in coref.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                clusters[item["doc_key"]] = item.get("clusters", [])
    docs = []
    for line in [x for x in path.read_text(encoding="utf-8").splitlines() if x.strip()][:limit]:
        docs.append(_wiki_doc(json.loads(line), clusters))
    return docs


def _wiki_doc(item: dict[str, Any], clusters: dict[str, list[list[str]]]) -> WikiDoc:
    doc_id = item["doc_id"]
    text, token_spans, sentence_spans = rebuild_text(item)
    entities = {e["id"]: e for e in item.get("entity_mentions", [])}
    cluster_of: dict[str, list[str]] = {}
    for cluster in clusters.get(doc_id, []):
        for entity_id in cluster:
            cluster_of[entity_id] = cluster

    def names(argument: dict[str, Any]) -> tuple[str, ...]:
        entity_id = argument.get("entity_id", "")
        found = [argument.get("text") or entities.get(entity_id, {}).get("text", "")]
        for other in cluster_of.get(entity_id, []):
            name = entities.get(other, {}).get("text")
            if name and name not in found:
                found.append(name)
        return tuple(n for n in found if n)

    attacks = []
    for mention in item.get("event_mentions", []):
        if not mention.get("event_type", "").startswith("Conflict.Attack"):
            continue
        trigger = mention["trigger"]
        first, last = trigger["start"], max(trigger["end"] - 1, trigger["start"])
        if token_spans and last < len(token_spans):
            span = (token_spans[first][0], token_spans[last][1])
        else:
            span = (0, 0)
        sent_idx = trigger.get("sent_idx")
        if sent_idx is None or sent_idx >= len(sentence_spans):
            sent_idx = next((k for k, (a, b) in enumerate(sentence_spans) if a <= span[0] < b), 0)
        sentence = sentence_spans[sent_idx] if sentence_spans else (0, len(text))
        roles: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for argument in mention.get("arguments", []):
            roles[argument.get("role", "")].append(names(argument))
        attacks.append(GoldAttack(mention["id"], doc_id, trigger.get("text", ""), span, sentence,
                                  tuple(roles["Attacker"]), tuple(roles["Target"])))
    return WikiDoc(Document(id=doc_id, text=text, source="WikiEvents"), tuple(attacks))


# ---------------------------------------------------------------- does an ACLED actor name the gold party?

_WORD = re.compile(r"[^\W\d_]+")
_GENERIC = frozenset(
    "the a an of and or in on at to for by from with its their his her our this that these those "
    "unidentified unknown armed group groups forces force men man members member unit units "
    "some several many two three other others local state government".split()
)
_SYNONYMS = {
    "soldier": "military", "soldiers": "military", "troops": "military", "troop": "military", "army": "military",
    "servicemen": "military", "serviceman": "military", "military": "military",
    "policemen": "police", "policeman": "police", "officers": "police", "cops": "police",
    "militants": "rebels", "insurgents": "rebels", "rebels": "rebels", "fighters": "rebels", "jihadists": "rebels",
    "terrorists": "rebels", "gunmen": "rebels", "gunman": "rebels", "bombers": "rebels", "bomber": "rebels",
    "attackers": "rebels", "attacker": "rebels", "assailants": "rebels", "assailant": "rebels",
    "civilian": "civilians", "residents": "civilians", "villagers": "civilians", "passengers": "civilians",
    "people": "civilians", "person": "civilians", "persons": "civilians",
    "isis": "islamic", "isil": "islamic", "daesh": "islamic",
}
# demonyms and country names that the prefix rule below does not join
_COUNTRY = {
    "american": "usa", "americans": "usa", "us": "usa", "usa": "usa", "u": "usa", "america": "usa",
    "united": "usa", "british": "uk", "britain": "uk", "uk": "uk", "french": "france", "france": "france",
    "turkish": "turkey", "turkey": "turkey", "turks": "turkey", "dutch": "netherlands", "german": "germany",
    "germany": "germany", "chinese": "china", "china": "china", "israeli": "israel", "israel": "israel",
    "afghan": "afghanistan", "afghanistan": "afghanistan", "iraqi": "iraq", "iraq": "iraq",
    "syrian": "syria", "syria": "syria", "russian": "russia", "russia": "russia", "russians": "russia",
    "ukrainian": "ukraine", "ukraine": "ukraine", "ukrainians": "ukraine", "pakistani": "pakistan",
    "pakistan": "pakistan", "nigerian": "nigeria", "nigeria": "nigeria", "somali": "somalia", "somalia": "somalia",
    "yemeni": "yemen", "yemen": "yemen", "iranian": "iran", "iran": "iran", "libyan": "libya", "libya": "libya",
    "egyptian": "egypt", "egypt": "egypt", "indian": "india", "india": "india", "kenyan": "kenya", "kenya": "kenya",
    "malian": "mali", "mali": "mali", "filipino": "philippines", "philippine": "philippines",
    "philippines": "philippines", "lebanese": "lebanon", "lebanon": "lebanon", "palestinian": "palestine",
    "palestine": "palestine", "saudi": "saudi", "kurdish": "kurds", "kurds": "kurds", "kurd": "kurds",
}


def _words(text: str | None) -> list[str]:
    text = re.sub(r"\(\d{4}-?\d*\)", " ", text or "")  # ACLED's "(2000-)"
    text = re.sub(r"['’]s\b", " ", text)  # "IRA's Belfast brigade" names the IRA
    return [w for w in _WORD.findall(text.casefold().replace("’", "").replace("'", "")) if len(w) > 1 or w == "u"]


def _stem_match(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    common = 0
    for x, y in zip(short, long_):
        if x != y:
            break
        common += 1
    return len(short) >= 4 and common >= max(4, len(short) - 1) and len(long_) - common <= 4


def actor_matches(gold: str, predicted: str | None) -> bool:
    """Whether an ACLED actor string names the party of a gold argument text.

    "Russian forces" ~ "Military Forces of Russia (2000-)" (country), "civilians" ~ "Civilians (Syria)"
    (content word), "soldiers" ~ "Military Forces of Iraq" and "gunmen" ~ "Unidentified Armed Group" (synonyms);
    "Ukrainian forces" !~ "Military Forces of Russia" (clashing countries).
    """
    if not predicted or not gold:
        return False
    g_words, p_words = _words(gold), _words(predicted)
    g_countries = {_COUNTRY[w] for w in g_words if w in _COUNTRY}
    p_countries = {_COUNTRY[w] for w in p_words if w in _COUNTRY}
    if g_countries & p_countries:
        return True
    g_content = {_SYNONYMS.get(w, w) for w in g_words if w not in _GENERIC and w not in _COUNTRY}
    p_content = {_SYNONYMS.get(w, w) for w in p_words if w not in _GENERIC and w not in _COUNTRY}
    if "armed" in p_words and "group" in p_words:  # ACLED's "Unidentified Armed Group" are the gunmen, militants
        p_content.add("rebels")
    if g_countries and p_countries and not g_content & p_content:
        return False
    return any(_stem_match(g, p) for g in g_content for p in p_content)


def _any_match(gold_arguments: tuple[tuple[str, ...], ...], predicted: list[str | None]) -> bool:
    return any(actor_matches(name, p) for names in gold_arguments for name in names for p in predicted)


def _parties(event: Event, document_id: str) -> tuple[list[str | None], list[str | None]]:
    """(attacker strings, target strings) of a predicted event: the event's own and its mentions' in the doc."""
    mentions = [m for m in event.mentions if m.document_id == document_id]
    attackers = [event.actor1] + [m.actor1 for m in mentions]
    targets = [event.actor2, event.target] + [m.actor2 for m in mentions] + [m.target for m in mentions]
    return attackers, targets


def attacker_right(attack: GoldAttack, event: Event | None) -> bool:
    return event is not None and _any_match(attack.attackers, _parties(event, attack.document_id)[0])


def target_right(attack: GoldAttack, event: Event | None) -> bool:
    return event is not None and _any_match(attack.targets, _parties(event, attack.document_id)[1])


# ---------------------------------------------------------------- matching and scores


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def attack_events(doc: WikiDoc, events: list[Event]) -> list[Event]:
    return [e for e in events if e.event_type in VIOLENT_EVENT_TYPES and doc.document.id in e.document_ids]


def references(doc: WikiDoc, events: list[Event]) -> list[tuple[Event, Evidence]]:
    """(event, word) for every word of the article that a predicted attack event is named by."""
    return [
        (event, reference)
        for event in events
        for mention in event.mentions
        if mention.document_id == doc.document.id
        for reference in (mention.references or (Evidence(mention.sentence_start, mention.sentence_end, ""),))
    ]


def match_attacks(doc: WikiDoc, named: list[tuple[Event, Evidence]]) -> dict[int, tuple[Event, Evidence]]:
    """Gold attack index -> its one (event, word) of `named`: a word in the trigger's sentence, the trigger
    itself first, then argument agreement, then closeness."""
    candidates = []
    for i, attack in enumerate(doc.attacks):
        for k, (event, word) in enumerate(named):
            if not _overlap((word.start, word.end), attack.sentence_span):
                continue
            agreement = attacker_right(attack, event) + target_right(attack, event)
            on_trigger = _overlap((word.start, word.end), attack.trigger_span)
            distance = abs(word.start - attack.trigger_span[0])
            candidates.append((not on_trigger, -agreement, distance, i, k))
    return greedy_one_to_one(candidates, named)


def score_wikievents(docs: list[WikiDoc], events: list[Event], held: Sequence[Event] = ()) -> dict[str, Any]:
    """Attacks, attackers and targets are sought among every attack report sitrep reads: its events and the
    reports it `held` back from the event table (background, unplaced, general statements), for WikiEvents
    codes every mention of an attack, a bombing of 1972 recalled in a later article included. Event and
    mention precision are those of the event table alone."""
    attacks = found = predicted = matched_predicted = named_words = matched_words = 0
    # per argument ("attacker", "target"): gold attacks that have it, and those right; over all and if found
    right: Counter = Counter()
    for doc in docs:
        candidates = attack_events(doc, events)
        reports = candidates + attack_events(doc, list(held))
        named = references(doc, reports)
        predicted += len(candidates)
        matched = match_attacks(doc, named)
        in_table = {event.id for event in candidates}
        named_words += sum(1 for event, _ in named if event.id in in_table)
        matched_predicted += len({event.id for event, _ in matched.values()} & in_table)
        matched_words += sum(1 for event, _ in matched.values() if event.id in in_table)
        for i, attack in enumerate(doc.attacks):
            attacks += 1
            event = matched[i][0] if i in matched else None
            found += event is not None
            for name, has_argument, is_right in (
                ("attacker", attack.attackers, attacker_right),
                ("target", attack.targets, target_right),
            ):
                if has_argument:
                    _tally(right, name, is_right(attack, event), event is not None)
    return {
        "gold_events": attacks,
        "documents": len(docs),
        "predicted_events": predicted,
        "attack_found": _figure(found, attacks),
        "event_precision": _figure(matched_predicted, predicted),
        "mention_precision": _figure(matched_words, named_words),
        "attacker_found": _figure(right["attacker ok"], right["attacker n"]),
        "attacker_found_if_found": _figure(right["attacker found ok"], right["attacker found n"]),
        "target_found": _figure(right["target ok"], right["target n"]),
        "target_found_if_found": _figure(right["target found ok"], right["target found n"]),
        "events_per_doc": predicted / len(docs) if docs else None,
    }


def _tally(right: Counter, name: str, ok: bool, found: bool) -> None:
    right[f"{name} n"] += 1
    right[f"{name} ok"] += ok
    if found:
        right[f"{name} found n"] += 1
        right[f"{name} found ok"] += ok


def wikievents_errors(docs: list[WikiDoc], events: list[Event], n: int) -> dict[str, list[dict]]:
    """Up to `n` missed attacks, wrong attackers and wrong targets."""
    out: dict[str, list[dict]] = defaultdict(list)
    for doc in docs:
        named = references(doc, attack_events(doc, events))
        matched = match_attacks(doc, named)
        text = doc.document.text
        for i, attack in enumerate(doc.attacks):
            event = matched[i][0] if i in matched else None
            sentence = text[attack.sentence_span[0]:attack.sentence_span[1]][:300]
            if event is None and len(out["attack"]) < n:
                out["attack"].append({"id": attack.id, "gold": attack.trigger, "predicted": None, "text": sentence})
            if attack.attackers and not attacker_right(attack, event) and len(out["attacker"]) < n:
                out["attacker"].append({"id": attack.id, "gold": [a[0] for a in attack.attackers],
                                        "predicted": event.actor1 if event else None, "text": sentence})
            if attack.targets and not target_right(attack, event) and len(out["target"]) < n:
                out["target"].append({"id": attack.id, "gold": [t[0] for t in attack.targets],
                                      "predicted": (event.actor2, event.target) if event else None,
                                      "text": sentence})
    return dict(out)
