"""The decision letter (信用修复决定书) as a small PDF, with no dependency: the text is set in the standard
Adobe-GB1 font STSong-Light (UniGB-UCS2-H), which every PDF reader provides, so nothing is embedded."""

from __future__ import annotations


def _hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


_NO_LINE_START = set("，。、；：？！）》」』”’%")


def _lines(paragraph: str, width: int) -> list[str]:
    """Wrap at `width` full-width characters (Latin letters and digits count half); closing punctuation never
    starts a line (it hangs at the end of the previous one, as Chinese typesetting has it)."""
    lines: list[str] = []
    current, used = "", 0.0
    for ch in paragraph:
        size = 1.0 if ord(ch) >= 0x2E80 else 0.5
        if used + size > width and current and ch not in _NO_LINE_START:
            lines.append(current)
            current, used = "", 0.0
        current += ch
        used += size
    lines.append(current)
    return lines


def render(*, title: str, paragraphs: list[str], signature: list[str]) -> bytes:
    """A one-page A4 letter: a centred title, wrapped paragraphs, a right-aligned signature block."""
    ops = ["BT", "/F1 20 Tf", f"1 0 0 1 {297 - len(title) * 10} 770 Tm", f"<{_hex(title)}> Tj", "ET"]
    y = 720
    for paragraph in paragraphs:
        for line in _lines(paragraph, 30):
            ops += ["BT", "/F1 14 Tf", f"1 0 0 1 80 {y} Tm", f"<{_hex(line)}> Tj", "ET"]
            y -= 24
        y -= 8
    y -= 24
    for line in signature:
        ops += ["BT", "/F1 14 Tf", f"1 0 0 1 {515 - len(line) * 14} {y} Tm", f"<{_hex(line)}> Tj", "ET"]
        y -= 24
    stream = "\n".join(ops).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
    ]
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
