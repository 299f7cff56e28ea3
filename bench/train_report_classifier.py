"""Train the event-report classifier shipped in src/sitrep/data/report_classifier.npz.

    python bench/train_report_classifier.py [--labels FILE ...] [--threshold 0.4] [--folds 5] [--no-save]

Its examples are labelled sentences of the articles of ../shared/corpus, each labelled by reading under
../shared/gold/CODING.md (does this sentence report a codable event, and if not, why not), by people who saw
neither sitrep's output nor the gold events:
- `bench/labels/corpus_sentences.jsonl`: 1,239 sentences of the 227 corpus articles that are in no gold file;
- `bench/labels/tune_half_sentences.jsonl`: 470 sentences of the "tune" half of the whole-article dev gold
  (`sitrep eval --split tune`), which rules may be tuned on; the "check" half is never labelled or read.
The files keep the labels and the sentence offsets, not the text (the corpus licence allows no copy), so the
text is read from the corpus. Before saving, it prints cross-validated scores with whole articles held out
together (GroupKFold): the honest estimate of how the classifier does on articles it has not seen.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_fscore_support, roc_auc_score
from sklearn.model_selection import GroupKFold

from sitrep.extractors.report_classifier import MODEL_FILE, ReportModel, featurise
from sitrep.extractors.triggers import find_trigger

ROOT = Path(__file__).resolve().parents[1]
LABELS = [ROOT / "bench" / "labels" / name for name in ("corpus_sentences.jsonl", "tune_half_sentences.jsonl")]
CORPUS = ROOT.parent / "shared" / "corpus" / "guardian_nyt_ukraine_2022.jsonl"
OUTPUT = ROOT / "src" / "sitrep" / "data" / MODEL_FILE
C = 3.0  # chosen by the same cross-validation (0.3 to 10 tried)


def load(labels: list[Path], corpus: Path) -> tuple[list[str], list[date], np.ndarray, list[str]]:
    """(sentences, publication dates, is-a-report labels, article ids) of the labelled sentences."""
    articles = {}
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            articles[article["id"]] = article
    sentences, published, reports, groups = [], [], [], []
    for line in (line for path in labels for line in path.read_text(encoding="utf-8").splitlines()):
        row = json.loads(line)
        article = articles[row["document"]]
        sentences.append(article["text"][row["start"]:row["end"]])
        published.append(date.fromisoformat(article["published"]))
        reports.append(bool(row["events"]))
        groups.append(row["document"])
    return sentences, published, np.array(reports), groups


def fit(sentences: list[str], published: list[date], reports: np.ndarray, threshold: float) -> ReportModel:
    model = LogisticRegression(C=C, max_iter=3000, class_weight="balanced")
    model.fit(featurise(sentences, published).to_csr(), reports)
    return ReportModel(model.coef_[0], float(model.intercept_[0]), threshold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", type=Path, nargs="+", default=LABELS)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--threshold", type=float, default=0.4,
                        help="probability from which a sentence is a report (chosen on the tune half of the "
                             "whole-article dev gold, see the README)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-save", action="store_true")
    args = parser.parse_args()
    for path in (*args.labels, args.corpus):
        if not path.is_file():
            print(f"train: not found: {path}", file=sys.stderr)
            return 2
    sentences, published, reports, groups = load(args.labels, args.corpus)
    print(f"{len(sentences)} sentences of {len(set(groups))} articles, {int(reports.sum())} report an event")

    predicted = np.zeros(len(sentences))
    for train, test in GroupKFold(args.folds).split(sentences, reports, groups):
        model = fit([sentences[i] for i in train], [published[i] for i in train], reports[train], args.threshold)
        predicted[test] = model.probabilities([sentences[i] for i in test], [published[i] for i in test])
    triggered = np.array([find_trigger(s) is not None for s in sentences])
    for name, rows in (("all labelled sentences", np.ones(len(sentences), bool)), ("those with an event word", triggered)):
        p, r, f1, _ = precision_recall_fscore_support(reports[rows], predicted[rows] >= args.threshold, average="binary")
        print(f"{args.folds}-fold CV by article, {name} ({rows.sum()}): AUC {roc_auc_score(reports[rows], predicted[rows]):.3f}, "
              f"at {args.threshold}: precision {p:.3f}, recall {r:.3f}, F1 {f1:.3f}")

    if not args.no_save:
        fit(sentences, published, reports, args.threshold).save(OUTPUT)
        print(f"saved {OUTPUT} ({OUTPUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
