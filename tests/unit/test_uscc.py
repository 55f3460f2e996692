import pytest

from getitong.core import errors
from getitong.entities import uscc

REAL = ["91430122MA4LAAFU6L", "91431000616772578M", "92140213MA0MU7MP45"]


@pytest.mark.parametrize("code", REAL)
def test_real_codes_from_the_seed_documents_pass(code):
    assert uscc.is_valid(code)
    assert uscc.validate(code.lower()) == code


@pytest.mark.parametrize("code", REAL)
def test_every_single_character_change_fails(code):
    for i in range(18):
        for ch in uscc.ALPHABET:
            if ch == code[i]:
                continue
            changed = code[:i] + ch + code[i + 1:]
            assert not uscc.is_valid(changed), changed


@pytest.mark.parametrize("bad", ["", "123", "91430122MA4LAAFU6", "91430122MA4LAAFU6LX", "91430122MA4LAAFI6L",
                                 "9143012２MA4LAAFU6L", "91430122MA4LAAFO6L"])
def test_wrong_shape_is_a_format_error(bad):
    with pytest.raises(errors.UsccFormatInvalid):
        uscc.validate(bad)


def test_wrong_check_character_has_its_own_error():
    with pytest.raises(errors.UsccCheckFailed):
        uscc.validate("91430122MA4LAAFU6M")


@pytest.mark.parametrize("text", [
    "92140213MA0MU7MP45",
    "https://www.gsxt.gov.cn/index.html?uniscid=92140213MA0MU7MP45",
    "http://gsxt.hb.gov.cn/detail?creditCode=92140213MA0MU7MP45&t=1",
    "https://x.example/q?USCC=92140213ma0mu7mp45",
    "统一社会信用代码：92140213MA0MU7MP45 名称：某某小吃店",
    "https://x.example/#/detail?uscc=92140213MA0MU7MP45",
])
def test_extract_finds_the_code_in_what_a_licence_qr_holds(text):
    assert uscc.extract(text) == "92140213MA0MU7MP45"


def test_extract_prefers_a_valid_candidate_over_noise():
    assert uscc.extract("https://x.example/ABCDEFGHJKLMNPQRTU?uniscid=92140213MA0MU7MP45") == "92140213MA0MU7MP45"


@pytest.mark.parametrize("text", ["https://weixin.qq.com/", "hello world", "", "1234567890"])
def test_extract_without_a_code_says_so(text):
    with pytest.raises(errors.QrNoUscc):
        uscc.extract(text)


def test_extract_of_a_tampered_code_says_check_failed():
    with pytest.raises(errors.UsccCheckFailed):
        uscc.extract("https://www.gsxt.gov.cn/index.html?uniscid=92140213MA0MU7MP46")


def test_generated_codes_are_valid():
    import random

    from getitong.entities.generator import make_uscc
    from getitong.entities.models import EntityKind

    rng = random.Random(1)
    for kind in EntityKind:
        for _ in range(200):
            assert uscc.is_valid(make_uscc(rng, "420204", kind))
