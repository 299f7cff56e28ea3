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
