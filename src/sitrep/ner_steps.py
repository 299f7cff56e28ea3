"""The NER model's greedy transitions stepped from Python, holding the GIL: the same entities, sooner.

spaCy's `Parser.greedy_parse` runs its transition loop in a `with nogil:` block, but the compiled state methods
that loop calls for every candidate action of every word (`StateC.B_`, `B`, `entity_is_open`, ...) each take
and give back the GIL twice (`PyGILState_Ensure`/`Release`): once it is released, that is a lock and a
condition signal each time, some 15 million times over the corpus (a fifth of the ingest's instructions under
callgrind). Here the same steps run with the GIL held, where taking it again is a counter:

- the word features of the states (`ParserStepModel.get_token_ids`, `precompute_hiddens.predict`: the same
  `sum_state_features`, bias and maxout as spaCy's `predict_states`);
- their scores through the same BLIS `sgemm` (`blis.py.gemm`, not numpy's), plus the bias, unseen classes
  set to the lowest score;
- the best valid action of each (`Parser.transition_states`: spaCy's own `c_transition_batch`).

Batches are cut as `Parser.pipe` cuts them (by length, in quarters), so the model sees the same sub-batches.
Any other pipeline (a beam, no upper layer, another component), or a spaCy whose parser internals differ (they
are spaCy 3.8's: `bench/ner_steps_check.py` compares the entities on an upgrade), goes through `nlp.pipe`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def pipe_with_context(nlp: Language, batch: Sequence[tuple[str, Any]]) -> Iterator[tuple[Doc, Any]]:
    """`nlp.pipe(batch, as_tuples=True, batch_size=len(batch))`, with the NER stepped holding the GIL."""
    recogniser = _greedy_recogniser(nlp)
    if recogniser is not None:
        docs = [nlp.make_doc(text) for text, _ in batch]
        try:
            _recognise(recogniser, docs, batch_size=len(docs))
        except (AttributeError, ImportError, TypeError):
            pass  # a spaCy whose parser is built otherwise: its own loop reads the batch (fresh docs) below
        else:
            yield from zip(docs, (context for _, context in batch))
            return
    yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


def _greedy_recogniser(nlp: Language) -> Any | None:
    """The pipeline's one component, if it is a greedy transition NER with an upper layer."""
    if nlp.pipe_names != ["ner"]:
        return None
    recogniser: Any = nlp.get_pipe("ner")
    if recogniser.cfg.get("beam_width") != 1 or not recogniser.model.attrs.get("has_upper"):
        return None
    return recogniser


def _recognise(recogniser: Any, docs: list[Doc], batch_size: int) -> None:
    """What `Parser.pipe` does with one batch: sorted by length, in sub-batches of a quarter of it."""
    by_length = sorted(docs, key=len)
    size = max(batch_size // 4, 2)
    for subbatch in (by_length[i : i + size] for i in range(0, len(by_length), size)):
        if any(len(doc) for doc in subbatch):
            states = _greedy_parse(recogniser, subbatch)
        else:
            states = recogniser.moves.init_batch(subbatch)
        recogniser.set_annotations(subbatch, states)


def _greedy_parse(recogniser: Any, docs: list[Doc]) -> list[Any]:
    """`Parser.greedy_parse`, each step from Python (see the module's docstring)."""
    import blis.py
    from thinc.api import set_dropout_rate

    recogniser._ensure_labels_are_added(docs)
    set_dropout_rate(recogniser.model, 0.0)
    batch = recogniser.moves.init_batch(docs)
    model = recogniser.model.predict(docs)  # the words' vectors, and each word's part of each feature
    weights, bias = model.vec2scores.get_param("W"), model.vec2scores.get_param("b")
    unseen = model._class_mask == 0
    any_unseen = bool(unseen.any())
    states = [state for state in batch if not state.is_final()]
    while states:
        hidden = model.state2vec.predict(model.get_token_ids(states))
        scores = blis.py.gemm(hidden, weights, trans2=True, beta=0.0)
        scores += bias
        if any_unseen:
            scores[:, unseen] = scores.min()
        states = recogniser.transition_states(states, scores)
    model.clear_memory()
    return list(batch)
