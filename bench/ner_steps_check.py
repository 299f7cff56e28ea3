"""The NER stepped holding the GIL (`sitrep.ner_steps`) against spaCy's own `nlp.pipe`: the same entities?

    python bench/ner_steps_check.py [JSONL ...] [--split tune]

Every sentence of every document (as `clean.segment` cuts them, usable or not) of the corpus and the given
files (gold files: their documents; with --split, only that half's rows) is read both ways, in the batches
`nlp.entity_spans` makes, and each sentence's entities (start, end, label) compared; the CPU time of each
way is printed. Exit 1 if any sentence differs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "guardian_nyt_ukraine_2022.jsonl"
# texts at the edges of what the model is given: nothing, only spaces or marks, one long word
EDGES = ["", " ", "\n\n", "...", "—", "A", "x" * 300, "Kyiv " * 900]


def texts_of(path: Path, split: str | None) -> list[str]:
    if "documents" not in path.open(encoding="utf-8").readline():
        return [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    from sitrep.evaluation.gold import distinct_documents, in_split, load_gold

    rows, _ = load_gold([path])
    return [doc.text for doc in distinct_documents(in_split(rows, split))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--split", choices=("tune", "check"), help="only this half of a gold file's rows")
    args = parser.parse_args()

    from sitrep.clean import segment
    from sitrep.ner_steps import pipe_with_context
    from sitrep.nlp import _batches, _in_parts, _one_blas_thread, load_nlp

    nlp = load_nlp()
    pieces = [(text, ("edge", i)) for i, text in enumerate(EDGES)]
    for path in [CORPUS, *args.files]:
        pieces += [(s.text, (path.name, s.start)) for text in texts_of(path, args.split) for s in segment(text)]
    batches = list(_batches(_in_parts((text, (name, 0)) for text, name in pieces), 64))

    def entities(read) -> tuple[list, float]:
        start = time.process_time()
        with _one_blas_thread():
            found = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for batch in batches
                     for doc, _ in read(batch)]
        return found, time.process_time() - start

    spacy_way, spacy_cpu = entities(lambda batch: nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
    stepped, stepped_cpu = entities(lambda batch: pipe_with_context(nlp, batch))
    differ = sum(a != b for a, b in zip(spacy_way, stepped))
    print(f"{len(spacy_way)} sentences, {sum(map(len, spacy_way))} entities; differing sentences: {differ}")
    print(f"CPU: nlp.pipe {spacy_cpu:.2f} s, stepped holding the GIL {stepped_cpu:.2f} s")
    return 1 if differ or len(spacy_way) != len(stepped) else 0


if __name__ == "__main__":
    sys.exit(main())
