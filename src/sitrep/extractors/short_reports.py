"""Short reports (a headline, a snippet, a channel post) are classified as a whole.

A long article reports many things and its sentences are read one by one; a report of a few sentences
reports one thing, and there the classifier's view of the whole text is worth more than the first trigger
word. It names the type whenever it sees an event; it says "no event" only where it is confident enough,
and elsewhere the rules' verdict stands.
"""

from __future__ import annotations

from ..clean import Sentence
from ..language import is_cyrillic_text
from .classify import NO_EVENT, LinearModel, Verdict, load_model
from .lexicon import not_a_report
from .triggers import Trigger, find_trigger

MAX_SENTENCES = 3
# How sure the classifier must be to say a short report tells of no event (chosen by 5-fold
# cross-validation on the dev gold: see bench/train_event_classifier.py). When it names an event type,
# its type wins over the rules' at any confidence: that scored best in the same cross-validation.
NONE_MIN_PROBABILITY = 0.3


def is_short(sentences: list[Sentence]) -> bool:
    return sum(s.usable for s in sentences) <= MAX_SENTENCES


def combine(rules_label: str, verdict: Verdict) -> str:
    """The sub-event type (or "none") of a short report, from the rules' label and the classifier's verdict."""
    if verdict.label == NO_EVENT and verdict.probability >= NONE_MIN_PROBABILITY:
        return NO_EVENT
    if verdict.label == NO_EVENT:
        return rules_label
    return verdict.sub_event_type


def short_report_labels(documents: list[list[Sentence]], model: LinearModel | None = None) -> list[str | None]:
    """For each document (its sentences), the label of the whole report when it is short, else None.
    `model`: the sub-event classifier (default: the shipped one)."""
    model = model or load_model()
    labels: list[str | None] = [None] * len(documents)
    if model is None:
        return labels
    short = [i for i, sentences in enumerate(documents) if is_short(sentences)]
    triggers = [first_trigger(documents[i]) for i in short]
    texts = [report_text(documents[i]) for i in short]
    verdicts = model.verdicts(texts, triggers)
    for i, text, trigger, verdict in zip(short, texts, triggers, verdicts):
        titled = not_a_report().search(text)
        rules_label = trigger.sub_event_type if trigger else NO_EVENT
        if is_cyrillic_text(text):
            labels[i] = rules_label  # the classifier learnt English words only: Russian and Ukrainian by the rules
        else:
            labels[i] = NO_EVENT if titled else combine(rules_label, verdict)
    return labels


def report_text(sentences: list[Sentence]) -> str:
    """What the classifier reads of a report: its usable sentences (no captions, repeats or fragments)."""
    return " ".join(s.text for s in sentences if s.usable)


def first_trigger(sentences: list[Sentence]) -> Trigger | None:
    return next((t for s in sentences if s.usable and (t := find_trigger(s.text))), None)
