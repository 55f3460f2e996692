import base64
import io
import json
import time

import jwt
import pytest
from PIL import Image

from getitong.core import errors
from getitong.core.security import (
    FieldCipher,
    PasswordHashing,
    TokenCodec,
    check_password_strength,
    mask_id_number,
    mask_phone,
)
from getitong.core.settings import Settings
from getitong.core.storage import check_upload, sniff


@pytest.fixture
def s():
    return Settings(env="test", argon2_time_cost=1, argon2_memory_kib=8192)


def test_access_token_round_trip_carries_the_business(s):
    codec = TokenCodec(s)
    claims = codec.decode(codec.issue(subject_type="person", subject_id=7, business_id=42), subject_type="person")
    assert (claims.subject_id, claims.business_id) == (7, 42)


def test_expired_token_is_refused_as_expired(s):
    codec = TokenCodec(s.model_copy(update={"access_token_ttl": -5}))
    token = codec.issue(subject_type="staff", subject_id=1)
    with pytest.raises(errors.TokenExpired):
        codec.decode(token, subject_type="staff")


def test_remembered_token_still_checks_audience_and_expiry(s, monkeypatch):
    codec = TokenCodec(s)
    token = codec.issue(subject_type="person", subject_id=7, business_id=42)
    assert codec.decode(token, subject_type="person").business_id == 42
    assert token in codec._memo
    with pytest.raises(errors.TokenInvalid):  # a remembered shop-owner token is still no staff token
        codec.decode(token, subject_type="staff")
    later = time.time() + s.access_token_ttl + 1
    monkeypatch.setattr(time, "time", lambda: later)
    with pytest.raises(errors.TokenExpired):
        codec.decode(token, subject_type="person")
    assert token not in codec._memo


def test_memo_is_bounded(s, monkeypatch):
    codec = TokenCodec(s)
    monkeypatch.setattr(TokenCodec, "MEMO_SIZE", 3)
    tokens = [codec.issue(subject_type="staff", subject_id=i) for i in range(5)]
    for t in tokens:
        codec.decode(t, subject_type="staff")
    assert list(codec._memo) == tokens[2:]


def test_tampered_payload_is_refused(s):
    codec = TokenCodec(s)
    head, body, sig = codec.issue(subject_type="person", subject_id=1, business_id=1).split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=="))
    payload["biz"] = 999
    forged = base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")
    with pytest.raises(errors.TokenInvalid):
        codec.decode(f"{head}.{forged}.{sig}", subject_type="person")


def test_alg_none_is_refused(s):
    now = int(time.time())
    token = jwt.encode({"iss": "getitong", "aud": "staff", "sub": "1", "iat": now, "exp": now + 60}, None,
                       algorithm="none")
    with pytest.raises(errors.TokenInvalid):
        TokenCodec(s).decode(token, subject_type="staff")


def test_token_signed_with_another_key_is_refused(s):
    other = TokenCodec(s.model_copy(update={"secret_key": "another-secret-key-of-sufficient-length-123"}))
    with pytest.raises(errors.TokenInvalid):
        TokenCodec(s).decode(other.issue(subject_type="staff", subject_id=1), subject_type="staff")


def test_shop_owner_token_is_not_a_staff_token(s):
    codec = TokenCodec(s)
    with pytest.raises(errors.TokenInvalid):
        codec.decode(codec.issue(subject_type="person", subject_id=1), subject_type="staff")


def test_field_cipher_round_trip_and_random_nonce(s):
    cipher = FieldCipher(s)
    a, b = cipher.encrypt("420204199001011234"), cipher.encrypt("420204199001011234")
    assert a != b
    assert "4202041990" not in a
    assert cipher.decrypt(a) == "420204199001011234"
    assert cipher.blind_index("13900000001") == cipher.blind_index(" 13900000001 ")


def test_ciphertext_tampering_is_detected(s):
    from cryptography.exceptions import InvalidTag

    cipher = FieldCipher(s)
    raw = bytearray(base64.b64decode(cipher.encrypt("secret").removeprefix("v1:")))
    raw[-1] ^= 1
    with pytest.raises(InvalidTag):
        cipher.decrypt("v1:" + base64.b64encode(bytes(raw)).decode())


def test_masks():
    assert mask_phone("13900000001") == "139****0001"
    assert mask_id_number("420204199001011234") == "4202**********1234"


@pytest.mark.parametrize("pw", ["short1", "allletters", "12345678", ""])
def test_weak_passwords_refused(pw):
    with pytest.raises(errors.WeakPassword):
        check_password_strength(pw)


def test_argon2_hash_verify(s):
    h = PasswordHashing(s)
    hashed = h.hash("Passw0rd!")
    assert hashed.startswith("$argon2id$")
    assert h.verify(hashed, "Passw0rd!")
    assert not h.verify(hashed, "passw0rd!")
    assert not h.verify("not-a-hash", "x")


def test_production_refuses_default_secrets():
    with pytest.raises(ValueError, match="SECRET_KEY"):
        Settings(env="production")
    ok = Settings(env="production", secret_key="x" * 40, field_encryption_key=base64.b64encode(b"k" * 32).decode(),
                  blind_index_key="idx-key-prod", wechat_secret="real-secret")
    assert ok.env == "production"


def _png(size=(20, 20)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, (1, 2, 3)).save(buf, format="PNG")
    return buf.getvalue()


def test_upload_type_comes_from_content_not_name():
    assert sniff(_png()) == "image/png"
    assert sniff(b"<?php echo 1; ?>") is None
    with pytest.raises(errors.FileNotImage):
        check_upload(b"GIF89a but really a script", max_bytes=10_000, image_only=True)
    with pytest.raises(errors.FileTypeNotAllowed):
        check_upload(b"MZ\x90\x00 executable", max_bytes=10_000)


def test_truncated_image_is_refused():
    with pytest.raises(errors.FileNotImage):
        check_upload(_png()[:40], max_bytes=10_000, image_only=True)


def test_upload_size_limit():
    with pytest.raises(errors.FileTooLarge):
        check_upload(_png((400, 400)) + b"\0" * 5000, max_bytes=1000)


def test_log_records_carry_the_request_id(caplog):
    import logging

    from getitong.core.context import set_request_meta
    from getitong.core.logs import RequestIdFilter

    set_request_meta(request_id="abc123", ip="127.0.0.1")
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello", None, None)
    assert RequestIdFilter().filter(record)
    assert record.request_id == "abc123"
