"""Saving: the run's date, a zip with one fixed date on every entry, and an atomic replace of the target.

Every temporary file of an export (openpyxl's sheet streams, our sheet XML, the archive before it
replaces the workbook) is made beside the workbook's real file, named `.NAME.PID.*.tmp`, never in
the system's temporary folder: a full /tmp does not matter, and an export killed half-way leaves
files that the next export to the same workbook removes (those of a process no longer running). A
symbolic link at the output is written through: the file it points to is replaced, the link stays.
A read-only workbook is refused, never replaced.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator, Optional, Sequence
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.worksheet import _writer as sheet_writer

from compare.errors import Problem, UserError
from compare.models import Article
from compare.workbook.parts import PartsWriter, with_link_rels

EARLIEST = datetime(1980, 1, 1)


def parse_time(text: str) -> Optional[datetime]:
    text = text.strip().replace(" ", "T", 1)
    for candidate in (text, text[:19], text[:10]):
        try:
            return datetime.fromisoformat(candidate).replace(tzinfo=None)
        except ValueError:
            continue
    return None


def run_time(now: Optional[str], articles: Sequence[Article]) -> datetime:
    """The time written into the workbook: `now` if given, else the newest article date."""
    if now:
        t = parse_time(now)
        if t is None:
            raise UserError(Problem(f"--now {now!r} is not a date; write it like 2025-01-24 or 2025-01-24T11:30:00"))
    else:
        dates = [d for d in (parse_time(a.date) for a in articles if a.date) if d]
        t = max(dates) if dates else EARLIEST
    return min(max(t, EARLIEST), datetime(2107, 12, 31, 23, 59, 58))


class StampedZip(ZipFile):
    """The archive openpyxl writes into, with one fixed date on every entry (same input, same bytes).

    It also writes a carriage return inside XML as `&#13;`: a raw CR would be read back as a line
    feed, changing the text of a cell that held one.
    """

    def __init__(self, file, stamp: datetime):
        super().__init__(file, "w", ZIP_DEFLATED, allowZip64=True)
        self.stamp = stamp.timetuple()[:6]
        self.spliced: dict[str, str] = {}  # relationships part -> the file of link relationships that go first

    def info(self, name: str) -> ZipInfo:
        zi = ZipInfo(name, self.stamp)
        zi.compress_type = ZIP_DEFLATED
        zi.external_attr = 0o644 << 16
        zi.create_system = 3
        return zi

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        if isinstance(data, str):
            data = data.encode("utf-8")
        if name.endswith((".xml", ".rels", ".vml")):
            data = data.replace(b"\r", b"&#13;")
        if name in self.spliced:
            self.write_pieces(name, with_link_rels(data, self.spliced.pop(name)))
            return
        super().writestr(self.info(name), data)

    def write_pieces(self, name: str, pieces: Sequence) -> None:
        """One entry made of bytes and of files (their paths) in turn, streamed (compare.workbook.parts)."""
        size = sum(len(p) if isinstance(p, bytes) else os.path.getsize(p) for p in pieces)
        with self.open(self.info(name), "w", force_zip64=size > (1 << 30)) as dst:
            for piece in pieces:
                if isinstance(piece, bytes):
                    dst.write(piece)
                    continue
                with open(piece, "rb") as src:
                    shutil.copyfileobj(src, dst, 1 << 20)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        name = arcname or os.path.basename(filename)
        big = os.path.getsize(filename) > (1 << 30)
        with open(filename, "rb") as src, self.open(self.info(name), "w", force_zip64=big) as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk.replace(b"\r", b"&#13;") if name.endswith(".xml") else chunk)


def target_of(path: Path) -> Path:
    """The file an export writes: `path`, or the file the symbolic link at `path` points to."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def refuse_read_only(path: Path) -> None:
    """A workbook the user made read-only (or may not write) is left as it is, with why."""
    if path.exists() and (not path.stat().st_mode & stat.S_IWUSR or not os.access(path, os.W_OK)):
        raise UserError(Problem("the workbook is read-only, so it was left untouched; make it writable, or "
                                "choose another --output, and export again", file=str(path)))


