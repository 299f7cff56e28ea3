"""Whole-article scores on corpus articles coded by reading, with a classifier that never saw them.

    python bench/corpus_events_eval.py [--errors N]

`bench/labels/corpus_events.jsonl` holds the events of 128 articles of ../shared/corpus that are in no gold
file, coded by reading under ../shared/gold/CODING.md by people who never saw sitrep's output (the file keeps
the coded fields and the article id; the text stays in the corpus). It is a second dev set beside the
whole-article gold, from other articles. The event-report classifier is retrained here without the sentences
of those articles (`bench/labels/corpus_sentences.jsonl` labels them too), so the figures are those of
articles it has not seen; they are printed as `sitrep eval` prints, with the full-article rule.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from train_report_classifier import CORPUS, LABELS, fit, load

from sitrep.evaluation import evaluate_files, format_report
from sitrep.pipeline import Pipeline

EVENTS = Path(__file__).resolve().parent / "labels" / "corpus_events.jsonl"


def gold_rows(events: Path, corpus: Path) -> list[dict]:
    """The coded events as gold rows of ../shared/gold/README.md (dataset "fullarticle"), text from the corpus."""
    articles = {}
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            articles[article["id"]] = article
    rows = []
    for line in events.read_text(encoding="utf-8").splitlines():
        coded = json.loads(line)
        article = articles[coded["document"]]
        document = {key: article[key] for key in ("id", "published", "source", "text")}
        rows.append({"id": coded["id"], "dataset": "fullarticle", "documents": [document], "event": coded["event"]})
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="list N wrong cases per field")
    parser.add_argument("--threshold", type=float, default=None, help="the classifier's threshold (default: the shipped one's)")
    args = parser.parse_args()
    if not CORPUS.is_file():
        print(f"bench: corpus not found: {CORPUS}", file=sys.stderr)
        return 2
    rows = gold_rows(EVENTS, CORPUS)
    coded = {row["documents"][0]["id"] for row in rows}
    sentences, published, reports, groups = load(LABELS, CORPUS)
    keep = [i for i, article in enumerate(groups) if article not in coded]
    shipped = Pipeline().report_model
    threshold = args.threshold if args.threshold is not None else shipped.threshold
    model = fit([sentences[i] for i in keep], [published[i] for i in keep], reports[keep], threshold)
    print(f"{len(rows)} rows of {len(coded)} articles; classifier trained on {len(keep)} sentences of other articles")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus_events.gold.jsonl"
        path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
        result = evaluate_files([path], Pipeline(report_model=model), errors_per_field=args.errors)
    print(format_report(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
