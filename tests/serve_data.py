"""The database the API and browser tests serve: the example articles, plus one hostile report whose text
carries markup that must show as text and never run. The map's database adds reports the map must treat
apart: one placed only at country level, one with a stray date years before the rest, one with many dead, and
a battle on a day that has a strike too."""

from __future__ import annotations

from datetime import date

from sitrep.jobs import ingest_documents, ingest_paths, merge_new_mentions
from sitrep.model import Document
from sitrep.pipeline import Pipeline
from sitrep.store import Store

from .conftest import EXAMPLES

HOSTILE_MARKUP = '<script>window.__sitrepPwned = 1</script><img src=x onerror="window.__sitrepPwned = 2">'
HOSTILE = Document(
    id="hostile-1",
    text=(
        "A Ukrainian drone attack hit a fuel depot in Bryansk overnight on December 30 "
        f"{HOSTILE_MARKUP} the regional governor said on Telegram."
    ),
    published=date(2024, 12, 30),
    source="Hostile Outlet",
    title="<b>markup in a title</b>",
)


COUNTRY_LEVEL = Document(
    id="country-level-1",
    text="Russian missiles struck Ukraine on December 29, killing 12 civilians, officials said.",
    published=date(2024, 12, 30),
    source="Wire One",
)
STRAY_DATE = Document(  # an article four years older than the rest: the timeline must not start there
    id="stray-date-1",
    text="Shelling hit Donetsk yesterday, killing 3 people, the regional governor said.",
    published=date(2020, 8, 13),
    source="Old Outlet",
)
DEADLY = Document(
    id="deadly-1",
    text="A Russian missile strike on Kharkiv killed 25 civilians on December 28, the regional governor said.",
    published=date(2024, 12, 29),
    source="Wire Two",
)
CLASH = Document(  # a battle on the day of the hostile report's strike: that day's bar has two types
    id="clash-1",
    text="Russian troops clashed with Ukrainian forces near Kupiansk on December 30, the Ukrainian military said.",
    published=date(2024, 12, 31),
    source="Wire Two",
)
MAP_DOCUMENTS = [COUNTRY_LEVEL, STRAY_DATE, DEADLY, CLASH]


def build_example_database(target: str, extra: list[Document] = ()) -> None:
    pipeline = Pipeline()
    with Store.open(target) as store:
        summary = ingest_paths([EXAMPLES], store, pipeline=pipeline, progress=False)
        assert not summary.errors, summary.errors
        ingest_documents([HOSTILE, *extra], store, pipeline, summary)
        merge_new_mentions(store, summary)
