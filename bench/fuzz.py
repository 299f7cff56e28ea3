"""Hostile text against sitrep: every regular expression and the whole pipeline must run in linear time.

    python bench/fuzz.py patterns [--small 500] [--only claims]  # every pattern in src/sitrep, hostile input
    python bench/fuzz.py pipeline [--max 256000]  # `sitrep extract`'s reading of one text, the same shapes, timed
    python bench/fuzz.py random [--examples 2000] # hypothesis: random hostile text, each example under a deadline

`patterns` collects the compiled module-level patterns of every sitrep module (and of the lexicons the
extractors compile from `sitrep/data`), and the literal patterns of `re.sub(...)`-style calls in the source,
and runs each, with `finditer` (the way most are used; `match` for a literal only ever matched), over inputs made
of one unit repeated n times ("-", '"', "1,", "(", "Kharkiv ", ...) inside a few contexts ("Kharkiv ... said";
both from tests/hostile.py). It flags a pattern whose time grows more than SUPERLINEAR times when n grows
FACTOR times (linear growth is FACTOR times), or that passes the time limit at all. `pipeline` times
`sitrep.pipeline.read` on the same shapes at growing sizes. `make fuzz` runs all three.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import sitrep

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.hostile import CONTEXTS, UNITS, TookTooLong, deadline, hostile_text

SRC = Path(sitrep.__file__).parent

FACTOR = 8  # from the small input to the large one
SUPERLINEAR = 40  # a time ratio above this (linear is FACTOR, quadratic FACTOR ** 2) is super-linear
NOISE = 0.005  # seconds: below this a ratio says nothing


def timed(run: Callable[[], object], limit: float, repeat: int = 1) -> float:
    """Seconds `run` takes (the least of `repeat` runs), or infinity when it passes `limit`."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            with deadline(limit):
                run()
        except TookTooLong:
            return float("inf")
        best = min(best, time.perf_counter() - start)
    return best


# ---------------------------------------------------------------- the patterns


