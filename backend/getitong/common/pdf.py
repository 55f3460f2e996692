"""Small multi-page PDFs with Chinese text and images, with no dependency beyond Pillow.

Text is set in the standard Adobe-GB1 font STSong-Light (UniGB-UCS2-H), which every PDF reader provides, so no
font is embedded (as getitong.credit.letter does for one page). Images (a QR code, a signature, a photo) are
embedded as 8-bit grey Flate streams.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field

from PIL import Image

A4 = (595, 842)
_NO_LINE_START = set("，。、；：？！）》」』”’％")


def fullwidth(text: str) -> str:
    """ASCII as full-width forms (Ａ１２％, U+3000 for space): every reader's Adobe-GB1 substitute font has those
    glyphs, while some (e.g. Ghostscript's) draw nothing for the proportional Latin range of UniGB-UCS2-H."""
    return "".join("\u3000" if ch == " " else chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def _hex(text: str) -> str:
    return fullwidth(text).encode("utf-16-be").hex().upper()


def wrap(paragraph: str, width: float) -> list[str]:
    """Wrap at `width` characters (all set full width, see fullwidth); closing punctuation never starts a line."""
    lines: list[str] = []
    current, used = "", 0.0
    for ch in fullwidth(paragraph):
        size = 1.0
        if used + size > width and current and ch not in _NO_LINE_START:
            lines.append(current)
            current, used = "", 0.0
        current += ch
        used += size
    lines.append(current)
    return lines


def text_width(text: str, size: float) -> float:
    return len(text) * size


@dataclass
class _Image:
    width: int
    height: int
    data: bytes


@dataclass
class Page:
    ops: list[str] = field(default_factory=list)
    images: list[int] = field(default_factory=list)
    y: float = 770

    def text(self, x: float, y: float, text: str, size: float = 12) -> None:
        self.ops += ["BT", f"/F1 {size:g} Tf", f"1 0 0 1 {x:.1f} {y:.1f} Tm", f"<{_hex(text)}> Tj", "ET"]

    def title(self, text: str, size: float = 20) -> None:
        self.text((A4[0] - text_width(text, size)) / 2, self.y, text, size)
        self.y -= size * 2.2

    def paragraph(self, text: str, *, size: float = 12, x: float = 70, width: float = 455, gap: float = 6) -> None:
        for line in wrap(text, width / size):
            self.text(x, self.y, line, size)
            self.y -= size * 1.6
        self.y -= gap

    def rows(self, rows: list[tuple[str, str]], *, size: float = 11, x: float = 70, label_width: float = 120,
             width: float = 455) -> None:
        """A two-column form (label | value) with ruled lines, as the registration forms are printed."""
        for label, value in rows:
            lines = wrap(value or "—", (width - label_width - 10) / size)
            height = max(1, len(lines)) * size * 1.5 + 8
            top = self.y + size + 4
            self.ops += [f"{x:.1f} {top - height:.1f} {width:.1f} {height:.1f} re S",
                         f"{x + label_width:.1f} {top:.1f} m {x + label_width:.1f} {top - height:.1f} l S"]
            self.text(x + 5, self.y, label, size)
            yy = self.y
            for line in lines:
                self.text(x + label_width + 5, yy, line, size)
                yy -= size * 1.5
            self.y -= height

    def signature_block(self, lines: list[str], *, size: float = 12) -> None:
        self.y -= 10
        for line in lines:
            self.text(A4[0] - 80 - text_width(line, size), self.y, line, size)
            self.y -= size * 1.8


class Document:
    def __init__(self) -> None:
        self.pages: list[Page] = []
        self._images: list[_Image] = []

    def page(self) -> Page:
        page = Page()
        self.pages.append(page)
        return page

    def image(self, page: Page, png: bytes, x: float, y: float, w: float, h: float) -> None:
        """Place an image (any format Pillow reads) with its lower-left corner at (x, y)."""
        img = Image.open(io.BytesIO(png))
        if img.mode in ("RGBA", "LA", "P"):
            img = img.convert("RGBA")
            bg = Image.new("RGBA", img.size, (255, 255, 255, 255))
            img = Image.alpha_composite(bg, img)
        img = img.convert("L")
        self._images.append(_Image(img.width, img.height, zlib.compress(img.tobytes())))
        number = len(self._images)
        page.images.append(number)
        page.ops += ["q", f"{w:.1f} 0 0 {h:.1f} {x:.1f} {y:.1f} cm", f"/Im{number} Do", "Q"]

    def render(self) -> bytes:
        # Objects: 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, then images, then page/content pairs.
        objects: list[bytes] = [
            b"",  # catalog, filled in below
            b"",  # pages tree
            b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
            b"/DescendantFonts [4 0 R] >>",
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R >>",
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
            b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        ]
        image_ref = {}
        for i, img in enumerate(self._images, start=1):
            objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                           b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
                           % (img.width, img.height, len(img.data)) + img.data + b"\nendstream")
            image_ref[i] = len(objects)
        kids = []
        for page in self.pages or [Page()]:
            stream = "\n".join(page.ops).encode("ascii")
            xobjects = " ".join(f"/Im{i} {image_ref[i]} 0 R" for i in page.images)
            content_no = len(objects) + 2
            objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R "
                           b">> /XObject << " + xobjects.encode() + b" >> >> /Contents %d 0 R >>" % content_no)
            kids.append(len(objects))
            objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        objects[1] = (b"<< /Type /Pages /Kids [" + " ".join(f"{k} 0 R" for k in kids).encode()
                      + b"] /Count %d >>" % len(kids))
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
        return bytes(out)
