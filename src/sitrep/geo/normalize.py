"""Name normalisation and stemming: the one definition of "the same name" used by index and lookup."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "'’ʼ`´ʹ‘ʻ"
# Latin (incl. extended) and Cyrillic names are kept; other scripts never occur in our texts.
_FOREIGN_SCRIPT = re.compile(r"[^\u0000-\u024F\u0300-\u036F\u0400-\u052F\u1E00-\u1EFF\u2000-\u206F\u02B0-\u02FF]")

# Words naming a kind of admin unit, normalised. Stripped to find the core of a unit name.
ADMIN1_UNIT_WORDS = frozenset(
    "oblast oblasti obl region province krai kray republic respublika okrug governorate "
    "область край республика округ".split()
)
ADMIN2_UNIT_WORDS = frozenset("district raion rayon municipality район".split())
CITY_UNIT_WORDS = frozenset("city misto gorod".split())
_FILLER_WORDS = frozenset("autonomous avtonomnyy avtonomnaya of the".split())
UNIT_WORDS = ADMIN1_UNIT_WORDS | ADMIN2_UNIT_WORDS | CITY_UNIT_WORDS

# Adjectival endings of Russian/Ukrainian unit names ("Smolenskaya", "Yartsevskiy", "Kyivska"),
# longest first. Each yields the bare stem and, for "-sk-" endings, the stem + "sk".
_ADJECTIVE_ENDINGS = (
    "skaya", "skiy", "skii", "skij", "skyi", "skyy", "skyj", "skoye", "skoe", "skoy", "sky", "ska", "ske",
    "ская", "ский", "ской", "ское", "ська", "ський",
)


# Russian and Ukrainian letters in Latin, as GeoNames' English names mostly spell them (Kharkiv, Zhytomyr,
# Yevpatoriya): enough to tell whether two spellings name one place, not a standard to print.
_ROMAN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ё": "yo", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def romanise(text: str) -> str:
    """Cyrillic letters in Latin ("Мелітополі" -> "Melitopoli"), the rest as it is. Russian г is written h
    as in Ukrainian; `spelling_key` and the evaluation's skeletons absorb the other differences."""
    out = []
    for ch in text:
        latin = _ROMAN.get(ch.lower())
        out.append(ch if latin is None else latin.capitalize() if ch.isupper() else latin)
    return "".join(out)


def consonant_key(name: str) -> str:
    """The consonants of a name romanised, g and h as one: what the Russian, Ukrainian and English spellings
    of one town share ("Харьков", "Харків", "Kharkiv" -> "khrkv"; "Белгород", "Belgorod" -> "blhrd")."""
    latin = normalise(romanise(name)).replace("g", "h")
    return re.sub(r"[aeiouy\s]+", "", latin)


@lru_cache(maxsize=200_000)
def normalise(name: str) -> str:
    """Casefold, strip Latin diacritics, drop apostrophes, hyphens and punctuation to spaces.

    Cyrillic keeps its letters (only ё -> е), so "Смоленск" stays Cyrillic.
    """
    return " ".join(name.casefold().translate(_FOLDED).split())


def _fold_char(ch: str) -> str:
    if "\u0400" <= ch <= "\u052f":
        return "е" if ch == "ё" else ch
    decomposed = unicodedata.normalize("NFKD", ch)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _FoldTable(dict):
    """str.translate table that says once per character what it becomes: nothing (apostrophes), its
    letters less diacritics, a space for punctuation and "_" (as the regex [^\\w]+|_ would). C speed
    for the millions of names of an allCountries import, where Python per character was the main cost."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        folded = "" if ch in _APOSTROPHES else "".join(c if c.isalnum() else " " for c in _fold_char(ch))
        self[code] = folded
        return folded


_FOLDED = _FoldTable()


def spelling_key(norm: str) -> str:
    """What romanisations of one Cyrillic name share: Novotroyitske/Novotroitske, Kamyanka/Kamianka,
    Donetskiy/Donetskyi, Avdiivka/Avdiyivka (y, i and j as one letter, and a run of them as one)."""
    key = norm.replace("y", "i").replace("j", "i")
    return _I_RUN.sub("i", key) if "ii" in key else key  # the regex only when needed: millions of names


_I_RUN = re.compile(r"i{2,}")

# Endings that differ between transliterations of one village ("Dragonsko" / "Dragunskoye").
_FUZZY_ENDINGS = re.compile(r"(?:oye|oe|aya|iy|yy|yi|ye|[aeiouy])$")


def fuzzy_key(name: str) -> str:
    """The form compared by fuzzy matching: normalised, without a final vowel or adjectival ending."""
    return _FUZZY_ENDINGS.sub("", normalise(name))


def is_usable_name(name: str) -> bool:
    """Names worth indexing: Latin or Cyrillic script, not a lower-case romanisation or a code."""
    if not name or _FOREIGN_SCRIPT.search(name):
        return False
    if name.islower() and name.isascii():  # "seumollenseukeu": machine romanisations of CJK names
        return False
    return not (name.isupper() and len(name) <= 4)  # IATA-like codes: "DOK", "LNX"


def strip_unit_words(norm: str) -> tuple[str, set[str]]:
    """("smolenskaya oblast") -> ("smolenskaya", {"oblast"}): the core of a unit name and its unit words."""
    words = norm.split()
    found: set[str] = set()
    while words and (words[-1] in UNIT_WORDS or words[-1] in _FILLER_WORDS):
        found.add(words.pop())
    while words and (words[0] in UNIT_WORDS or words[0] in _FILLER_WORDS):
        found.add(words.pop(0))
    return " ".join(words), found & UNIT_WORDS


def adjective_stems(core: str) -> set[str]:
    """Stems of an adjectival unit name: "smolenskaya" -> {"smolen", "smolensk"}."""
    if not core:
        return set()
    head, _, last = core.rpartition(" ")
    prefix = head + " " if head else ""
    stems: set[str] = set()
    for ending in _ADJECTIVE_ENDINGS:
        if last.endswith(ending) and len(last) - len(ending) >= 3:
            base = last[: -len(ending)]
            stems.add(prefix + base)
            stems.add(prefix + base + ending[:2])  # "smolen" + "sk"
            break
    return stems


def query_variants(name: str) -> list[str]:
    """Forms of a queried unit name, best first: itself, its core, the core less a final vowel, stems.

    "Yartsevo" -> ["yartsevo", "yartsev"] so that it meets the stem of "Yartsevskiy Rayon".
    """
    norm = normalise(name)
    core, _ = strip_unit_words(norm)
    variants = [norm, core]
    if core and core[-1] in "aeiouy" and len(core) > 4:
        variants.append(core[:-1])
    variants.extend(sorted(adjective_stems(core)))
    return list(dict.fromkeys(v for v in variants if v))
