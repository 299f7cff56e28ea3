"""Train the sub-event classifier shipped in src/sitrep/data/event_classifier.npz.

    python bench/train_event_classifier.py [GOLD.jsonl ...] [--folds 5] [--no-save]

Trains on gold rows in the format of ../shared/gold/README.md that code `sub_event_type` (CASE 2021 task 2
by default); a gold row with `event: null` is the "none" class. Before saving, it prints 5-fold
cross-validated scores of the rules alone and of the rules with the classifier: that is the honest estimate
of what the classifier adds on unseen text (the dev gold itself is then part of training).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

from sitrep.clean import segment
from sitrep.extractors.classifier_training import examples, fit
from sitrep.extractors.classify import MODEL_FILE, NO_EVENT, SOME_EVENT
from sitrep.extractors.short_reports import combine, first_trigger, report_text

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
DEFAULT_GOLD = [GOLD / "case2021_task2.dev.jsonl", GOLD / "ucdp_ukraine_2014_2021.dev.jsonl"]
OUTPUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / MODEL_FILE


def load(paths: list[Path]) -> tuple[list[str], list[str]]:
    """(text, label) examples of the gold files (see `classifier_training.examples`)."""
    rows = (json.loads(line) for path in paths for line in path.read_text(encoding="utf-8").splitlines())
    return examples(rows)


def rules_label(trigger) -> str:
    return trigger.sub_event_type if trigger else NO_EVENT


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    missing = [p for p in args.gold if not p.is_file()]
    if missing:
        print(f"train: gold file not found: {missing[0]}", file=sys.stderr)
        return 2
    raw_texts, labels = load(args.gold)
    segmented = [segment(t) for t in raw_texts]
    texts = [report_text(sentences) for sentences in segmented]
    triggers = [first_trigger(sentences) for sentences in segmented]
    print(f"{len(texts)} texts, {len(set(labels))} labels")

    combined = [""] * len(texts)
    folds = StratifiedKFold(args.folds, shuffle=True, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # some labels have fewer members than folds
        splits = list(folds.split(texts, labels))
    for train, test in splits:
        model = fit([texts[i] for i in train], [labels[i] for i in train], [triggers[i] for i in train])
        verdicts = model.verdicts([texts[i] for i in test], [triggers[i] for i in test])
        for i, verdict in zip(test, verdicts):
            combined[i] = combine(rules_label(triggers[i]), verdict)
    rules = [rules_label(t) for t in triggers]
    coded = [i for i, label in enumerate(labels) if label != SOME_EVENT]
    gold = [labels[i] for i in coded]
    for name, predicted in (("rules alone", rules), ("rules + classifier", combined)):
        predicted = [predicted[i] for i in coded]
        no_event = [p == NO_EVENT for p, g in zip(predicted, gold) if g == NO_EVENT]
        print(f"{args.folds}-fold CV, {name:20s}: sub-type accuracy {accuracy_score(gold, predicted):.3f}, "
              f"macro-F1 {f1_score(gold, predicted, average='macro'):.3f}, "
              f"no-event recall {sum(no_event) / len(no_event):.3f}")
    events = [i for i, label in enumerate(labels) if label == SOME_EVENT]
    if events:
        kept = sum(combined[i] != NO_EVENT for i in events) / len(events)
        print(f"{args.folds}-fold CV, uncoded event reports kept as events: {kept:.3f} of {len(events)}")

    if not args.no_save:
        fit(texts, labels, triggers).save(OUTPUT)
        print(f"saved {OUTPUT} ({OUTPUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
