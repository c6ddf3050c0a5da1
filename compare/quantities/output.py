"""The `quantities` command's output: one JSON array of mentions per input line, streamed."""
from __future__ import annotations

import io
import json
import select
from typing import Iterable, Iterator, TextIO

from compare.quantities.reader import find_mentions

_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(..., ensure_ascii=False) builds one per call


def write_mentions(texts: Iterable[str], lang: str, out: TextIO) -> None:
    """One JSON array of mentions per input text, written as each text is read (streams stdin).

    Each line is handed to `out` before the next text is read; a stream of texts (stdin) is read
    through `stdin_lines`, which flushes `out` before it would wait for input, not after every line. A mention's fields
    are its `model_dump()` (a flat model: its `__dict__`, without the copy)."""
    encode = _JSON.encode
    if hasattr(texts, "fileno"):  # a stream (stdin): answers are flushed when the next line is not there yet
        texts = stdin_lines(texts, out)
    for t in texts:
        if t.endswith("\n"):
            t = t[:-1]
        if t.endswith("\r"):
            t = t[:-1]
        out.write(encode([m.__dict__ for m in find_mentions(t, lang)]) + "\n")


def stdin_lines(stream: TextIO, out: TextIO) -> Iterator[str]:
    """The lines of `stream`, flushing `out` whenever the next line is not there yet: a pipe that
    feeds one line and waits for its answer gets it, and a file or a fast pipe is written in blocks
    instead of one system call per line. Where the stream cannot be polled, `out` is flushed after
    every line."""
    try:
        fd = stream.fileno()
        select.select([fd], [], [], 0)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        fd = None
    poll = select.select
    for line in stream:
        yield line
        if fd is None or not poll([fd], [], [], 0)[0]:
            out.flush()
