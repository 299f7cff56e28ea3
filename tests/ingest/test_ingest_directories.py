import os

import pytest
from ingest_fixtures import ARTICLE_HTML, NO_ARTICLE_HTML, telegram_export, write_json, write_jsonl

from sitrep.errors import InputError
from sitrep.ingest import count_inputs, kind_of, read_documents
from sitrep.model import Document


def test_mixed_directory_yields_every_good_document_and_one_error_per_bad_file(tmp_path):
    (tmp_path / "a_note.txt").write_text("A plain note.")
    (tmp_path / "b_empty.txt").write_text("")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02 data")
    (tmp_path / "d_page.html").write_text(ARTICLE_HTML)
    (tmp_path / "e_login.html").write_text(NO_ARTICLE_HTML)
    nested = tmp_path / "f_nested"
    nested.mkdir()
    write_jsonl(nested / "batch.jsonl", [{"id": "j1", "text": "One."}, "{oops", {"id": "j2", "text": "Two."}])
    write_json(nested / "result.json", telegram_export())
    write_json(nested / "wrong.json", {"chats": []})
    (tmp_path / ".hidden.txt").write_text("Never read.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")

    items = list(read_documents([tmp_path]))

    docs = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, InputError)]
    assert [(doc.kind, doc.id) for doc in docs] == [
        ("text", "a_note"),
        ("html", "d_page"),
        ("jsonl", "j1"),
        ("jsonl", "j2"),
        ("telegram", "telegram-1234567890-5"),
        ("telegram", "telegram-1234567890-7"),
    ]
    assert [(e.path.removeprefix(str(tmp_path)), e.line) for e in errors] == [
        ("/b_empty.txt", None),
        ("/c_binary.txt", None),
        ("/e_login.html", None),
        ("/f_nested/batch.jsonl", 2),
        ("/f_nested/wrong.json", None),
    ]
    assert count_inputs([tmp_path]) == 8


def test_unknown_extensions_are_sniffed(tmp_path):
    samples = {
        "page.php": "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "lines.log": '{"id": "x", "text": "y"}\n',
        "export.bak": '{\n  "name": "c",\n  "messages": []\n}',
        "notes.rst": "Just words.",
        "README": '{"looks": "like json"} but has no extension',
    }
    for name, content in samples.items():
        (tmp_path / name).write_text(content)

    kinds = {name: kind_of(tmp_path / name) for name in samples}

    assert kinds == {
        "page.php": "html",
        "lines.log": "jsonl",
        "export.bak": "telegram",
        "notes.rst": "text",
        "README": "text",
    }


def _unreadable(monkeypatch, *folders):
    """Listing these folders fails as it does without the permission (tests may run as root, who may read all)."""
    import os

    real = os.scandir

    def scandir(path="."):
        if str(path) in {str(f) for f in folders}:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_an_unreadable_subfolder_is_reported_and_the_rest_read(tmp_path, monkeypatch):
    """Issue 16, item 9: a subfolder that could not be listed was skipped without a word."""
    (tmp_path / "a.txt").write_text("Alpha.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("Never reached.")
    (tmp_path / "z.txt").write_text("Zulu.")
    _unreadable(monkeypatch, locked)

    items = list(read_documents([tmp_path]))

    assert [type(item).__name__ for item in items] == ["InputError", "Document", "Document"]
    assert (items[0].path, items[0].problem) == (str(locked), "cannot read folder: Permission denied")
    assert [item.id for item in items[1:]] == ["a", "z"]


def test_an_unreadable_subfolder_fails_the_ingest(tmp_path, monkeypatch, embedded_gazetteer, capsys):
    from sitrep.cli import main

    inbox = tmp_path / "inbox"
    (inbox / "locked").mkdir(parents=True)
    (inbox / "a.txt").write_text("Alpha.")
    _unreadable(monkeypatch, inbox / "locked")

    assert main(["ingest", str(inbox), "--db", str(tmp_path / "events.db"), "--quiet"]) == 1
    captured = capsys.readouterr()
    assert f"sitrep: {inbox / 'locked'}: cannot read folder: Permission denied" in captured.err
    assert "1 files: 1 new documents" in captured.out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_without_read_permission_is_reported(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        items = list(read_documents([tmp_path]))
    finally:
        locked.chmod(0o755)
    assert [(item.path, item.problem) for item in items] == [(str(locked), "cannot read folder: Permission denied")]
