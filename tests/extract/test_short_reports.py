import pytest

from sitrep.clean import segment
from sitrep.extractors.classify import NO_EVENT, SOME_EVENT, Verdict, load_model
from sitrep.extractors.lexicon import taxonomy
from sitrep.extractors.short_reports import (
    combine,
    first_trigger,
    is_short,
    report_text,
    short_report_labels,
)


def test_combine_lets_the_classifier_decide_where_it_is_sure():
    assert combine("Armed clash", Verdict(NO_EVENT, 0.6, "Attack")) == NO_EVENT
    assert combine("Armed clash", Verdict(NO_EVENT, 0.2, "Attack")) == "Armed clash"
    assert combine("Armed clash", Verdict("Attack", 0.4, "Attack")) == "Attack"
    # "some event" never wins as a type: the best sub-event type stands in for it
    assert combine(NO_EVENT, Verdict(SOME_EVENT, 0.7, "Shelling/artillery/missile attack")) == "Shelling/artillery/missile attack"


def test_the_shipped_model_knows_every_sub_event_type():
    model = load_model()
    assert model is not None
    assert set(taxonomy()) | {NO_EVENT, SOME_EVENT} == set(model.classes)
    assert model.coef.shape[0] == len(model.classes)


def test_only_short_reports_get_a_label():
    headline = segment("Rebels shelled the airport, killing two soldiers.")
    article = segment(" ".join(f"Sentence number {i} tells about the shelling of the airport." for i in range(6)))
    assert is_short(headline) and not is_short(article)
    labels = short_report_labels([headline, article])
    assert labels[0] in set(taxonomy()) | {NO_EVENT} and labels[1] is None


def test_report_text_skips_captions_and_repeats():
    sentences = segment("Shelling hit the town.\nShelling hit the town.")
    assert report_text(sentences) == "Shelling hit the town."
    assert first_trigger(sentences).sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize("title", [
    "Russia-Ukraine war: what we know on day 150 of the invasion",
    "Russia-Ukraine war live: latest updates from Kyiv",
    "Conflict in the east: daily digest of events in Donbas",
    "Obituary: veteran soldier who fought at Ilovaisk dies aged 54",
    "Dataset: casualties of the conflict in eastern Ukraine 2014-2021",
])
def test_titles_of_what_reports_no_one_event_are_no_event(title):
    from sitrep.extractors.short_reports import short_report_labels

    assert short_report_labels([segment(title)]) == ["none"]


def test_some_event_stands_for_a_type_of_lethal_violence():
    """Where "some event" (reports of deaths in fighting, coded with no sub-type) is the most probable class, the
    sub-type it stands for is one of lethal violence, even where a protest's is a little likelier."""
    import numpy as np

    from sitrep.extractors.classify import LinearModel, featurise

    classes = ("Armed clash", "Peaceful protest", SOME_EVENT, NO_EVENT)
    width = featurise(["Two soldiers were killed."], [None]).width
    model = LinearModel(classes, np.zeros((len(classes), width)), np.array([1.0, 2.0, 5.0, 0.0]))
    [verdict] = model.verdicts(["Two soldiers were killed."], [None])
    assert verdict.label == SOME_EVENT and verdict.sub_event_type == "Armed clash"


@pytest.mark.parametrize("headline", ["Ambush near Sloviansk claimed four lives", "Night shelling of Horlivka kills two"])
def test_a_type_a_headline_has_no_words_for_is_not_guessed(headline):
    # a chemical weapon, a suicide bomb, sexual violence, an abduction: types a report has only when its words name them
    label, = short_report_labels([segment(headline)])
    assert label not in ("Chemical weapon", "Suicide bomb", "Sexual violence", "Abduction/forced disappearance")
