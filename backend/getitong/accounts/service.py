"""Shop-owner accounts: register from the register, log in (password or WeChat), switch business."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from getitong.accounts.models import LINK_ROLE_LABELS, LinkRole, Person, PersonBusiness
from getitong.common import home_events
from getitong.core import db, errors
from getitong.core.cache import hit
from getitong.core.deps import Deps
from getitong.core.security import check_password_strength, mask_phone
from getitong.entities import service as entities
from getitong.entities.models import KIND_LABELS, STATUS_LABELS, Business

PERSON = "person"
PHONE_RE = re.compile(r"^1[3-9]\d{9}$")

PRIVACY_POLICY = {
    "title": "个体通隐私服务政策",
    "content": (
        "个体通由市场监督管理部门提供，仅为个体工商户办理政务服务收集必要信息。\n"
        "一、我们收集的信息：手机号、姓名、所关联的市场主体信息，以及您在办理业务时主动提交的材料。\n"
        "二、信息的使用：仅用于身份核验、业务办理、办理结果通知，不用于与政务服务无关的用途。\n"
        "三、信息的保护：身份证号、手机号等个人信息加密存储，列表展示时脱敏处理；工作人员按职责和管辖范围访问。\n"
        "四、信息的共享：仅在办理您申请的业务（如向金融机构提交贷款申请、向惠企平台推送免申即享确认）时，"
        "向对应机构提供必要信息。\n"
        "五、您的权利：您可以查询、更正个人信息，或注销账号。\n"
        "如有疑问，请拨打 12315 咨询。"),
}


def check_phone(phone: str) -> str:
    phone = phone.strip()
    if not PHONE_RE.match(phone):
        raise errors.ValidationFailed("手机号格式不正确",
                                      data={"errors": [{"field": "phone", "message": "手机号格式不正确", "type": "phone"}]})
    return phone


def privacy_policy(deps: Deps) -> dict[str, str]:
    return {"version": deps.settings.privacy_policy_version, **PRIVACY_POLICY}


async def business_out(b: Business, role: LinkRole) -> dict[str, Any]:
    return {"id": b.id, "uscc": b.uscc, "name": b.name, "kind": b.kind.value, "kind_label": KIND_LABELS[b.kind],
            "operator_name": b.operator_name, "region_code": b.region_code,
            "region_name": await entities.region_name(b.region_code), "status": b.status.value,
            "status_label": STATUS_LABELS[b.status], "role": role.value, "role_label": LINK_ROLE_LABELS[role]}


async def profile(deps: Deps, person: Person, business_id: int | None) -> dict[str, Any]:
    links = await PersonBusiness.filter(person_id=person.id).prefetch_related("business").order_by("id")
    businesses = [await business_out(link.business, link.role) for link in links]
    current = next((b for b in businesses if b["id"] == business_id), None)
    return {"person": {"id": person.id, "name": person.name,
                       "phone_masked": mask_phone(deps.cipher.decrypt(person.phone_enc)),
                       "wechat_bound": person.wechat_openid is not None},
            "current_business": current, "businesses": businesses}


async def _default_business(person: Person) -> int | None:
    if person.last_business_id and await PersonBusiness.exists(person_id=person.id,
                                                               business_id=person.last_business_id):
        return person.last_business_id
    link = await PersonBusiness.filter(person_id=person.id).order_by("id").first()
    return link.business_id if link else None


async def _session(deps: Deps, person: Person, business_id: int | None = None) -> dict[str, Any]:
    business_id = business_id or await _default_business(person)
    token = await deps.tokens.issue(subject_type=PERSON, subject_id=person.id, business_id=business_id)
    return {"token": token, "profile": await profile(deps, person, business_id)}


async def register(deps: Deps, *, region_code: str, code: str, phone: str, name: str, password: str,
                   privacy_version: str, privacy_agreed: bool) -> dict[str, Any]:
    """SPEC A1: the operator named in the register creates an account bound to that business.

    The name must equal the register's operator name: the licence (and so its USCC) is public, and
    the operator's name is the one piece of identity we can check without a real-name service.
    """
    if not privacy_agreed:
        raise errors.PrivacyNotAgreed()
    if privacy_version != deps.settings.privacy_policy_version:
        raise errors.PrivacyNotAgreed("隐私服务政策已更新，请重新阅读并同意")
    phone = check_phone(phone)
    check_password_strength(password)
    business = await entities.find(region_code=region_code, code=code)
    if name.strip() != business.operator_name:
        raise errors.OperatorNameMismatch()
    phone_index = deps.cipher.blind_index(phone)
    if await Person.exists(phone_index=phone_index):
        raise errors.PhoneAlreadyRegistered()
    password_hash = await asyncio.to_thread(deps.hasher.hash, password)  # off the loop, outside the transaction
    try:
        async with in_transaction() as conn:
            person = await Person.create(
                phone_index=phone_index, phone_enc=deps.cipher.encrypt(phone), name=name.strip(),
                password_hash=password_hash, privacy_version=privacy_version,
                privacy_agreed_at=datetime.now(UTC), last_business_id=business.id, using_db=conn)
            await PersonBusiness.create(person=person, business=business, role=LinkRole.OPERATOR, using_db=conn)
    except IntegrityError as exc:  # a concurrent registration of the same phone won the race
        raise errors.PhoneAlreadyRegistered() from exc
    return await _session(deps, person, business.id)


async def login(deps: Deps, *, phone: str, password: str, ip: str) -> dict[str, Any]:
    """Phone + password, rate-limited per phone and per client address."""
    s = deps.settings
    phone = phone.strip()
    if not (await hit(deps.cache, f"mp-ip:{ip}", limit=s.mp_login_rate_per_minute, window=60)).allowed:
        raise errors.TooManyAttempts(data={"retry_after": 60})
    fail_key = f"mp-fail:{deps.cipher.blind_index(phone)}"
    if int(await deps.cache.get(fail_key) or 0) >= s.login_max_failures:
        raise errors.TooManyAttempts(data={"retry_after": s.login_lock_seconds})
    person = await Person.get_or_none(phone_index=deps.cipher.blind_index(phone))
    valid = person is not None and bool(person.password_hash) and await asyncio.to_thread(
        deps.hasher.verify, person.password_hash, password)
    if person is None or not valid:
        await deps.cache.incr(fail_key, s.login_lock_seconds)
        raise errors.LoginFailed("手机号或密码错误")
    if not person.is_active:
        raise errors.AccountDisabled()
    await deps.cache.delete(fail_key)
    return await _session(deps, person)


async def wechat_login(deps: Deps, *, code: str, phone_code: str | None) -> dict[str, Any]:
    """wx.login code → openid. Unknown openid + phone_code → bind to the person with that phone, atomically."""
    session = await deps.wechat.code_to_session(code)
    person = await Person.get_or_none(wechat_openid=session.openid)
    if person is None:
        if not phone_code:
            raise errors.WechatNotBound()
        phone = await deps.wechat.phone_number(phone_code)
        async with in_transaction() as conn:
            person = await Person.filter(phone_index=deps.cipher.blind_index(phone)).using_db(conn) \
                .select_for_update().first()
            if person is None:
                raise errors.AccountNotFound()
            if person.wechat_openid and person.wechat_openid != session.openid:
                raise errors.WechatAlreadyBound("该手机号已绑定其他微信")
            person.wechat_openid = session.openid
            try:
                await person.save(using_db=conn, update_fields=["wechat_openid"])
            except IntegrityError as exc:
                raise errors.WechatAlreadyBound() from exc
    if not person.is_active:
        raise errors.AccountDisabled()
    return await _session(deps, person)


async def bind_wechat(deps: Deps, *, person: Person, code: str) -> None:
    session = await deps.wechat.code_to_session(code)
    owner = await Person.get_or_none(wechat_openid=session.openid)
    if owner is not None and owner.id != person.id:
        raise errors.WechatAlreadyBound()
    person.wechat_openid = session.openid
    try:
        await person.save(update_fields=["wechat_openid"])
    except IntegrityError as exc:
        raise errors.WechatAlreadyBound() from exc


async def refresh(deps: Deps, *, refresh_token: str) -> dict[str, Any]:
    row, token = await deps.tokens.rotate(refresh_token, subject_type=PERSON)
    person = await Person.get_or_none(id=row.subject_id)
    if person is None or not person.is_active:
        raise errors.TokenInvalid()
    return {"token": token}


async def load_person(person_id: int) -> Person:
    person = await Person.get_or_none(id=person_id)
    if person is None:
        raise errors.TokenInvalid()
    if not person.is_active:
        raise errors.AccountDisabled()
    return person


async def load_linked_person(person_id: int, business_id: int | None) -> Person:
    """The person of a shop-owner token, still active and still linked to the token's business.

    Every shop-side request asks this: the happy path is one hand-written query (the person joined with the
    link); the refusals then find out which it was.
    """
    if business_id is not None:
        rows = await db.fetch("SELECT p.* FROM person p JOIN person_business l ON l.person_id = p.id "
                              "WHERE p.id = $1 AND l.business_id = $2", person_id, business_id)
        if rows and rows[0]["is_active"]:
            return Person._init_from_db(**rows[0])
    person = await load_person(person_id)
    await check_link(person, business_id)
    return person


async def check_link(person: Person, business_id: int | None) -> None:
    if business_id is not None and not await PersonBusiness.exists(person_id=person.id, business_id=business_id):
        raise errors.BusinessNotLinked()


async def switch_business(deps: Deps, *, person: Person, business_id: int) -> dict[str, Any]:
    """SPEC A4: new tokens carry the chosen business; a business the person is not linked to is refused."""
    await check_link(person, business_id)
    person.last_business_id = business_id
    await person.save(update_fields=["last_business_id"])
    return await _session(deps, person, business_id)


async def link_business(deps: Deps, *, person: Person, region_code: str, code: str,
                        current_business_id: int | None) -> dict[str, Any]:
    """Add another business this person operates (the operator name must match)."""
    business = await entities.find(region_code=region_code, code=code)
    if business.operator_name != person.name:
        raise errors.OperatorNameMismatch()
    try:
        await PersonBusiness.create(person=person, business=business, role=LinkRole.OPERATOR)
    except IntegrityError as exc:
        raise errors.BusinessAlreadyLinked() from exc
    await home_events.touch_person(deps.cache, person.id)  # another business to switch to on the home screen
    return await profile(deps, person, current_business_id)
