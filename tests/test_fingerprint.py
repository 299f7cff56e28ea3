"""Reprints and light rewrites of one article are found; different reports of the same kind are not."""

from sitrep.fingerprint import fingerprint, reprint_pairs

POST = ("A Ukrainian drone attack targeted a fuel and energy facility in Yartsevo district of the Smolensk region "
        "overnight on December 31, the district head said on Telegram. The claims have not been verified.")
REWRITE = POST.replace("The claims have not been verified.", "Reuters could not verify the claims.")
OTHER = ("A Ukrainian drone attack targeted an oil depot in Bryansk overnight on December 30, the regional governor "
         "said on Telegram. There were no casualties.")


def test_a_rewrite_is_a_reprint_and_another_strike_is_not():
    prints = [fingerprint(POST), fingerprint(OTHER), None, fingerprint(REWRITE)]
    assert reprint_pairs(prints) == [(0, 3)]


def test_a_fingerprint_is_stable_and_short():
    assert fingerprint(POST) == fingerprint(POST) and len(fingerprint(POST)) == 512
    assert reprint_pairs([fingerprint("two words")]) == []
