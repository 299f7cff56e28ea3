from types import SimpleNamespace

from sitrep.ner_steps import _greedy_recogniser, pipe_with_context
from sitrep.nlp import load_nlp

# Sentences of many lengths (so that a batch is cut into several sub-batches), empty ones among them.
SENTENCES = [
    "",
    "Shelling resumed.",
    "Governor Oleh Synehubov said two people were wounded in Kharkiv on Tuesday.",
    "   ",
    "The Institute for the Study of War said Russian forces advanced near Bakhmut and Soledar.",
    "A missile struck an apartment block in Dnipro, killing at least 40 people, Ukrainian officials said.",
    "Emmanuel Macron and Olaf Scholz spoke with Volodymyr Zelensky by telephone.",
    "Drones hit a refinery in the Krasnodar region overnight, the Russian defence ministry said on Sunday.",
    "Fighting continued.",
    "NATO's secretary general, Jens Stoltenberg, visited Vilnius in July 2023.",
    "Explosions were heard in Melitopol and Berdiansk, according to the exiled mayor Ivan Fedorov.",
]


def _entities(docs):
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


def test_stepped_ner_finds_what_spacys_own_pipe_finds():
    nlp = load_nlp()
    batch = [(text, i) for i, text in enumerate(SENTENCES)]
    spacys = list(nlp.pipe(batch, as_tuples=True, batch_size=len(batch)))
    stepped = list(pipe_with_context(nlp, batch))
    assert [context for _, context in stepped] == list(range(len(SENTENCES)))
    assert _entities(doc for doc, _ in stepped) == _entities(doc for doc, _ in spacys)
    assert any(_entities(doc for doc, _ in stepped))


def test_stepped_ner_does_not_go_through_spacys_pipe(monkeypatch):
    nlp = load_nlp()

    def no_pipe(*args, **kwargs):
        raise AssertionError("nlp.pipe called")

    monkeypatch.setattr(type(nlp), "pipe", no_pipe)
    [(doc, _)] = list(pipe_with_context(nlp, [("Vladimir Putin spoke in Moscow.", None)]))
    assert "Vladimir Putin" in [e.text for e in doc.ents]


def test_a_pipeline_of_other_components_goes_through_spacys_pipe():
    assert _greedy_recogniser(SimpleNamespace(pipe_names=["tok2vec", "ner"])) is None
    beam = SimpleNamespace(cfg={"beam_width": 4}, model=SimpleNamespace(attrs={"has_upper": True}))
    assert _greedy_recogniser(SimpleNamespace(pipe_names=["ner"], get_pipe=lambda name: beam)) is None
    assert _greedy_recogniser(load_nlp()) is load_nlp().get_pipe("ner")
