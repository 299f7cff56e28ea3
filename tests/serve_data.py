"""The database the API and browser tests serve: the example articles, plus one hostile report whose text
carries markup that must show as text and never run."""

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


def build_example_database(target: str) -> None:
    pipeline = Pipeline()
    with Store.open(target) as store:
        summary = ingest_paths([EXAMPLES], store, pipeline=pipeline, progress=False)
        assert not summary.errors, summary.errors
        ingest_documents([HOSTILE], store, pipeline, summary)
        merge_new_mentions(store, summary)
