"""Builders for ingest test fixtures, all made in code."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLE_SENTENCE = "A drone attacked an oil depot in Smolensk region overnight, the governor said. "

ARTICLE_HTML = f"""<!DOCTYPE html>
<html><head>
<title>Drone strike hits oil depot</title>
<meta property="og:url" content="https://example.com/news/depot">
<meta property="og:site_name" content="Example News">
<meta name="date" content="2024-12-30">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drone strike hits oil depot</h1>
<p>{ARTICLE_SENTENCE * 4}</p>
<p>Firefighters worked through the night to contain the blaze at the facility near Yartsevo.</p>
</article></body></html>
"""

NO_ARTICLE_HTML = "<html><head><title>Login</title></head><body><form><input name=q></form></body></html>"


def write_json(path: Path, value: object) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def write_jsonl(path: Path, lines: list[object | str]) -> Path:
    """Objects are serialised; strings are written as raw lines (for broken JSON)."""
    raw = [line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines]
    path.write_text("\n".join(raw) + "\n", encoding="utf-8")
    return path


def telegram_export(**overrides: object) -> dict:
    export = {
        "name": "Smolensk Governor",
        "type": "public_channel",
        "id": 1234567890,
        "messages": [
            {"id": 1, "type": "service", "date": "2024-12-30T10:00:00", "action": "pin_message"},
            {
                "id": 5,
                "type": "message",
                "date": "2024-12-31T07:12:03",
                "date_unixtime": "1735629123",
                "from": "Smolensk Governor",
                "text": ["Drone attack on ", {"type": "bold", "text": "Yartsevo"}, " overnight."],
                "text_entities": [],
            },
            {"id": 6, "type": "message", "date": "2024-12-31T08:00:00", "text": "", "photo": "photos/1.jpg"},
            {"id": 7, "type": "message", "date": "2025-01-01T00:05:00", "text": "No casualties reported."},
        ],
    }
    export.update(overrides)
    return export
