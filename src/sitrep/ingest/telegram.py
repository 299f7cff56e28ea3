"""Telegram Desktop channel exports (result.json): one document per text message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, cast

from sitrep.errors import InputError, InputWarning
from sitrep.ingest.common import DocumentOrError, load_json, normalise_newlines, parse_date
from sitrep.ingest.decoding import read_text
from sitrep.model import Document


class NotAnExport(ValueError):
    """The JSON is not shaped like a Telegram Desktop channel export."""


def read_telegram_export(
    path: Path, published: date | None = None, source: str | None = None
) -> Iterator[DocumentOrError]:
    """Yield a Document per message with text; service messages and empty posts are skipped.

    source is the fallback when the export has no channel name; published is unused,
    since every message carries its own date.
    """
    try:
        decoded = read_text(path)
        export = load_json(decoded.text)
        messages = export_messages(export)
    except InputError as err:
        yield err
        return
    except NotAnExport as err:  # (a ValueError too)
        yield InputError(path, f"not a Telegram Desktop export: {err}")
        return
    except ValueError as err:
        yield InputError(path, f"invalid JSON: {err}")
        return
    if decoded.note:
        yield InputWarning(path, decoded.note)
    export = cast("dict[str, Any]", export)  # export_messages checked that it is an object
    channel_id = export["id"]
    channel_name = export.get("name") if isinstance(export.get("name"), str) else None
    username = export.get("username") if isinstance(export.get("username"), str) else None
    for message in messages:
        if message.get("type") != "message":
            continue  # service messages: pins, joins, title changes
        text = normalise_newlines(flatten_text(message.get("text")))
        if not text.strip():
            continue  # photos and videos without a caption
        message_id = message.get("id")
        try:
            message_date = parse_date(message.get("date"))
        except ValueError as err:
            yield InputError(path, f"message {message_id}: {err}")
            continue
        channel = channel_name or source
        # A forwarded post is its first channel's report, which the forwarding channel passes on: its source is
        # that channel (one report, not a second source confirming it), and its title says who passed it on.
        # An edited post is exported as last edited, under the date it was first posted.
        original = message.get("forwarded_from") if isinstance(message.get("forwarded_from"), str) else None
        yield Document(
            id=f"telegram-{channel_id}-{message_id}",
            text=text,
            published=message_date,
            source=original or channel,
            url=f"https://t.me/{username}/{message_id}" if username else None,
            title=f"forwarded by {channel}" if original and channel else None,
            kind="telegram",
        )


def export_messages(export: object) -> list[dict]:
    """The export's messages after checking its shape; NotAnExport saying what is wrong."""
    if not isinstance(export, dict):
        raise NotAnExport(f"top level is a {type(export).__name__}, not an object")
    messages = export.get("messages")
    if not isinstance(messages, list):
        raise NotAnExport("no 'messages' list")
    if not isinstance(export.get("id"), (int, str)) or isinstance(export.get("id"), bool):
        raise NotAnExport("no channel 'id'")
    for position, message in enumerate(messages):
        if not isinstance(message, dict):
            raise NotAnExport(f"messages[{position}] is a {type(message).__name__}, not an object")
        if message.get("type") == "message" and not isinstance(message.get("id"), int):
            raise NotAnExport(f"messages[{position}] has no integer 'id'")
    return messages


def flatten_text(text: object) -> str:
    """A message's text: a plain string, or a list of strings and {"type", "text"} entities."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return ""
    parts = []
    for part in text:
        if isinstance(part, str):
            parts.append(part)
        elif isinstance(part, dict) and isinstance(part.get("text"), str):
            parts.append(part["text"])
    return "".join(parts)
