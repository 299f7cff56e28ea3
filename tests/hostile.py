"""Hostile text for the tests and for `bench/fuzz.py`: shapes that made sitrep's regular expressions (and
spaCy's tokenizer) backtrack or rescan for minutes (issue 16), and a hypothesis strategy that mixes them."""

from __future__ import annotations

import signal
from contextlib import contextmanager

from hypothesis import strategies as st

# One unit, repeated, makes an input: each is a shape some pattern could split in many ways or read again from
# each of its characters (hyphens that are word and separator, runs of quotes, figures, capitals, spaces).
UNITS = (
    "-", "--", " -", "- ", "—", "– ", '"', "“", "”", '" ', "'", "’", "’s ", "1,", "1", "1 ", "1.", "1-", "1, ",
    "(", ")", "()", "( ", "(a", "A", "A ", "Aa ", "A.", "A-", "a-", "A'", "Kharkiv ", "Kharkiv, ", "Kharkiv-",
    " ", "\n", "\n\n", "\t", ".", ". ", ",", ", ", ":", "a", "a ", "a.", "and ", "of ", "the ", "in ", "said ",
    "killed ", "one, ", "1 and ", "10 km ", "near ", "A and ", "The ", "D ", "a,", "x ", "Ab.C ", "not claimed ",
)
# Around a repeated unit: words that make a pattern start matching, and an end that makes it fail.
CONTEXTS = (
    ("", ""), ("Shelling killed two in Kharkiv ", " DPR"), ("Kharkiv ", " said"), ("killed ", " x"),
    ("according to ", "!"), ("", " killed"), ("In ", " wounded 3"),
)
# Ordinary words of reports, so that the extractors get far enough to meet the hostile part.
WORDS = (
    "Shelling", "killed", "two", "civilians", "in", "Kharkiv", "Donetsk", "region", "the", "governor", "said",
    "DPR", "according to", "drone", "strike", "on Monday", "at least", "1,200", "soldiers", "wounded", ".", ",",
    " - ", ": ", "Vladimir Putin", "near", "Ukrainian", "forces", "claimed", "denied", "no casualties",
)


def hostile_text(max_repeats: int = 2000) -> st.SearchStrategy[str]:
    """Texts of ordinary words, arbitrary characters and long runs of a hostile unit, in any order."""
    run = st.tuples(st.sampled_from(UNITS), st.integers(1, max_repeats)).map(lambda unit_times: unit_times[0] * unit_times[1])
    piece = st.one_of(run, st.sampled_from(WORDS), st.text(max_size=12))
    return st.lists(piece, max_size=10).map(" ".join)


class TookTooLong(AssertionError):
    pass


@contextmanager
def deadline(seconds: float):
    """Fail (rather than hang) when the block runs longer than `seconds`: Python's `re` checks for signals while
    it backtracks, so the alarm interrupts a runaway pattern. A generous bound on input that took minutes."""

    def expire(*_):
        raise TookTooLong(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
