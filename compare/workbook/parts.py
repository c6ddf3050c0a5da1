"""A sheet's links and comments written as XML while its rows are written, streamed into the archive.

openpyxl keeps a Hyperlink and a Relationship object per link and a CommentRecord per comment until
the workbook is saved, then builds each part as one XML tree: at 100,000 claims (65,530 links and
10,000 comments on Claims) that held some 80 MB. Here each link and comment becomes its XML text in
temporary files (compare.workbook.sheetxml) and `PartsWriter` copies them into the archive: the
`<hyperlinks>` of the worksheet, its relationships, the comments part and its VML drawing. The text
is the one openpyxl writes (its namespace prefixes included), so the workbook is the same to the byte.
"""
from __future__ import annotations

from typing import Optional

from openpyxl.comments.author import AuthorList
from openpyxl.comments.comment_sheet import CommentSheet
from openpyxl.packaging.relationship import Relationship, RelationshipList, get_rels_path
from openpyxl.utils import coordinate_to_tuple
from openpyxl.writer.excel import ExcelWriter

AUTHOR = "claim-compare"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HYPERLINK = f"{R_NS}/hyperlink"
ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;",
                              "\r": "&#13;"})
TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
HYPERLINKS = (b"<hyperlinks>", b"</hyperlinks>")
# What follows <hyperlinks> in a worksheet (ECMA-376 order, as openpyxl writes the tail).
AFTER_HYPERLINKS = (b"<printOptions", b"<pageMargins", b"<pageSetup", b"<headerFooter", b"<rowBreaks",
                    b"<colBreaks", b"<drawing", b"<legacyDrawing", b"<tableParts", b"</worksheet>")
COMMENTS = (f'<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors>'
            f'<author>{AUTHOR}</author></authors><commentList>'.encode(), b"</commentList></comments>")
VML_O = "urn:schemas-microsoft-com:office:office"
VML_V = "urn:schemas-microsoft-com:vml"
VML_X = "urn:schemas-microsoft-com:office:excel"
VML = (f'<xml><ns0:shapelayout xmlns:ns0="{VML_O}" xmlns:ns1="{VML_V}" ns1:ext="edit"><ns0:idmap ns1:ext="edit" '
       f'data="1"/></ns0:shapelayout><ns2:shapetype xmlns:ns2="{VML_V}" xmlns:ns3="{VML_O}" id="_x0000_t202" '
       f'coordsize="21600,21600" ns3:spt="202" path="m,l,21600r21600,l21600,xe"><ns2:stroke joinstyle="miter"/>'
       f'<ns2:path gradientshapeok="t" ns3:connecttype="rect"/></ns2:shapetype>'.encode(), b"</xml>")
FIRST_SHAPE = 1026


def attr(text: str) -> str:
    return text.translate(ATTR_ESCAPES)


def hyperlink_xml(ref: str, n: int) -> str:
    """The n-th link of a sheet (1, 2...), which is its relationship rId{n}."""
    return f'<hyperlink xmlns:r="{R_NS}" ref="{ref}" r:id="rId{n}"/>'


def link_rel_xml(url: str, n: int) -> str:
    return f'<Relationship Type="{HYPERLINK}" Target="{attr(url)}" TargetMode="External" Id="rId{n}"/>'


def comment_xml(ref: str, text: str) -> str:
    stripped = text.strip()
    space = ' xml:space="preserve"' if stripped and stripped != text else ""
    return (f'<comment ref="{ref}" authorId="0" shapeId="0"><text><t{space}>{text.translate(TEXT_ESCAPES)}</t>'
            f"</text></comment>")


def shape_xml(ref: str, n: int, height: int, width: int) -> str:
    """The hidden note box of the n-th comment of a sheet (1, 2...)."""
    row, col = coordinate_to_tuple(ref)
    return (f'<ns0:shape xmlns:ns0="{VML_V}" xmlns:ns1="{VML_O}" type="#_x0000_t202" style="position:absolute; '
            f'margin-left:59.25pt;margin-top:1.5pt;width:{width}px;height:{height}px;z-index:1;visibility:hidden" '
            f'fillcolor="#ffffe1" ns1:insetmode="auto" id="_x0000_s{FIRST_SHAPE + n - 1:04d}"><ns0:fill '
            f'color2="#ffffe1"/><ns0:shadow color="black" obscured="t"/><ns0:path ns1:connecttype="none"/>'
            f'<ns0:textbox style="mso-direction-alt:auto"><div style="text-align:left"/></ns0:textbox>'
            f'<ns2:ClientData xmlns:ns2="{VML_X}" ObjectType="Note"><ns2:MoveWithCells/><ns2:SizeWithCells/>'
            f"<ns2:AutoFill>False</ns2:AutoFill><ns2:Row>{row - 1}</ns2:Row><ns2:Column>{col - 1}</ns2:Column>"
            f"</ns2:ClientData></ns0:shape>")


class LinkedRels(RelationshipList):
    """A worksheet's relationships after its `links` hyperlinks, which are rId1..rId{links} and live in
    a file: what openpyxl adds (tables, comments) is numbered after them."""

    def __init__(self, links: int):
        super().__init__()
        self.links = links

    def __len__(self) -> int:
        return self.links + super().__len__()


def with_hyperlinks(tail: bytes, links: Optional[str]) -> list:
    """The worksheet part after </sheetData>, with the <hyperlinks> of the file `links` in their place."""
    if not links:
        return [tail]
    at = min((i for i in (tail.find(m) for m in AFTER_HYPERLINKS) if i >= 0), default=len(tail))
    return [tail[:at], HYPERLINKS[0], links, HYPERLINKS[1], tail[at:]]


def with_link_rels(rels: bytes, links: str) -> list:
    """A relationships part with the link relationships of the file `links` first."""
    if rels.endswith(b"/>") and rels.count(b"<") == 1:  # no other relationship: <Relationships .../>
        rels = rels[:-2] + b"></Relationships>"
    at = rels.index(b">") + 1
    return [rels[:at], links, rels[at:]]


class PartsWriter(ExcelWriter):
    """openpyxl's archive writer, with the links and comments of our sheets copied from their files."""

    def write_worksheet(self, ws):
        super().write_worksheet(ws)
        sheet = getattr(ws, "sheet_xml", None)
        if sheet is None:
            return
        if sheet.links:
            self._archive.spliced[get_rels_path(ws.path)[1:]] = sheet.files["rels"]
        if sheet.comments:
            self._write_comment_files(ws, sheet)

    def _write_comment_files(self, ws, sheet) -> None:
        part = CommentSheet(authors=AuthorList([AUTHOR]), commentList=[])  # numbered and listed as openpyxl's
        self._comments.append(part)
        part._id = len(self._comments)
        self._archive.write_pieces(part.path[1:], [COMMENTS[0], sheet.files["comments"], COMMENTS[1]])
        self.manifest.append(part)
        ws.legacy_drawing = f"xl/drawings/commentsDrawing{part._id}.vml"
        self._archive.write_pieces(ws.legacy_drawing, [VML[0], sheet.files["shapes"], VML[1]])
        self.vba_modified.add(ws.legacy_drawing)
        ws._rels.append(Relationship(Id="comments", type=part._rel_type, Target=part.path))
