from sitrep.clean import segment

ARTICLE = """Two power stations were destroyed overnight. The governor confirmed the attack on Telegram.
Stunning footage showed a huge inferno.

Two power stations were attacked, cutting power to thousands of residents

Stunning footage showed a huge inferno.
Mr. Smith said the U.S. would help. Gen. Budanov agreed."""


def test_sentences_keep_offsets_into_the_original_text():
    for sentence in segment(ARTICLE):
        assert ARTICLE[sentence.start:sentence.end] == sentence.text


def test_splits_sentences_but_not_at_abbreviations():
    texts = [s.text for s in segment(ARTICLE)]
    assert "Two power stations were destroyed overnight." in texts
    assert "Mr. Smith said the U.S. would help." in texts
    assert "Gen. Budanov agreed." in texts


def test_marks_repeated_sentences_and_captions():
    by_text = {}
    for s in segment(ARTICLE):
        by_text.setdefault(s.text, []).append(s)
    repeats = by_text["Stunning footage showed a huge inferno."]
    assert [s.repeated for s in repeats] == [False, True]
    caption = by_text["Two power stations were attacked, cutting power to thousands of residents"][0]
    assert caption.caption and not caption.usable


def test_a_headline_alone_is_not_a_caption():
    (headline,) = segment("Police disperse Kiev protest, activists say one shot dead")
    assert headline.usable


def test_fragments_are_not_usable():
    sentences = segment("The attack hit a depot in the region. Read more.")
    assert [s.usable for s in sentences] == [True, False]
