"""The spaCy pipeline, built in one place and loaded once.

Only the named-entity recogniser runs (no parser, tagger or lemmatiser): sitrep needs its PERSON and ORG
spans, to keep people and organisations from being read as places and to name who speaks. It runs only on
the sentences that may report an event, which keeps ingest fast.
"""

from __future__ import annotations

import gc
import re
import sys
import types
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from .ner_steps import pipe_with_context

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer
    from threadpoolctl import ThreadpoolController

# Entity labels whose words are never a place, whatever a gazetteer says ("Vladimir Putin", "Baza").
NON_PLACE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC"})
# en_core_web_sm 3.8.0's tokenizer and NER, shipped in sitrep/data, pruned of what sitrep never reads, by
# bench/build_ner_model.py: no dependency on a model re-uploaded to PyPI by someone else.
NER_MODEL = "ner_en"


@cache
def load_nlp() -> Language:
    """en_core_web_sm 3.8.0 with NER only, from `sitrep/data/ner_en`."""
    spacy = import_spacy()
    spacy.registry.tokenizers.register(_EMPTY_TOKENIZER, func=_empty_tokenizer)
    model = resources.files("sitrep.data").joinpath(NER_MODEL)
    if not model.is_dir():
        raise FileNotFoundError(f"sitrep/data/{NER_MODEL} is missing from the installed package")
    with resources.as_file(model) as path, _numpy_products():
        nlp: Language = spacy.load(path, config={"nlp": {"tokenizer": {"@tokenizers": _EMPTY_TOKENIZER}}})
    # The model, spaCy and what was loaded before it (some 70,000 objects, kept to the end) are left out of the
    # garbage collector's full passes, which read every object each time: over the corpus ingest they took
    # 0.15 s, 0.06 s after this.
    gc.freeze()
    return nlp


def _numpy_products() -> AbstractContextManager[None]:
    """Models built in this context multiply matrices with numpy (its OpenBLAS), not blis: the NER, whose word
    encoder is made of such products, takes a quarter less CPU. The last bits of the products differ, the entities do not: the same
    46,954 entities in the 16,642 sentences of the corpus and the dev gold files (issue 19). The NER's
    per-word step keeps thinc's own product either way."""
    from thinc.api import use_ops

    return cast(AbstractContextManager[None], use_ops("numpy", use_blis=False))


@cache
def _blas_threads() -> ThreadpoolController:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def _one_blas_thread() -> AbstractContextManager[object]:
    """OpenBLAS would spread each product over every core, its threads spinning while they wait: on two free
    cores the NER took four times the CPU. One thread, like blis's."""
    return cast(AbstractContextManager[object], _blas_threads().limit(limits=1, user_api="blas"))


# spacy.load builds the language's default tokenizer (its prefix, suffix and infix patterns compiled, 1,347
# special cases added), then replaces every part of it with the model's own from ner_en/tokenizer
# (Tokenizer.from_bytes resets each one first). Built empty instead, it ends the same, some 60 ms sooner.
# (The loaded pipeline's config names this function: saved with to_disk, it loads again only after load_nlp().)
_EMPTY_TOKENIZER = "sitrep.EmptyTokenizer.v1"


