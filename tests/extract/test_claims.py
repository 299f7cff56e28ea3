import pytest

from sitrep.extractors.claims import find_attribution, find_speaker, verification_cue

UKRAINE = "Military Forces of Ukraine (2019-)"


def test_official_on_telegram():
    sentence = ("Yartsevo district head Roman Zakharov said in a post on his Telegram channel: "
                "\u201cA Ukrainian drone attack targeted a fuel and energy facility.\u201d")
    found = find_attribution(sentence, 10, UKRAINE, "Russia")
    assert found.claim.claimant == "Yartsevo district head Roman Zakharov"
    assert found.claim.channel == "telegram"
    assert found.claim.claimant_side == "Russia"  # a local official speaks for the attacked place
    assert found.evidence.start == 10 and found.evidence.quote == found.claim.claimant


def test_perpetrator_side_claims_responsibility():
    sentence = ("The blast occurred in Voskresensk according to the Defence Intelligence of Ukraine (GUR), "
                "which also shared the footage.")
    claim = find_attribution(sentence, 0, UKRAINE, "Russia").claim
    assert claim.claimant == "the Defence Intelligence of Ukraine (GUR)"
    assert claim.stance == "claims responsibility"
    assert claim.channel == "video"


def test_confirmation_and_denial():
    confirmed = find_attribution("The governor of the Belgorod region confirmed the attack on Telegram.", 0, None, "Russia")
    assert confirmed.claim.stance == "confirms" and confirmed.claim.verification == "confirmed"
    denied = find_attribution("The Russian defence ministry denied the strike.", 0, UKRAINE, "Ukraine")
    assert denied.claim.stance == "denies"


def test_no_source_named():
    assert find_attribution("A drone hit a depot.", 0, None, None) is None


def test_verification_cues():
    assert verification_cue("Zakharov's claims have not been verified.")[0] == "unverified"
    assert verification_cue("The authenticity of that clip also couldn't be verified.")[0] == "unverified"
    assert verification_cue("Moscow denied the claims.")[0] == "disputed"
    assert verification_cue("Emergency teams were dispatched.") is None


def test_a_headline_credits_its_source_at_the_end():
    from sitrep.extractors.claims import headline_source

    assert headline_source("Pregnant woman among 4 killed in east Ukraine: rebels", 5).quote == "rebels"
    assert headline_source("Army shells DPR 277 times, four killed - operations command").quote == "operations command"
    assert headline_source("Pro-Russia rebels attack Ukrainian border guards") is None


def test_a_one_sentence_report_credits_its_source_at_its_end():
    headline = "Two soldiers wounded in shelling near Avdiivka - JFO HQ"
    found = find_attribution(headline, 0, None, "Ukraine", headline=True)
    assert (found.claim.claimant, found.claim.claimant_side) == ("JFO HQ", "Ukraine")
    assert found.evidence.quote == "JFO HQ"
    rebels = find_attribution("Militiaman killed in shelling of Gorlovka: DPR command", 0, None, None, headline=True)
    assert rebels.claim.claimant_side == "Russia"  # the Russian-backed republics speak for Russia's side
    assert find_attribution(headline, 0, None, "Ukraine") is None  # inside an article, no such reading


def test_a_headline_end_that_tells_more_news_names_no_source():
    assert find_attribution("Fighting flares in Donetsk: heavy casualties", 0, None, None, headline=True) is None


@pytest.mark.parametrize(
    "sentence, claimant",
    [
        ("Kherson was hit by a wave of rocket attacks that Moscow said targeted fuel depots.", "Moscow"),
        ("A blast shook the base in an attack which Kyiv claimed on Telegram.", "Kyiv"),
        ("One man died, according to a statement from the regional governor Ivan Petrenko.", "the regional governor Ivan Petrenko"),
        ("The rival claims could not be checked.", None),  # a noun and its adjective, not who claims
        ("Kyiv made a similar claim about the depot.", None),
        ("Ukrainian claims of the town's recapture could not be verified.", None),
        ("The army, said enemy troops were trying to cross the river.", None),  # a clause, not a name
        ("On Tuesday Petrenko said the depot was still burning.", "Petrenko"),
        ("Two soldiers died, a volunteer medic who said he saw the strike.", "a volunteer medic"),
        ("The depot burned for hours, according to the statement.", None),  # a document, not who issued it
        ("I am sad to hear of the shelling of Sumy, said on Twitter.", None),  # the speaker's own words
    ],
)
def test_the_claimant_is_a_name_not_a_piece_of_the_clause(sentence, claimant):
    speaker = find_speaker(sentence)
    assert (speaker.quote if speaker else None) == claimant


def test_a_sentence_with_no_verb_of_speech_is_not_searched_for_its_speaker(monkeypatch):
    import sitrep.extractors.claims as claims

    class Unsearchable:
        def finditer(self, text):
            raise AssertionError("searched")

    monkeypatch.setattr(claims, "_WHO_SAID", Unsearchable())
    assert claims._last_speaker("Russian forces shelled the town of Vovchansk overnight.") is None
