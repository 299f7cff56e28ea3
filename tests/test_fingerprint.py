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


def test_signatures_are_those_datasketch_2_made():
    # MinHash(num_perm=64, seed=11), scheme "affine32", SHA-1 of each shingle: the signatures already stored stay
    # comparable with new ones
    signature = fingerprint("A Ukrainian drone attack targeted a fuel depot in Yartsevo overnight.")
    assert signature == (
        "0283350c482b3e09e212a60e9d3c6e0e71a770728b77bd4316c94227aea7da0764d37441241c7609ff6b9e1ff8d4051f1a14cb39f765801814070c116d9fa018"
        "43337c19986084031c3cc6064091700d3a68ed0df6d11a0dbc93940f6d3af00502e286457969a504f6ed2814ef4fbb25e4aedd284b43f7010c6f55339fe32d0b"
        "03401b0691634e087f4ccd064b54d31bd11b0e152336d916f8f41ca35fe8af416ac3b423830222263563a90356d7862d8b2c6b16e3ba7907632092131d00a257"
        "daeef5327d09562d66abb60d283e4c233c458069e1b0f20dc5e34c09f9906759746b0e010a84ca0bb3e6ed1dd88d1741a2d8462f4e706f014ef22718c94cee2e"
    )
