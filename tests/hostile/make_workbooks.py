"""Damaged and foreign workbooks, made at test time from a good one (no committed blobs).

`make_workbooks(good, folder)` writes one file per fault and returns {name: (path, expected)}, where
expected is "damaged" (the export must say the file is damaged and leave it untouched) or
"not ours" (a file that is no claim-compare workbook at all). Run it by hand to try them:

    python tests/hostile/make_workbooks.py claims.xlsx /tmp/bad && claim-compare export -o /tmp/bad/truncated.xlsx
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path


def _rezip(good: bytes, change) -> bytes:
    """The archive with each member's bytes passed through change(name, data) (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = change(info.filename, src.read(info.filename))
            if data is not None:
                dst.writestr(info, data)
    return out.getvalue()


def _flip_in_member(good: bytes, member: str) -> bytes:
    """One byte of a member's compressed data changed: its CRC (or inflate) fails when read."""
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        info = z.getinfo(member)
    raw = bytearray(good)
    name_len = int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little")
    extra_len = int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
    at = info.header_offset + 30 + name_len + extra_len + info.compress_size // 2
    raw[at] ^= 0xFF
    return bytes(raw)


def _sheet_of(good: bytes, title: str = "Claims") -> str:
    """The archive path of sheet `title`, found through the workbook's relationships."""
    from compare.review import workbook_parts
    with zipfile.ZipFile(io.BytesIO(good)) as z:
        return workbook_parts(z).sheets[title]


def make_workbooks(good: Path, folder: Path) -> dict[str, tuple[Path, str]]:
    """Write the faulty files into `folder`; {name: (path, "damaged" | "not ours")}."""
    folder.mkdir(parents=True, exist_ok=True)
    data = good.read_bytes()
    claims = _sheet_of(data)
    central = data.rfind(b"PK\x01\x02")
    files = {
        "truncated": (data[:len(data) // 2], "damaged"),
        "truncated_end": (data[:-10], "damaged"),
        "no_central_directory": (data[:central], "damaged"),
        "empty": (b"", "damaged"),
        "header_only": (data[:4], "damaged"),
        "bad_crc": (_flip_in_member(data, claims), "damaged"),
        "broken_sheet_xml": (_rezip(data, lambda n, d: d[:len(d) // 2] if n == claims else d), "damaged"),
        "broken_workbook_xml": (_rezip(data, lambda n, d: b"<workbook" if n == "xl/workbook.xml" else d), "damaged"),
        "missing_sheet_part": (_rezip(data, lambda n, d: None if n == claims else d), "damaged"),
        "text_file": (b"Name,Value\nOpenAI,1\n", "not ours"),
        "other_zip": (_rezip(data, lambda n, d: None if n.startswith("xl/") else d), "not ours"),
    }
    out = {}
    for name, (content, expected) in files.items():
        path = folder / f"{name}.xlsx"
        path.write_bytes(content)
        out[name] = (path, expected)
    return out


if __name__ == "__main__":
    for name, (path, expected) in make_workbooks(Path(sys.argv[1]), Path(sys.argv[2])).items():
        print(f"{path}\t{expected}")
