"""The `quantities` command's output: one JSON array of mentions per input line, streamed."""
from __future__ import annotations

import io
import os
import select
import stat
from json.encoder import encode_basestring
from typing import Iterable, Iterator, Optional, TextIO, cast

from compare.quantities.reader import mention_rows
from compare.quantities.reading import MENTION_FIELDS

_FLOAT_NAMES = {"inf": "Infinity", "-inf": "-Infinity", "nan": "NaN"}  # as json.dumps writes them


def _number(v: Optional[float]) -> str:
    if v is None:
        return "null"
    s = float.__repr__(v)
    return _FLOAT_NAMES.get(s, s)


def _string(v: Optional[str]) -> str:
    return "null" if v is None else encode_basestring(v)


def _json_object(t: tuple) -> str:
    """One mention's fields as `json.dumps(mention.model_dump(), ensure_ascii=False)` writes them."""
    return (f'{{"text": {encode_basestring(t[0])}, "start": {t[1]}, "end": {t[2]}, "value": {_number(t[3])}, '
            f'"low": {_number(t[4])}, "high": {_number(t[5])}, "unit": {_string(t[6])}, "kind": {encode_basestring(t[7])}, '
            f'"qualifier": {encode_basestring(t[8])}, "per": {_string(t[9])}, "direction": {_string(t[10])}, '
            f'"precision": {_number(t[11])}, "note": {_string(t[12])}}}')


assert MENTION_FIELDS == ("text", "start", "end", "value", "low", "high", "unit", "kind", "qualifier", "per", "direction",
                          "precision", "note"), "_json_object writes the Mention fields in this order"


def write_mentions(texts: Iterable[str], lang: str, out: TextIO) -> None:
    """One JSON array of mentions per input text, written as each text is read (streams stdin).

    Each line is handed to `out` before the next text is read; a stream of texts (stdin) is read
    through `stdin_lines`, which flushes `out` before it would wait for input, not after every line.
    Each mention is written from its field values (`mention_rows`), the same JSON as its model dumped,
    without building the model."""
    if hasattr(texts, "fileno"):  # a stream (stdin): answers are flushed when the next line is not there yet
        texts = stdin_lines(cast(TextIO, texts), out)
    write = out.write
    for t in texts:
        if t.endswith("\n"):
            t = t[:-1]
        if t.endswith("\r"):
            t = t[:-1]
        rows = mention_rows(t, lang)
        write("[" + ", ".join(map(_json_object, rows)) + "]\n" if rows else "[]\n")


def stdin_lines(stream: TextIO, out: TextIO) -> Iterator[str]:
    """The lines of `stream`, flushing `out` whenever the next line is not there yet: a pipe that
    feeds one line and waits for its answer gets it, and a file or a fast pipe is written in blocks
    instead of one system call per line. Where the stream cannot be polled, `out` is flushed after
    every line. A regular file is read without polling: it is always ready."""
    regular = False
    try:
        fd = stream.fileno()
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
        select.select([fd], [], [], 0)
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        fd = None
    if regular:  # a file never makes the reader wait: no poll per line
        yield from stream
        return
    poll = select.select
    for line in stream:
        yield line
        if fd is None or not poll([fd], [], [], 0)[0]:
            out.flush()
