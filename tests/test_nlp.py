import subprocess
import sys
import tomllib
from pathlib import Path

from sitrep.nlp import NER_MODEL, entity_spans, load_nlp, overrules_gazetteer

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "sitrep"


def test_the_model_is_sitreps_own_with_ner_only():
    nlp = load_nlp()
    assert nlp.pipe_names == ["ner"] and nlp.meta["name"] == "sitrep_ner_en"
    assert nlp.vocab.vectors.shape == (0, 0)
    assert not any(name.startswith("en_core_web_sm") for name in sys.modules)  # no model package is read


def test_the_wheel_carries_every_file_of_the_model():
    pyproject = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["sitrep"]
    model = {path for path in (PACKAGE / "data" / NER_MODEL).rglob("*") if path.is_file()}
    carried = {path for pattern in patterns for path in PACKAGE.glob(pattern) if path.is_file()}
    assert len(model) >= 5 and model <= carried


def test_only_names_of_several_words_overrule_the_gazetteer():
    assert overrules_gazetteer("PERSON", "Vladimir Putin")
    assert not overrules_gazetteer("PERSON", "Yartsevo")  # the small model's usual mistake on town names
    assert not overrules_gazetteer("ORG", "Sotk (Gegharkunik province")  # read on into a bracket: two names
    assert not overrules_gazetteer("GPE", "New York")


def test_entities_carry_document_ids_and_offsets():
    pieces = [("Roman Zakharov spoke in Smolensk.", ("doc-1", 100))]
    [((doc_id, offset), entities)] = list(entity_spans(load_nlp(), pieces))
    assert (doc_id, offset) == ("doc-1", 100)
    assert (100, 114, "PERSON", "Roman Zakharov") in entities


def test_an_entity_across_a_headlines_dash_is_two_pieces():
    text = "Booby trap kills one civilian near Maryinka - DPR Defense Ministry"
    [(_, entities)] = list(entity_spans(load_nlp(), [(text, ("doc-1", 0))]))
    names = [name for _, _, _, name in entities]
    assert not any(" - " in name for name in names)
    assert all(text[start:end] == name for start, end, _, name in entities)


def test_a_sentence_longer_than_spacy_takes_is_read_in_parts():
    # spaCy refuses a text over a million characters (E088); the entities of the parts keep their offsets
    text = "x" + " " * 1_000_000 + "Vladimir Putin visited Kharkiv."
    entities = [e for _, found in entity_spans(load_nlp(), [(text, ("doc-1", 7))]) for e in found]
    assert (1_000_008, 1_000_022, "PERSON", "Vladimir Putin") in entities


def test_spacy_loads_without_its_command_line_and_the_tokenizer_is_the_models_own():
    # A fresh interpreter: this one may have imported spaCy already. The command line (typer, weasel,
    # requests) is left out of start-up but still imports when asked for; the tokenizer is built empty
    # and then read from the model, and must end as spacy.load's own.
    script = """
import subprocess
import sys
from sitrep.nlp import NER_MODEL, load_nlp
nlp = load_nlp()
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("typer", "weasel") or m.startswith("spacy.cli"))
assert not loaded, loaded
import spacy
from importlib import resources
with resources.as_file(resources.files("sitrep.data").joinpath(NER_MODEL)) as path:
    assert spacy.load(path).tokenizer.to_bytes() == nlp.tokenizer.to_bytes()
import spacy.cli
from spacy.cli.info import info
assert callable(spacy.cli.download) and info.__module__ == "spacy.cli.info"
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_ner_word_encoder_multiplies_with_numpy_on_one_blas_thread(monkeypatch):
    from threadpoolctl import threadpool_info

    import sitrep.nlp

    model = load_nlp().get_pipe("ner").model
    assert not model.get_ref("tok2vec").ops.use_blis and not model.get_ref("lower").ops.use_blis
    threads_seen = []
    pipe = sitrep.nlp.pipe_with_context

    def pipe_noting_threads(*args, **kwargs):
        # numpy's own BLAS (another test may have loaded scipy's, which the NER never calls)
        threads_seen.extend(lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas" and "numpy" in lib["filepath"])
        return pipe(*args, **kwargs)

    monkeypatch.setattr(sitrep.nlp, "pipe_with_context", pipe_noting_threads)
    [(_, entities)] = list(sitrep.nlp.entity_spans(load_nlp(), [("Olaf Scholz met Emmanuel Macron in Berlin.", ("doc", 0))]))
    assert threads_seen and set(threads_seen) == {1}
    assert [text for _, _, _, text in entities] == ["Olaf Scholz", "Emmanuel Macron", "Berlin"]
