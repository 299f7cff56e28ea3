"""Progress bars on standard error, shown only on a terminal: in a log or a pipe they would be control codes."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from tqdm import tqdm


def progress_bar(iterable: Iterable | None = None, *, show: bool = True, **options: Any) -> tqdm:
    return tqdm(iterable, disable=not (show and sys.stderr.isatty()), file=sys.stderr, **options)