def temp_prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


_BESIDE: list[Path] = []  # the workbook being written: its temporary files go beside it
_MADE: list[str] = []  # the temporary files made for it, removed when it is done or has failed


def temporary_file(suffix: str = "") -> str:
    """A new empty temporary file: beside the workbook being written, else in the system's folder.
    openpyxl's own sheet streams come here too (it removes them once archived, or at exit)."""
    if _BESIDE:
        fd, name = tempfile.mkstemp(prefix=temp_prefix(_BESIDE[-1]), suffix=suffix + ".tmp", dir=_BESIDE[-1].parent)
    else:
        fd, name = tempfile.mkstemp(prefix="claim-compare.", suffix=suffix)
    os.close(fd)
    sheet_writer.ALL_TEMP_FILES.append(name)
    if _BESIDE:
        _MADE.append(name)
    return name


@contextmanager
def writing_beside(path: Path) -> Iterator[None]:
    """While the workbook at `path` is built and saved: the stale temporary files of earlier exports to
    it removed, the new ones made beside it, and a failure to write them one UserError."""
    clean_stale(path)
    original = sheet_writer.create_temporary_file
    sheet_writer.create_temporary_file = temporary_file
    _BESIDE.append(path)
    try:
        yield
    except OSError as e:
        raise UserError(Problem(f"cannot write the workbook's temporary files in {path.parent}: "
                                f"{e.strerror or e}; the previous workbook is unchanged", file=str(path))) from e
    finally:
        _BESIDE.pop()
        sheet_writer.create_temporary_file = original
        for name in _MADE:  # what an interrupted save did not archive and remove
            if os.path.exists(name):
                os.unlink(name)
            if name in sheet_writer.ALL_TEMP_FILES:
                sheet_writer.ALL_TEMP_FILES.remove(name)
        _MADE.clear()


def clean_stale(path: Path) -> list[str]:
    """Remove what interrupted exports to `path` left beside it (`.NAME.PID.*.tmp` of a PID that is gone)."""
    prefix, removed = f".{path.name}.", []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in sorted(names):
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and _running(int(pid)):
            continue
        try:
            os.unlink(path.parent / name)
            removed.append(name)
        except OSError:
            pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":  # on Windows os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process
    return True


def save_atomically(wb: Workbook, path: Path, stamp: datetime) -> None:
    """Write to a temporary file beside `path`, then replace it: the old file survives any failure."""
    wb.properties.created = stamp
    wb.properties.modified = stamp
    try:
        fd, tmp = tempfile.mkstemp(prefix=temp_prefix(path), suffix=".tmp", dir=path.parent)
    except OSError as e:
        abandon(wb)
        raise UserError(Problem(f"cannot write in {path.parent}: {e.strerror}", file=str(path))) from e
    try:
        with os.fdopen(fd, "wb") as fh:
            archive = StampedZip(fh, stamp)
            try:
                PartsWriter(wb, archive).save()
            except BaseException:
                archive.close()
                abandon(wb)
                raise
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~current_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except PermissionError as e:
        raise UserError(Problem(f"cannot replace the workbook: {e.strerror} (is it open in Excel or "
                                "read-only?); close it and export again", file=str(path))) from e
    except OSError as e:
        raise UserError(Problem(f"cannot write the workbook: {e.strerror or e}; the previous one is unchanged",
                                file=str(path))) from e
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def abandon(wb: Workbook) -> None:
    """Close and delete the half-written sheet streams of a failed save (else they fail when collected)."""
    for ws in wb.worksheets:
        if getattr(ws, "closed", True):
            continue
        for step in (lambda: ws._rows and ws._rows.close(), lambda: ws._writer and ws._writer.close(),
                     lambda: ws._writer and ws._writer.cleanup()):
            try:
                step()
            except Exception:
                pass


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