def _empty_tokenizer() -> Callable[[Language], Tokenizer]:
    from spacy.tokenizer import Tokenizer

    def tokenizer(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return tokenizer


def import_spacy() -> types.ModuleType:
    """spaCy, imported without its command line.

    spaCy's `__init__` imports `spacy.cli` (typer, weasel, requests, httpx, jinja2, rich: about 0.1 s of CPU,
    a fifth of spaCy's import) only to offer `spacy.info`, which sitrep never calls. While spaCy is imported
    here, stand-ins take the places of `spacy.cli` and `spacy.cli.info`; they are gone from `sys.modules` once
    it is, so that `import spacy.cli` still loads the real one, and `spacy.info` loads it when called.
    """
    stand_ins = {} if "spacy" in sys.modules else _spacy_cli_stand_ins()
    sys.modules.update(stand_ins)
    try:
        import spacy
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


def _spacy_cli_stand_ins() -> dict[str, types.ModuleType]:
    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real_info

        return real_info(*args, **kwargs)

    cli = types.ModuleType("spacy.cli", "sitrep's stand-in while spaCy is imported (sitrep.nlp.import_spacy)")
    cli.__path__ = []
    cli_info = types.ModuleType("spacy.cli.info", cli.__doc__)
    cli_info.info = info  # type: ignore[attr-defined]
    cli.info = cli_info  # type: ignore[attr-defined]
    return {"spacy.cli": cli, "spacy.cli.info": cli_info}


@cache
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words ("the", "which"), without loading the model."""
    import_spacy()
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def entity_spans(
    nlp: Language, pieces: Iterable[tuple[str, tuple[str, int]]], batch_size: int = 64
) -> Iterator[tuple[tuple[str, int], list[tuple[int, int, str, str]]]]:
    """Entities of many text pieces, each carrying (document id, offset) through `nlp.pipe`.

    batch_size: pieces per batch. 64 gives the same entities as 256 on the corpus, as fast, and keeps the
    model's working memory some 100 MB smaller; a batch also holds at most NER_BATCH_TOKENS.

    Yields ((document id, offset), [(start, end, label, text)]) with offsets into the document; a piece
    longer than NER_MAX_CHARS yields once for each part it is read in.
    """
    for batch in _batches(_in_parts(pieces), batch_size):
        with _one_blas_thread():
            docs = list(pipe_with_context(nlp, batch))
        for doc, (doc_id, offset) in docs:
            yield (doc_id, offset), [
                (offset + e.start_char + start, offset + e.start_char + end, e.label_, part)
                for e in doc.ents
                for start, end, part in _split_at_dashes(e.text)
            ]


# spaCy refuses a text over a million characters (E088), and a batch takes some 17 KB of memory a token: a
# "sentence" longer than NER_MAX_CHARS (a dump with no full stop) is read in parts, cut at a space where there
# is one, and a batch holds about NER_BATCH_TOKENS at most (some 100 MB), however long its pieces.
NER_MAX_CHARS = 5_000
NER_BATCH_TOKENS = 5_000
_TOKEN = re.compile(r"\w+|[^\w\s]")  # about what spaCy makes a token: a word or a mark


def _in_parts(pieces: Iterable[tuple[str, tuple[str, int]]]) -> Iterator[tuple[str, tuple[str, int]]]:
    for text, (doc_id, offset) in pieces:
        text = tokenizable(text)
        start = 0
        while len(text) - start > NER_MAX_CHARS:
            cut = text.rfind(" ", start, start + NER_MAX_CHARS) + 1 or start + NER_MAX_CHARS
            yield text[start:cut], (doc_id, offset + start)
            start = cut
        yield (text[start:] if start else text), (doc_id, offset + start)


# spaCy's tokenizer strips a token's leading and trailing marks one at a time, searching the rest of the token
# each time: a run of 100,000 quotes or brackets took minutes. In what spaCy reads, a run of more than
# MAX_TOKEN_CHARS characters without a space (no word or web address is that long) gets a space after every
# MAX_TOKEN_CHARS: one character for one, so offsets hold.
MAX_TOKEN_CHARS = 200
_LONG_RUN = re.compile(rf"(?<!\S)\S{{{MAX_TOKEN_CHARS + 1},}}")
_RUN_PART = re.compile(rf"(\S{{{MAX_TOKEN_CHARS}}})\S")


def tokenizable(text: str) -> str:
    """`text` as spaCy can tokenize it in linear time (see MAX_TOKEN_CHARS)."""
    return _LONG_RUN.sub(lambda run: _RUN_PART.sub(r"\1 ", run.group()), text)


def _batches(pieces: Iterable[tuple[str, tuple[str, int]]], size: int) -> Iterator[list[tuple[str, tuple[str, int]]]]:
    batch: list[tuple[str, tuple[str, int]]] = []
    tokens = 0
    for piece in pieces:
        piece_tokens = len(_TOKEN.findall(piece[0]))
        if batch and (len(batch) == size or tokens + piece_tokens > NER_BATCH_TOKENS):
            yield batch
            batch, tokens = [], 0
        batch.append(piece)
        tokens += piece_tokens
    if batch:
        yield batch


# A headline's spaced dash ends the news and begins its source: "near Maryinka - DPR Defense Ministry".
# (?<!\s): tried at the first space of a run only, so that a long run of spaces is read once.
_SPACED_DASH = re.compile(r"(?<!\s)\s++[-–—]++\s+")


def _split_at_dashes(text: str) -> list[tuple[int, int, str]]:
    """An entity's text as (start, end, text) pieces between spaced dashes: the small model often makes one
    ORG of a headline's last place and its source."""
    pieces, start = [], 0
    for dash in _SPACED_DASH.finditer(text):
        pieces.append((start, dash.start(), text[start : dash.start()]))
        start = dash.end()
    pieces.append((start, len(text), text[start:]))
    return [piece for piece in pieces if piece[2]]


# "Donetsk and Kharkiv" tagged as one WORK_OF_ART: a list of names is no single name of anything; nor is a
# span read on into a bracket ("Sotk (Gegharkunik province" as ORG: a village and its province).
_LIST = re.compile(r",\s|\sand\s|\sor\s|\s\(")


def overrules_gazetteer(label: str, text: str) -> bool:
    """Is this entity surely no place? Only a name of several words is: the small English model tags many
    lone Russian and Ukrainian town names as PERSON ("Yartsevo"), but "Vladimir Putin" is no town."""
    return label in NON_PLACE_LABELS and _one_name_of_words(text)


# Labels the small model gives two-word Ukrainian and Russian towns ("Chasiv Yar" as PERSON or FAC, "Velyka
# Novosilka" as ORG).
MISREAD_PLACE_LABELS = frozenset({"PERSON", "FAC", "ORG"})


def may_be_a_place(label: str, text: str) -> bool:
    """Might this entity, which overrules the gazetteer, still be a town the model misread?"""
    return label in MISREAD_PLACE_LABELS and overrules_gazetteer(label, text)


def names_person(label: str, text: str) -> bool:
    """A person's full name ("Kira Rudik"), whose surname is then no place anywhere in the document."""
    return label == "PERSON" and _one_name_of_words(text)


def _one_name_of_words(text: str) -> bool:
    return " " in text.strip() and not _LIST.search(text)
