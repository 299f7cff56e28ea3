"""Issue 16, item 5: `ingest` streams documents through the pipeline into the store, a batch at a time,
instead of reading and listing every document of a file first (memory grew with the file)."""

from __future__ import annotations

import json

from sitrep import jobs
from sitrep.pipeline import Pipeline
from sitrep.store import Store

TEXT = "Shelling hit Kupiansk in the Kharkiv region on Monday, the governor said. Report {n}."


def test_a_file_is_stored_batch_by_batch_while_it_is_read(tmp_path, embedded_gazetteer, monkeypatch):
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n}", "text": TEXT.format(n=n), "published": "2024-12-30"}) + "\n"
                            for n in range(40)), encoding="utf-8")
    read = []
    documents_of = jobs.documents_of

    def counted(*args, **kwargs):
        for document in documents_of(*args, **kwargs):
            read.append(document.id)
            yield document

    monkeypatch.setattr(jobs, "documents_of", counted)
    with Store.open(tmp_path / "events.db") as store:
        read_when_stored = []
        add_documents = store.add_documents
        monkeypatch.setattr(store, "add_documents", lambda results: read_when_stored.append(len(read)) or add_documents(results))

        summary = jobs.ingest_paths([path], store, Pipeline(batch_size=8), progress=False)

        assert read_when_stored == [8, 16, 24, 32, 40]  # stored before the rest of the file was read
        assert (summary.files, summary.documents, store.count("documents")) == (1, 40, 40)
        assert summary.mentions == store.count("mentions") > 0 and summary.events_changed > 0
        assert store.count("events") > 0 and not store.unassigned_mentions()


def test_the_summary_and_errors_of_a_streamed_folder(tmp_path, embedded_gazetteer):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(TEXT.format(n=1), encoding="utf-8")
    (inbox / "b.jsonl").write_text(
        json.dumps({"id": "b1", "text": TEXT.format(n=2)}) + "\n{broken\n" + json.dumps({"id": "a", "text": "Other."}) + "\n",
        encoding="utf-8",
    )
    (inbox / "c.txt").write_text(TEXT.format(n=1), encoding="utf-8")  # a.txt's text again

    with Store.open(tmp_path / "events.db") as store:
        summary = jobs.ingest_paths([inbox], store, Pipeline(batch_size=2), progress=False)

    assert (summary.files, summary.documents, summary.unchanged) == (3, 2, 1)
    assert summary.errors == [
        f"{inbox / 'b.jsonl'}:2: invalid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        "a: a different text is already stored under this document id",
    ]


def test_a_document_sitrep_fails_on_is_named_and_the_rest_of_its_batch_stored(tmp_path, embedded_gazetteer):
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n}", "text": TEXT.format(n=n), "published": "2024-12-30"}) + "\n"
                            for n in range(6)), encoding="utf-8")

    class FailsOnOne(Pipeline):  # stands for a defect met on one odd document
        def _process_batch(self, documents):
            if any(d.id == "d3" for d in documents):
                raise RuntimeError("a defect")
            return super()._process_batch(documents)

    with Store.open(tmp_path / "events.db") as store:
        summary = jobs.ingest_paths([path], store, FailsOnOne(batch_size=8), progress=False)
        assert summary.errors == ["d3: not read: sitrep failed on it (RuntimeError: a defect); please report it"]
        assert store.count("documents") == 5 and store.document("d3") is None
        assert store.count("events") > 0
