"""Demo registrations of the demo shop owner (张秀英) in 下陆区: one approved automatically (licence issued,
archived) and one waiting in the 登记审核 queue of xialu (capital above the automatic-approval limit)."""

from __future__ import annotations

import io
import logging
from datetime import date
from decimal import Decimal

from PIL import Image, ImageDraw

from getitong.accounts.models import Person
from getitong.common import uploads
from getitong.common.workdays import CalendarUncovered
from getitong.core.deps import Deps
from getitong.entities import generator
from getitong.registration import schemas as s
from getitong.registration import service
from getitong.registration.models import Registration
from getitong.staff.models import Org

log = logging.getLogger(__name__)


def _png(text_seed: int) -> bytes:
    img = Image.new("RGB", (120, 60), (255, 255, 255))
    ImageDraw.Draw(img).line((10, 40, 40, 10, 70, 45, 110, 15), fill=(text_seed % 50, 20, 90), width=4)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


async def seed(deps: Deps) -> None:
    """Idempotent: nothing happens when the owner already has registrations or 下陆区 is missing."""
    from getitong.demo import DEMO_OWNER

    person = await Person.get_or_none(phone_index=deps.cipher.blind_index(DEMO_OWNER["phone"]))
    if person is None or await Registration.exists(person_id=person.id) \
            or not await Org.exists(region_code="420204", level="district"):
        return
    import random

    who = service.Applicant(person=person)
    number = generator.id_number(random.Random(7), "420204")
    born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    gender = "male" if int(number[16]) % 2 else "female"
    plans = [("small_restaurant", "秀英", "饺子", "馆", Decimal("8"), ["小餐饮", "餐饮服务", "外卖递送服务"]),
             ("fruit_shop", "楚鲜", "水果", "店", Decimal("150"), ["新鲜水果零售", "食用农产品零售"])]
    try:
        for i, (kind, trade, word, form, capital, scope_items) in enumerate(plans):
            reg = await service.create(deps, who=who, data=s.CreateIn(business_type=kind))
            await service.save_name(deps, who=who, reg_id=reg["id"], data=s.NameIn(
                named=True, region_code="420204", trade_name=trade, industry_word=word, org_form=form,
                commitment_accepted=True, place=f"湖北省黄石市下陆区团城山街道杭州东路{88 + i}号", capital=capital))
            photo = await uploads.save_upload(deps, data=_png(i), name="证件照.png", owner_type="person",
                                              owner_id=person.id)
            await service.save_operator(deps, who=who, reg_id=reg["id"], data=s.OperatorIn(
                name=person.name, gender=gender, ethnicity="汉族", id_number=number,
                id_valid_from=max(date(2020, 1, 1), born), id_long_term=True, phone=DEMO_OWNER["phone"],
                email="zhangxiuying@example.com", address="湖北省黄石市下陆区老下陆街道12号", postcode="435000",
                political_status="群众", education="高中", employment_status="返乡创业人员",
                id_photo_file_id=photo.id))
            await service.save_basic(deps, who=who, reg_id=reg["id"], data=s.BasicIn(
                store_name=f"{trade}{word}{form}", urban=True, postcode="435000", staff_count=2 + i,
                paper_license=i == 0, scope=scope_items, residence=s.ResidenceIn(
                    street="团城山街道", house_no=f"杭州东路{88 + i}号", property_type="leased",
                    property_use="commercial", owner_name="黄石市下陆区某物业公司", area_sqm=Decimal("40"))))
            confirmed = await service.confirm(deps, who=who, reg_id=reg["id"])
            signer = confirmed["signers"][0]
            await service.realname(deps, who=who, reg_id=reg["id"], signer_id=signer["id"],
                                   data=s.RealnameIn(name=person.name, id_number=number))
            await service.sign(deps, token=signer["sign_token"], image=_png(7 + i), filename="签名.png")
            await service.submit(deps, who=who, reg_id=reg["id"])
    except CalendarUncovered:
        log.warning("registration demo: working-day calendar does not cover this year; demo left incomplete")
