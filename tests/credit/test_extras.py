"""The decision letter, throttled identity checks, and concurrent applications for one listing."""

import asyncio

from getitong.credit import config as cfg
from getitong.credit.models import CreditApplication
from tests.credit.factories import ADMIN, MP, materials, move_to, submit


async def test_decision_letter(client, cast):
    app_id = await move_to(client, cast, "approving")
    for path, token in ((f"{MP}/applications/{app_id}/decision-letter", cast.tokens["owner"]),
                        (f"{ADMIN}/applications/{app_id}/decision-letter", cast.tokens["dclerk"])):
        r = await client.get(path, token=token)
        assert (r.status, r.code) == (409, "CREDIT_DECISION_NOT_READY")
    r = await client.post(f"{ADMIN}/applications/{app_id}/actions", token=cast.tokens["dapprover"],
                          json={"action": "approve", "opinion": "同意", "decision_no": "黄下市监信修〔2026〕7号"})
    assert r.data["has_decision_letter"] is True
    app = await CreditApplication.get(id=app_id)
    for path, token in ((f"{MP}/applications/{app_id}/decision-letter", cast.tokens["owner"]),
                        (f"{ADMIN}/applications/{app_id}/decision-letter", cast.tokens["dclerk"])):
        r = await client.get(path, token=token)
        assert r.status == 200
        assert r.headers["content-type"] == "application/pdf"
        assert r.body.startswith(b"%PDF-1.4")
        assert b"STSong-Light" in r.body
        # The business name and the decision number are in the text (UTF-16BE in the content stream).
        assert cast.shop[0].name.encode("utf-16-be").hex().upper().encode() in r.body
        assert "黄下市监信修〔2026〕7号".encode("utf-16-be").hex().upper().encode() in r.body
        assert app.number in r.headers["content-disposition"]
    r = await client.get(f"{MP}/applications/{app_id}/decision-letter", token=cast.tokens["stranger"])
    assert r.status == 404
    r = await client.get(f"{ADMIN}/applications/{app_id}/decision-letter", token=cast.tokens["oclerk"])
    assert r.status == 404


async def test_identity_checks_are_throttled(client, cast, monkeypatch):
    monkeypatch.setattr(cfg.credit_settings(), "identity_limit", 3)
    body = {"uscc": cast.shop[2].uscc, "operator_name": "李四", "id_number": "420102199001010000",
            "kind": "individual_abnormal"}
    codes = []
    for _ in range(4):
        r = await client.post(f"{MP}/verify", token=cast.tokens["owner"], json=body)
        codes.append(r.code)
    assert codes == ["CREDIT_IDENTITY_MISMATCH"] * 3 + ["TOO_MANY_ATTEMPTS"]
    # The person's own businesses are not throttled.
    r = await client.post(f"{MP}/verify", token=cast.tokens["owner"],
                          json={"business_id": cast.shop[0].id, "kind": "individual_abnormal"})
    assert r.status == 200


async def test_concurrent_applications_for_one_listing(client, cast):
    mats = await materials(client, cast.tokens["owner"])
    replies = await asyncio.gather(*(submit(client, cast, materials=mats) for _ in range(4)))
    assert sorted(r.status for r in replies) == [201, 409, 409, 409]
    assert {r.code for r in replies if r.status == 409} == {"CREDIT_LISTING_BUSY"}
    assert await CreditApplication.all().count() == 1
