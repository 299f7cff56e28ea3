from datetime import date

from ingest_fixtures import write_json

from sitrep.errors import InputError, InputWarning
from sitrep.ingest import read_documents
from sitrep.ingest.decoding import decode
from sitrep.model import Document

RUSSIAN = "Беспилотник атаковал нефтебазу в Смоленской области"


def only(items: list) -> Document | InputError:
    assert len(items) == 1, items
    return items[0]


def test_text_file_becomes_one_document_named_by_its_stem(tmp_path):
    path = tmp_path / "000_9f7d75213e9a4504.txt"
    path.write_bytes(b"\xef\xbb\xbfLine one.\r\nLine two.\rLine three.  \n")

    doc = only(list(read_documents([path], source="Reuters")))

    assert doc == Document(
        id="000_9f7d75213e9a4504",
        text="Line one.\nLine two.\nLine three.  \n",
        published=None,
        source="Reuters",
        kind="text",
    )


def test_published_comes_from_argument_then_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha.")
    (tmp_path / "b.md").write_text("Bravo.")
    (tmp_path / "c.txt").write_text("Charlie.")
    write_json(tmp_path / "published.json", {"a.txt": "2024-12-31", "b": "2025-01-02T09:00:00Z"})

    from_sidecar = {doc.id: doc.published for doc in read_documents([tmp_path])}
    from_argument = {doc.id: doc.published for doc in read_documents([tmp_path], published=date(2020, 1, 1))}

    assert from_sidecar == {"a": date(2024, 12, 31), "b": date(2025, 1, 2), "c": None}
    assert set(from_argument.values()) == {date(2020, 1, 1)}


def test_broken_sidecar_is_reported_by_name(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha.")
    (tmp_path / "published.json").write_text("{not json")

    error = only(list(read_documents([tmp_path])))

    assert isinstance(error, InputError)
    assert error.path.endswith("published.json") and "a.txt" in error.problem


def test_cp1251_russian_is_decoded(tmp_path):
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN.encode("cp1251"))

    assert only(list(read_documents([path]))).text == RUSSIAN


def test_empty_and_whitespace_files_are_errors(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n")

    errors = list(read_documents([tmp_path]))

    assert [(e.path, e.problem) for e in errors] == [
        (str(tmp_path / "blank.txt"), "empty file"),
        (str(tmp_path / "empty.txt"), "empty file"),
    ]


def test_binary_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))

    error = only(list(read_documents([path])))

    assert isinstance(error, InputError)
    assert error.problem == "binary file, not text"
    assert str(path) in str(error)


def test_control_characters_without_nul_count_as_binary():
    try:
        decode(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"some text")
    except ValueError as err:
        assert str(err) == "binary file, not text"
    else:
        raise AssertionError("expected ValueError")


def test_undecodable_bytes_are_an_encoding_error(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)  # no NULs or controls, not UTF-8, not prose

    error = only(list(read_documents([path])))

    assert error.problem == "not UTF-8 text (looks like binary/unknown encoding)"


def test_missing_path_is_an_error(tmp_path):
    error = only(list(read_documents([tmp_path / "nope.txt"])))

    assert isinstance(error, InputError) and error.problem == "no such file or directory"


def test_a_stray_byte_in_utf8_text_is_replaced_and_said_not_read_as_cp1251(tmp_path):
    """Issue 16: one stray byte made the whole file cp1251 ("Kharkiv’s" became "KharkivвЂ™s")."""
    path = tmp_path / "kharkiv.txt"
    path.write_bytes("Kharkiv’s mayor said the city was shelled overnight.\n".encode() * 20
                     + b"A stray \xff byte.\n")

    warning, doc = list(read_documents([path]))

    assert isinstance(warning, InputWarning) and warning.path == str(path)
    assert warning.problem.startswith("not valid UTF-8: 1 stray byte replaced with U+FFFD")
    assert doc.text.startswith("Kharkiv’s mayor") and "вЂ" not in doc.text
    assert doc.text.endswith("A stray \ufffd byte.\n")


def test_a_stray_byte_in_ascii_text_is_no_evidence_of_cp1251(tmp_path):
    path = tmp_path / "ascii.txt"
    path.write_bytes(b"Shelling hit Kharkiv\xff overnight, the governor said.")

    warning, doc = list(read_documents([path]))

    assert isinstance(warning, InputWarning)
    assert doc.text == "Shelling hit Kharkiv\ufffd overnight, the governor said."


def test_russian_words_in_cp1251_are_evidence_enough(tmp_path):
    path = tmp_path / "quote.txt"
    path.write_bytes(f"The governor wrote: «{RUSSIAN}».".encode("cp1251"))

    assert only(list(read_documents([path]))).text == f"The governor wrote: «{RUSSIAN}»."


def test_a_warning_is_said_and_the_document_stored(tmp_path, embedded_gazetteer):
    from sitrep.jobs import ingest_paths
    from sitrep.store import Store

    path = tmp_path / "note.txt"
    path.write_bytes(b"Shelling hit Kharkiv\xff overnight.")
    with Store.open(tmp_path / "events.db") as store:
        summary = ingest_paths([path], store, progress=False)
        assert store.document("note").text == "Shelling hit Kharkiv\ufffd overnight."
    assert summary.documents == 1 and summary.errors == []
    assert len(summary.warnings) == 1 and summary.warnings[0].startswith(f"{path}: not valid UTF-8")
    assert str(summary).endswith(", 1 warnings")
