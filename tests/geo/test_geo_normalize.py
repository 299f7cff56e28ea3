from sitrep.geo.normalize import adjective_stems, fuzzy_key, normalise, query_variants, strip_unit_words


def test_normalise_folds_case_accents_apostrophes_and_hyphens():
    assert normalise("Bilhorod-Dnistrovskyi") == "bilhorod dnistrovskyi"
    assert normalise("Smolenskaya oblast'") == "smolenskaya oblast"
    assert normalise("Kharkivs’ka  Oblast’") == "kharkivska oblast"
    assert normalise("Orël") == "orel"


def test_normalise_keeps_cyrillic():
    assert normalise("Смоленск") == "смоленск"
    assert normalise("Орёл") == "орел"


def test_unit_words_and_stems():
    assert strip_unit_words("the smolenskaya oblast") == ("smolenskaya", {"oblast"})
    assert {"smolensk", "smolen"} <= adjective_stems("smolenskaya")
    assert "yartsev" in adjective_stems("yartsevskiy")
    assert "yartsev" in query_variants("Yartsevo district")


def test_fuzzy_key_drops_endings_that_transliterations_disagree_on():
    assert fuzzy_key("Dragunskoye") == "dragunsk"
    assert fuzzy_key("Dragonsko") == "dragonsk"