def _modules() -> Iterator[object]:
    for path in sorted(SRC.rglob("*.py")):  # not pkgutil: sitrep/extractors is a namespace package
        name = ".".join(("sitrep", *path.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__")
        try:
            yield importlib.import_module(name)
        except Exception as err:  # an optional dependency missing: its patterns are not scanned
            print(f"skipped {name}: {err}", file=sys.stderr)


def _patterns_in(value: object, depth: int = 0) -> Iterator[re.Pattern]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield value
    elif depth < 3 and isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)
    elif hasattr(value, "patterns") and hasattr(value, "any_pattern"):  # the lexicons' NamedPatterns
        yield from value.patterns
        yield value.any_pattern


def _lexicons() -> Iterator[object]:
    """What the lexicon module's argument-less cached functions return: the patterns compiled from sitrep/data."""
    from sitrep.extractors import lexicon

    for function in vars(lexicon).values():
        if callable(function) and hasattr(function, "cache_info") and function.__module__ == lexicon.__name__:
            try:
                yield function()
            except TypeError:
                continue  # takes arguments


_RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def _literal_patterns(path: Path) -> Iterator[tuple[re.Pattern, str]]:
    """The patterns written as literals in `re.sub(r"...", ...)`-style calls inside functions, with the call."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_CALLS
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
            and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
        ):
            flags = re.I if "re.I" in ast.unparse(node) or "IGNORECASE" in ast.unparse(node) else 0
            try:
                yield re.compile(node.args[0].value, flags), node.func.attr
            except re.error:
                continue


def all_patterns() -> dict[tuple[str, int], tuple[str, re.Pattern, str]]:
    """Every distinct pattern, keyed by (source, flags), with where it was found and how it is used: "match" or
    "fullmatch" when it is only ever tried at the start of a string, else "search"."""
    found: dict[tuple[str, int], tuple[str, re.Pattern, str]] = {}
    for module in _modules():
        for name, value in list(vars(module).items()):
            for pattern in _patterns_in(value):
                found.setdefault((pattern.pattern, pattern.flags), (f"{module.__name__}.{name}", pattern, "search"))
    for value in _lexicons():
        for pattern in _patterns_in(value):
            found.setdefault((pattern.pattern, pattern.flags), ("sitrep/data (lexicon)", pattern, "search"))
    for path in sorted(SRC.rglob("*.py")):
        for pattern, call in _literal_patterns(path):
            how = call if call in ("match", "fullmatch") else "search"
            found.setdefault((pattern.pattern, pattern.flags), (str(path.relative_to(SRC.parent)), pattern, how))
    return found


Shape = tuple[str, str, str]  # prefix, unit, suffix
SHAPES: list[Shape] = [(prefix, unit, suffix) for unit in UNITS for prefix, suffix in CONTEXTS]


def hostile(shape: Shape, n: int) -> str:
    prefix, unit, suffix = shape
    return prefix + unit * n + suffix


def described(shape: Shape) -> str:
    prefix, unit, suffix = shape
    return f"{prefix!r} + {unit!r} * n + {suffix!r}"


# Patterns only ever run on a stretch of text of bounded length, whatever the input: named, with the bound,
# and not scanned (on unbounded text they would be super-linear, and that is never how they are used).
BOUNDED = {
    "sitrep.geo.candidates.WEAPON_NAMES_BEFORE": "searched in the WEAPON_LIST_REACH (160) characters before a weapon word",
}


def scan_patterns(small: int, limit: float, only: list[str] = ()) -> list[str]:
    """Each pattern on each hostile shape at `small` and FACTOR * `small` repeats; the super-linear ones."""
    problems = []
    patterns = all_patterns()
    print(f"{len(patterns)} patterns, {len(SHAPES)} shapes, n = {small} and {small * FACTOR}")
    for where, pattern, how in patterns.values():
        if only and not any(word in where for word in only):
            continue
        if where in BOUNDED:
            print(f"bounded {where}: {BOUNDED[where]}")
            continue
        run = getattr(pattern, how) if how != "search" else lambda text, pattern=pattern: sum(1 for _ in pattern.finditer(text))
        for shape in SHAPES:
            if (growth := _growth(run, shape, small, limit)) is None:
                continue
            line = f"SUPER-LINEAR {where}: {growth} on {described(shape)}\n    {pattern.pattern[:200]}"
            problems.append(line)
            print(line, flush=True)
            break  # one shape is enough to show it
    return problems


def _growth(run: Callable[[str], object], shape: Shape, small: int, limit: float) -> str | None:
    """How the time of `run` grew from `small` to FACTOR * `small` repeats, when that is super-linear (and,
    looked at again from there to twice as many, still more than linear: a busy machine makes noise)."""
    before = timed(lambda: run(hostile(shape, small)), limit, repeat=3)
    after = timed(lambda: run(hostile(shape, small * FACTOR)), limit, repeat=2) if before < limit else before
    said = f"{before:.4f} s -> {after:.4f} s"
    if after == float("inf"):
        return f"over {limit} s ({said})"
    if after < NOISE or after / max(before, 1e-6) < SUPERLINEAR:
        return None
    twice = timed(lambda: run(hostile(shape, 2 * small * FACTOR)), limit, repeat=3)
    return f"{after / max(before, 1e-6):.0f} x ({said}, then {twice:.4f} s)" if twice > 3 * after else None


# ---------------------------------------------------------------- the pipeline


def scan_pipeline(largest: int, limit: float) -> list[str]:
    """`sitrep extract`'s reading of each shape (in the first two contexts) at 1k, 4k, 16k, ... characters up to
    `largest`, timed; super-linear when the last step took over 6 times the one before (linear: 4 times)."""
    from sitrep.pipeline import read

    read("A drone hit Kyiv.")  # load spaCy and the gazetteer first
    problems = []
    for shape in [s for s in SHAPES if (s[0], s[2]) in CONTEXTS[:2]]:
        times: list[tuple[int, float]] = []
        size = 1000
        while size <= largest and (not times or times[-1][1] < limit / 8):
            text = hostile(shape, max(1, size // len(shape[1])))
            times.append((len(text), timed(lambda text=text: read(text), limit)))
            size *= 4
        line = f"{described(shape):<62} " + "  ".join(f"{n / 1000:.0f}k {t:.2f}s" for n, t in times)
        (_, previous), (_, last) = times[-2] if len(times) > 1 else times[-1], times[-1]
        if last == float("inf") or (last > 1 and last > 6 * previous):
            line = "SUPER-LINEAR " + line
            problems.append(line)
        print(line, flush=True)
    return problems


# ---------------------------------------------------------------- random hostile text (hypothesis)


def fuzz_random(examples: int, deadline_ms: int) -> list[str]:
    from hypothesis import HealthCheck, given, settings

    from sitrep.pipeline import read

    read("A drone hit Kyiv.")

    @settings(max_examples=examples, deadline=deadline_ms, suppress_health_check=list(HealthCheck), database=None)
    @given(hostile_text(max_repeats=20_000))
    def reads_in_time(text: str) -> None:
        with deadline(4 * deadline_ms / 1000):  # hypothesis's deadline reports a slow example, this stops a hung one
            read(text)

    try:
        reads_in_time()
    except Exception as err:  # the falsifying example is printed by hypothesis
        return [f"{type(err).__name__}: {err}"]
    print(f"{examples} random hostile texts read, each within {deadline_ms} ms")
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    patterns = commands.add_parser("patterns")
    patterns.add_argument("--small", type=int, default=500, help="repeats in the small input (default 500)")
    patterns.add_argument("--limit", type=float, default=0.5, help="seconds before a pattern counts as hung")
    patterns.add_argument("--only", nargs="*", default=(), help="only the patterns whose location contains one of these")
    pipeline = commands.add_parser("pipeline")
    pipeline.add_argument("--max", type=int, default=256_000, help="largest input in characters")
    pipeline.add_argument("--limit", type=float, default=60.0)
    random = commands.add_parser("random")
    random.add_argument("--examples", type=int, default=2000)
    random.add_argument("--deadline", type=int, default=5000, help="milliseconds an example may take")
    args = parser.parse_args(argv)
    if args.command == "patterns":
        problems = scan_patterns(args.small, args.limit, args.only)
    elif args.command == "pipeline":
        problems = scan_pipeline(args.max, args.limit)
    else:
        problems = fuzz_random(args.examples, args.deadline)
    print(f"{len(problems)} super-linear" if problems else "all linear")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
