from getitong.credit.letter import _lines, render


def test_closing_punctuation_never_starts_a_line_and_latin_counts_half():
    lines = _lines("经审查，你单位申请移出经营异常状态符合条件，决定准予信用修复。", 30)
    assert lines == ["经审查，你单位申请移出经营异常状态符合条件，决定准予信用修复。"]  # 。 hangs
    assert _lines("代码92420204MA6WPDQNQH", 12) == ["代码92420204MA6WPDQNQH"]  # 2 + 18 halves = 11
    assert all(not line.startswith(("。", "，")) for line in _lines("一二三，四五六。" * 20, 7))


def test_letter_is_a_pdf_with_the_text_in_utf16():
    pdf = render(title="信用修复决定书", paragraphs=["准予信用修复。"], signature=["下陆区市场监督管理局"])
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert "准予".encode("utf-16-be").hex().upper().encode() in pdf
