"""Self-service registration use-cases: the applicant's wizard (mini-program), signing by link, submission
through the rule engine, automatic or staff approval (USCC, register, licence, archive) and the staff side.

Every state change is one conditional UPDATE plus its event row in one transaction, so two parallel submits
(or a submit and a staff decision) can never approve twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import secrets
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from getitong.accounts.models import LinkRole, Person, PersonBusiness
from getitong.common import home_events, workdays
from getitong.core import audit
from getitong.core.deps import Deps
from getitong.core.models import StoredFile
from getitong.core.pagination import keyset
from getitong.core.security import mask_id_number, mask_phone
from getitong.core.storage import check_upload
from getitong.entities import license_qr
from getitong.entities import service as entities
from getitong.entities import uscc as uscc_codes
from getitong.entities.models import Business, Region
from getitong.notices import service as notices
from getitong.notices.workflow import ApplicationType
from getitong.party import idcard
from getitong.registration import catalog as cat
from getitong.registration import config as cfg
from getitong.registration import errors as e
from getitong.registration import issuing, names, rules
from getitong.registration import schemas as s
from getitong.registration.models import Registration, RegistrationEvent, RegistrationSigner
from getitong.registration.workflow import (
    ACTION_LABELS,
    APPLICANT,
    HOLDS_NAME,
    REVIEWER,
    STATUS_LABELS,
    SYSTEM,
    Action,
    RegStatus,
    allowed_actions,
    next_status,
)
from getitong.risk.models import Listing
from getitong.risk.workflow import ListingKind, ListingStatus
from getitong.staff import scope
from getitong.staff.models import Org, OrgLevel, StaffUser
from getitong.staff.permissions import Perm
from getitong.staff.service import require

SIGNER_ROLE_LABELS = {"operator": "经营者"}
# History rows that are not workflow transitions (the status stays).
STEP_EVENT_LABELS = {"create": "创建申请", "realname": "实名认证", "sign": "电子签名"}


@dataclass(frozen=True)
class Applicant:
    person: Person


def _t(value: datetime | None) -> str | None:
    return value.astimezone(cfg.SHANGHAI).isoformat() if value else None


def _d(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _today() -> date:
    return cfg.local_day(cfg.now())


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# ----------------------------------------------------------------------------- catalog and regions


async def _authority(region_code: str) -> tuple[Region, Org, str]:
    """The district (区/县) region, its registration authority (the district org) and the name prefix."""
    region = await Region.get_or_none(code=region_code)
    org = await Org.filter(region_code=region_code, level=OrgLevel.DISTRICT).order_by("id").first()
    if region is None or org is None or region.level != 3:
        raise e.RegionInvalid(data={"region_code": region_code})
    parent = await Region.get_or_none(code=region.parent_code) if region.parent_code else None
    prefix = f"{parent.name}{region.name}" if parent is not None and parent.level == 2 else region.name
    return region, org, prefix


async def catalog() -> dict[str, Any]:
    """Everything the wizard's pickers need: types with their fixed scope, the standard scope wording, the
    regions where self-service registration is open, option lists and the forbidden-name classes."""
    districts = await Org.filter(level=OrgLevel.DISTRICT).order_by("region_code", "id")
    regions = []
    seen = set()
    for org in districts:
        if org.region_code in seen:
            continue
        seen.add(org.region_code)
        try:
            _, _, prefix = await _authority(org.region_code)
        except e.RegionInvalid:
            continue
        regions.append({"code": org.region_code, "name": prefix, "authority": {"id": org.id, "name": org.name}})
    return {
        "business_types": [{"code": t.code, "label": t.label, "industry": t.industry,
                            "industry_words": list(t.industry_words), "main_item": t.main_item, "scope": t.scope()}
                           for t in cat.BUSINESS_TYPES.values()],
        "scope_catalog": [cat.scope_item(text) for text in cat.SCOPE_CATALOG],
        "regions": regions,
        "org_forms": list(cat.ORG_FORMS),
        "name_rules": [{"code": c.code, "label": f"不得{c.label}"} for c in names.NAME_CLASSES],
        "ethnicities": list(cat.ETHNICITIES),
        "id_types": [{"value": k, "label": v} for k, v in cat.ID_TYPES.items()],
        "genders": [{"value": k, "label": v} for k, v in cat.GENDERS.items()],
        "political_statuses": list(cat.POLITICAL_STATUSES),
        "educations": list(cat.EDUCATIONS),
        "employment_statuses": list(cat.EMPLOYMENT_STATUSES),
        "property_types": [{"value": k, "label": v} for k, v in cat.PROPERTY_TYPES.items()],
        "property_uses": [{"value": k, "label": v} for k, v in cat.PROPERTY_USES.items()],
        "statuses": [{"value": st.value, "label": STATUS_LABELS[st]} for st in RegStatus],
        "rules": [{"code": code, "label": label} for code, label, _ in rules.RULES],
        "sign_days": cfg.registration_settings().sign_days,
        "auto_capital_max": str(cfg.registration_settings().auto_capital_max),
    }


def _type(code: str) -> cat.BusinessType:
    t = cat.BUSINESS_TYPES.get(code)
    if t is None:
        raise e.BusinessTypeUnknown(data={"business_type": code})
    return t


# ----------------------------------------------------------------------------- output


def _steps(reg: Registration) -> dict[str, bool]:
    return {"business_type": True, "name": reg.named is not None and reg.place is not None,
            "operator": reg.operator is not None, "basic": reg.basic is not None}


def scope_text(scope_items: list[dict[str, Any]]) -> str:
    """许可项目：…。（…）一般项目：…。（…）as the licence prints it."""
    parts = []
    for kind in (cat.ScopeKind.LICENSED, cat.ScopeKind.GENERAL):
        items = [i["text"] for i in scope_items if i["kind"] == kind.value]
        if items:
            parts.append(f"{cat.SCOPE_KIND_LABELS[kind]}：{'；'.join(items)}。{cat.SCOPE_TAILS[kind]}")
    return "".join(parts)


def display_name(reg: Registration) -> str:
    return reg.name or (reg.basic or {}).get("store_name") or ""


async def _org_name(org_id: int | None) -> str | None:
    if org_id is None:
        return None
    org = await Org.get_or_none(id=org_id)
    return org.name if org else None


async def _signers(reg: Registration) -> list[RegistrationSigner]:
    return await RegistrationSigner.filter(registration_id=reg.id).order_by("id")


def _signer_out(deps: Deps, sg: RegistrationSigner, *, owner: bool, today: date) -> dict[str, Any]:
    if sg.realname_until is None:
        state, label = "pending", "未认证"
    elif sg.realname_until < today:
        state, label = "expired", "认证已过期"
    else:
        state, label = "verified", "认证成功"
    out = {"id": sg.id, "role": sg.role, "role_label": SIGNER_ROLE_LABELS.get(sg.role, sg.role), "name": sg.name,
           "id_type_label": cat.ID_TYPES["resident_id"],
           "id_number_masked": mask_id_number(deps.cipher.decrypt(sg.id_enc)),
           "realname_status": state, "realname_status_label": label, "realname_at": _t(sg.realname_at),
           "realname_until": _d(sg.realname_until), "signed": sg.signed_at is not None,
           "sign_status_label": "已签名" if sg.signed_at else "未签名", "signed_at": _t(sg.signed_at)}
    if owner and sg.signed_at is None:
        token = deps.cipher.decrypt(sg.token_enc)
        out["sign_url"] = f"{cfg.registration_settings().sign_url}?token={token}"
        out["sign_token"] = token
    return out


def documents_of(reg: Registration) -> list[dict[str, str]]:
    from getitong.registration import documents

    return [{"code": code, "title": title} for code, title in documents.available(reg)]


async def _detail(deps: Deps, reg: Registration, *, owner: bool) -> dict[str, Any]:
    today = _today()
    t = cat.BUSINESS_TYPES.get(reg.business_type)
    status = RegStatus(reg.status)
    op = dict(reg.operator or {})
    phone = deps.cipher.decrypt(reg.operator_phone_enc)
    if reg.operator is not None:
        op |= {"id_number_masked": mask_id_number(deps.cipher.decrypt(reg.operator_id_enc)),
               "phone_masked": mask_phone(phone), "id_photo_file_id": reg.id_photo_id}
    authority = await _org_name(reg.org_id)
    signers = await _signers(reg)
    out: dict[str, Any] = {
        "id": reg.id, "number": reg.number, "status": status.value, "status_label": STATUS_LABELS[status],
        "business_type": reg.business_type, "business_type_label": t.label if t else reg.business_type,
        "steps": _steps(reg),
        "name_step": None if reg.named is None else {
            "named": reg.named, "region_code": reg.region_code, "trade_name": reg.trade_name,
            "industry_word": reg.industry_word, "org_form": reg.org_form, "name": reg.name,
            "commitment_accepted": reg.name_commitment_at is not None, "place": reg.place,
            "capital": str(reg.capital) if reg.capital is not None else None},
        "operator": op or None,
        "basic": reg.basic, "scope": reg.scope, "residence": reg.residence,
        "system": {"name": reg.name, "place": reg.place, "phone_masked": mask_phone(phone),
                   "capital": str(reg.capital) if reg.capital is not None else None,
                   "industry": t.industry if t else None, "term": "长期",
                   "authority": {"id": reg.org_id, "name": authority} if reg.org_id else None,
                   "scope_text": scope_text(reg.scope) if reg.scope else None},
        "signers": [_signer_out(deps, sg, owner=owner, today=today) for sg in signers],
        "sign_due_on": _d(reg.sign_due_on),
        "ready_to_submit": status is RegStatus.SIGNING and bool(signers) and all(sg.signed_at for sg in signers)
        and reg.sign_due_on is not None and today <= reg.sign_due_on,
        "documents": (documents_of(reg) if reg.basic is not None else [])
        + ([{"code": "id_photo", "title": "经营者身份证件照片"}] if not owner and reg.id_photo_id else []),
        "rule_results": reg.rule_results,
        "failed_rules": rules.failed(reg.rule_results) if reg.rule_results else [],
        "refuse_reason": reg.refuse_reason, "uscc": reg.uscc, "business_id": reg.business_id,
        "decided_by": reg.decided_by, "license_available": status is RegStatus.APPROVED,
        "pickup": _pickup(reg, authority) if status is RegStatus.APPROVED else None,
        "created_at": _t(reg.created_at), "submitted_at": _t(reg.submitted_at), "decided_at": _t(reg.decided_at),
        "actions": _actions(reg, owner=owner),
    }
    if not owner:
        out["archive_no"] = reg.archive_no
    return out


def _pickup(reg: Registration, authority: str | None) -> str | None:
    if not (reg.basic or {}).get("paper_license"):
        return None
    return cfg.registration_settings().pickup_text.format(org=authority or "登记机关")


def _summary(reg: Registration) -> dict[str, Any]:
    status = RegStatus(reg.status)
    t = cat.BUSINESS_TYPES.get(reg.business_type)
    return {"id": reg.id, "number": reg.number, "status": status.value, "status_label": STATUS_LABELS[status],
            "business_type": reg.business_type, "business_type_label": t.label if t else reg.business_type,
            "name": display_name(reg), "operator_name": reg.operator_name, "region_code": reg.region_code,
            "uscc": reg.uscc, "archive_no": reg.archive_no, "created_at": _t(reg.created_at),
            "submitted_at": _t(reg.submitted_at), "decided_at": _t(reg.decided_at), "decided_by": reg.decided_by,
            "failed_rules": [{"code": r["code"], "label": r["label"], "reason": r["reason"]}
                             for r in rules.failed(reg.rule_results or [])]}


async def _event(conn: Any, reg: Registration, *, actor_type: str, actor_id: int | None, actor_name: str,
                 action: str, from_status: RegStatus | None, to_status: RegStatus, comment: str = "",
                 payload: dict[str, Any] | None = None, at: datetime) -> None:
    await RegistrationEvent.create(registration_id=reg.id, actor_type=actor_type, actor_id=actor_id,
                                   actor_name=actor_name, action=action,
                                   from_status=from_status.value if from_status else None, to_status=to_status.value,
                                   comment=comment, payload=payload or {}, at=at, using_db=conn)


async def events_out(reg: Registration, *, staff: bool) -> list[dict[str, Any]]:
    out = []
    for ev in await RegistrationEvent.filter(registration_id=reg.id).order_by("id"):
        label = STEP_EVENT_LABELS.get(ev.action) or (ACTION_LABELS[Action(ev.action)]
                                                     if ev.action in Action._value2member_map_ else ev.action)
        row = {"action": ev.action, "action_label": label, "from_status": ev.from_status, "to_status": ev.to_status,
               "comment": ev.comment, "at": _t(ev.at)}
        if staff:
            row |= {"actor_type": ev.actor_type, "actor_name": ev.actor_name, "payload": ev.payload}
        out.append(row)
    return out


# ----------------------------------------------------------------------------- applicant: the wizard


async def _own(who: Applicant, reg_id: int, conn: Any = None) -> Registration:
    reg = await Registration.get_or_none(id=reg_id).using_db(conn)
    if reg is None or reg.person_id != who.person.id:
        raise e.RegistrationNotFound()
    return reg


def _actions(reg: Registration, *, owner: bool) -> list[str]:
    """What the caller may do now: a draft is confirmed only once every step is saved."""
    acts = allowed_actions(RegStatus(reg.status), APPLICANT if owner else REVIEWER)
    if reg.status == RegStatus.DRAFT and not all(_steps(reg).values()):
        acts = [a for a in acts if a != Action.CONFIRM.value]
    return acts


def _editable(reg: Registration) -> None:
    if reg.status != RegStatus.DRAFT:
        raise e.Locked(data={"status": reg.status.value})


_TAKEN = {"rule": "name_unique", "rule_label": "名称在同一辖区同行业内不重复"}


async def _update_draft(reg: Registration, values: dict[str, Any]) -> None:
    """One conditional UPDATE: the draft must still be a draft (a concurrent confirm locks it)."""
    try:
        changed = await Registration.filter(id=reg.id, status=RegStatus.DRAFT).update(**values)
    except IntegrityError as exc:  # name_key: another application reserved the same name meanwhile
        raise e.NameTaken(data=_TAKEN) from exc
    if not changed:
        raise e.Locked()


async def create(deps: Deps, *, who: Applicant, data: s.CreateIn) -> dict[str, Any]:
    """Step 1: a new draft for the chosen business type."""
    _type(data.business_type)
    at = cfg.now()
    async with in_transaction() as conn:
        reg = await Registration.create(number=f"DJ{cfg.local_day(at):%Y%m%d}{uuid.uuid4().hex[:10].upper()}",
                                        person_id=who.person.id, business_type=data.business_type, using_db=conn)
        await _event(conn, reg, actor_type="person", actor_id=who.person.id, actor_name=who.person.name,
                     action="create", from_status=None, to_status=RegStatus.DRAFT, at=at)
    return await _detail(deps, reg, owner=True)


async def mine(*, who: Applicant, q: s.MineQuery) -> dict[str, Any]:
    rows, nxt = await keyset(Registration.filter(person_id=who.person.id), cursor=q.cursor, limit=q.limit)
    return {"items": [_summary(r) for r in rows], "next": nxt}


async def my_detail(deps: Deps, *, who: Applicant, reg_id: int) -> dict[str, Any]:
    reg = await _own(who, reg_id)
    out = await _detail(deps, reg, owner=True)
    out["events"] = await events_out(reg, staff=False)
    return out


async def set_type(deps: Deps, *, who: Applicant, reg_id: int, data: s.TypeIn) -> dict[str, Any]:
    """Change the business type: its scope replaces the chosen one (basic information must be saved again)."""
    reg = await _own(who, reg_id)
    _editable(reg)
    _type(data.business_type)
    values: dict[str, Any] = {"business_type": data.business_type}
    if data.business_type != reg.business_type:
        values |= {"basic": None, "scope": None, "residence": None}
        if reg.named:  # the name's uniqueness is per industry: reserve it again under the new one
            values |= {"named": None, "name_key": None, "name": None}
    await _update_draft(reg, values)
    return await _detail(deps, await Registration.get(id=reg.id), owner=True)


async def _name_taken(region_code: str, industry: str, trade_name: str, exclude_id: int | None) -> bool:
    key = _name_key(region_code, industry, trade_name)
    pending = Registration.filter(name_key=key)
    if exclude_id is not None:
        pending = pending.exclude(id=exclude_id)
    if await pending.exists():
        return True
    return await Business.filter(region_code=region_code, industry=industry, name__contains=trade_name).exists()


def _name_key(region_code: str, industry: str, trade_name: str) -> str:
    return f"{region_code}|{industry}|{trade_name}"


def _check_industry_word(t: Any, industry_word: str) -> None:
    """The 行业表述 must say what the business does (seed 002 §2.1.2: 名称中的行业表述应当与主营项目一致)."""
    if industry_word not in t.industry_words:
        raise e.IndustryWordMismatch(data={"industry_words": list(t.industry_words)})


def _check_name_parts(trade_name: str, industry_word: str) -> None:
    for part in (trade_name, industry_word):
        hit = names.forbidden(part)
        if hit:
            raise e.NameForbidden(hit.reason, data={"rule": hit.code, "rule_label": hit.label, "text": hit.text})


async def check_name(*, data: s.NameCheckIn) -> dict[str, Any]:
    """核名 without saving: the composed name, or the forbidden class / name-taken refusal."""
    t = _type(data.business_type)
    _, org, prefix = await _authority(data.region_code)
    _check_name_parts(data.trade_name, data.industry_word)
    _check_industry_word(t, data.industry_word)
    if await _name_taken(data.region_code, t.industry, data.trade_name, None):
        raise e.NameTaken(data=_TAKEN)
    name = names.compose(region_prefix=prefix, trade_name=data.trade_name, industry_word=data.industry_word,
                         org_form=data.org_form)
    return {"name": name, "available": True, "authority": {"id": org.id, "name": org.name}}


async def save_name(deps: Deps, *, who: Applicant, reg_id: int, data: s.NameIn) -> dict[str, Any]:
    """Step 2: the name (or no name), business place and capital; the name is reserved while the application
    is open."""
    reg = await _own(who, reg_id)
    _editable(reg)
    t = _type(reg.business_type)
    _, org, prefix = await _authority(data.region_code)
    values: dict[str, Any] = {"named": data.named, "region_code": data.region_code, "org_id": org.id,
                              "place": data.place, "capital": data.capital}
    if data.named:
        trade_name, industry_word, org_form = data.trade_name or "", data.industry_word or "", data.org_form or ""
        _check_name_parts(trade_name, industry_word)
        _check_industry_word(t, industry_word)
        if not data.commitment_accepted:
            raise e.CommitmentRequired()
        if await _name_taken(data.region_code, t.industry, trade_name, reg.id):
            raise e.NameTaken(data=_TAKEN)
        values |= {"trade_name": trade_name, "industry_word": industry_word, "org_form": org_form,
                   "name": names.compose(region_prefix=prefix, trade_name=trade_name,
                                         industry_word=industry_word, org_form=org_form),
                   "name_key": _name_key(data.region_code, t.industry, trade_name),
                   "name_commitment_at": cfg.now()}
    else:
        values |= {"trade_name": None, "industry_word": None, "org_form": None, "name": None, "name_key": None,
                   "name_commitment_at": None}
    await _update_draft(reg, values)
    return await _detail(deps, await Registration.get(id=reg.id), owner=True)


def _id_facts(number: str) -> tuple[str, date, str]:
    """The normalized GB 11643 number, the birth date and the gender it encodes."""
    try:
        value = idcard.validate(number)
    except ValueError as exc:
        raise e.IdNumberInvalid(str(exc)) from None
    born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    return value, born, "male" if int(value[16]) % 2 else "female"


def _age(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


async def save_operator(deps: Deps, *, who: Applicant, reg_id: int, data: s.OperatorIn) -> dict[str, Any]:
    """Step 3: the operator; the ID number is checked (GB 11643, age ≥ 18, validity) and stored encrypted."""
    reg = await _own(who, reg_id)
    _editable(reg)
    today = _today()
    number, born, gender = _id_facts(data.id_number)
    if _age(born, today) < 18:
        raise e.OperatorUnderage()
    if gender != data.gender:
        raise e.IdNumberInvalid("性别与身份证号码不一致")
    if not data.id_long_term and data.id_valid_until is not None and data.id_valid_until < today:
        raise e.IdExpired()
    photo = await StoredFile.get_or_none(id=data.id_photo_file_id, owner_type="person", owner_id=who.person.id)
    if photo is None or not photo.content_type.startswith("image/"):
        raise e.PhotoInvalid(data={"file_id": data.id_photo_file_id})
    plain = data.model_dump(mode="json", exclude={"id_number", "phone", "id_photo_file_id"})
    plain |= {"birth_date": born.isoformat(), "gender_label": cat.GENDERS[data.gender],
              "id_type_label": cat.ID_TYPES[data.id_type]}
    await _update_draft(reg, {
        "operator_name": data.name, "operator": plain, "operator_id_enc": deps.cipher.encrypt(number),
        "operator_id_index": deps.cipher.blind_index(number), "operator_phone_enc": deps.cipher.encrypt(data.phone),
        "operator_phone_index": deps.cipher.blind_index(data.phone), "id_photo_id": photo.id})
    return await _detail(deps, await Registration.get(id=reg.id), owner=True)


def _scope(t: cat.BusinessType, wanted: list[str]) -> list[dict[str, Any]]:
    texts: list[str] = []
    for text in wanted:
        if text not in texts:
            texts.append(text)
    if t.main_item not in texts:
        raise e.ScopeInvalid(f"主营项目「{t.main_item}」不可删除", data={"main_item": t.main_item})
    given = set(t.items)
    # The main item first, then the type's given items, then the added ones, in the order chosen.
    ordered = [t.main_item] + [x for x in texts if x in given and x != t.main_item] + \
        [x for x in texts if x not in given]
    return [cat.scope_item(x, given=x in given, main=x == t.main_item) for x in ordered]


async def save_basic(deps: Deps, *, who: Applicant, reg_id: int, data: s.BasicIn) -> dict[str, Any]:
    """Step 4: basic information, the business scope (main item fixed) and the residence commitment."""
    reg = await _own(who, reg_id)
    _editable(reg)
    if not _steps(reg)["name"]:
        raise e.StepIncomplete("请先完成核名（名称、经营场所和资金数额）", data={"step": "name"})
    t = _type(reg.business_type)
    scope_items = _scope(t, data.scope)
    basic = data.model_dump(mode="json", exclude={"scope", "residence"})
    residence = data.residence.model_dump(mode="json")
    residence |= {"property_type_label": cat.PROPERTY_TYPES[data.residence.property_type],
                  "property_use_label": cat.PROPERTY_USES[data.residence.property_use]}
    await _update_draft(reg, {"basic": basic, "scope": scope_items, "residence": residence})
    return await _detail(deps, await Registration.get(id=reg.id), owner=True)


# ----------------------------------------------------------------------------- documents


async def my_document(deps: Deps, *, who: Applicant, reg_id: int, code: str) -> tuple[str, bytes]:
    from getitong.registration import documents

    reg = await _own(who, reg_id)
    return await documents.render(deps, reg, code)


# ----------------------------------------------------------------------------- confirm, real name, signing


async def confirm(deps: Deps, *, who: Applicant, reg_id: int) -> dict[str, Any]:
    """Step 5 → 6: the applicant confirms the previewed documents; the content is locked and every person who
    must sign gets a real-name confirmation and a signing link. Again from 待签名 (e.g. after the 6 working days
    ran out) it renews them: earlier confirmations and signatures are void."""
    at = cfg.now()
    async with in_transaction() as conn:
        reg = await _own(who, reg_id, conn)
        from_status = RegStatus(reg.status)
        target = next_status(from_status, Action.CONFIRM, APPLICANT)
        missing = [k for k, done in _steps(reg).items() if not done]
        if missing:
            raise e.StepIncomplete(data={"missing": missing})
        changed = await Registration.filter(id=reg.id, status=from_status).using_db(conn).update(
            status=target, confirmed_at=at, sign_due_on=None)
        if not changed:
            raise e.StateChanged()
        await RegistrationSigner.filter(registration_id=reg.id).using_db(conn).delete()
        token = secrets.token_urlsafe(24)
        await RegistrationSigner.create(registration_id=reg.id, role="operator", name=reg.operator_name,
                                        id_enc=reg.operator_id_enc, id_index=reg.operator_id_index,
                                        token_digest=_digest(token), token_enc=deps.cipher.encrypt(token),
                                        using_db=conn)
        await _event(conn, reg, actor_type="person", actor_id=who.person.id, actor_name=who.person.name,
                     action=Action.CONFIRM.value, from_status=from_status, to_status=target, at=at)
    return await _detail(deps, await Registration.get(id=reg.id), owner=True)


async def _simple(deps: Deps, *, who: Applicant, reg_id: int, action: Action, values: dict[str, Any]) -> dict[str, Any]:
    at = cfg.now()
    async with in_transaction() as conn:
        reg = await _own(who, reg_id, conn)
        from_status = RegStatus(reg.status)
        target = next_status(from_status, action, APPLICANT)
        if target not in HOLDS_NAME:
            values = values | {"name_key": None}
        changed = await Registration.filter(id=reg.id, status=from_status).using_db(conn).update(status=target,
                                                                                                  **values)
        if not changed:
            raise e.StateChanged()
        if action in (Action.REOPEN, Action.WITHDRAW):
            await RegistrationSigner.filter(registration_id=reg.id).using_db(conn).delete()
        await _event(conn, reg, actor_type="person", actor_id=who.person.id, actor_name=who.person.name,
                     action=action.value, from_status=from_status, to_status=target, at=at)
    return await _detail(deps, await Registration.get(id=reg.id), owner=True)


async def reopen(deps: Deps, *, who: Applicant, reg_id: int) -> dict[str, Any]:
    """Back to editing: real-name confirmations and signatures are void."""
    return await _simple(deps, who=who, reg_id=reg_id, action=Action.REOPEN, values={"sign_due_on": None})


async def withdraw(deps: Deps, *, who: Applicant, reg_id: int) -> dict[str, Any]:
    """Withdraw the application: the name is released."""
    return await _simple(deps, who=who, reg_id=reg_id, action=Action.WITHDRAW, values={})


async def _own_signer(who: Applicant, reg_id: int, signer_id: int) -> tuple[Registration, RegistrationSigner]:
    reg = await _own(who, reg_id)
    signer = await RegistrationSigner.get_or_none(id=signer_id, registration_id=reg.id)
    if signer is None:
        raise e.RegistrationNotFound("签字人不存在")
    return reg, signer


async def realname(deps: Deps, *, who: Applicant, reg_id: int, signer_id: int, data: s.RealnameIn) -> dict[str, Any]:
    """Step 6: real-name confirmation of one signer (name + ID number against the application), valid for the
    signing period: REGISTRATION_SIGN_DAYS working days."""
    reg, signer = await _own_signer(who, reg_id, signer_id)
    if reg.status != RegStatus.SIGNING:
        raise e.ActionNotAllowed("申请当前不在实名认证与签名环节", data={"status": reg.status.value})
    if signer.signed_at is not None:
        raise e.AlreadySigned()
    try:
        number = idcard.validate(data.id_number)
    except ValueError:
        number = data.id_number
    if data.name != signer.name or deps.cipher.blind_index(number) != signer.id_index:
        raise e.RealnameMismatch()
    at = cfg.now()
    until = workdays.add_working_days(cfg.local_day(at), cfg.registration_settings().sign_days)
    async with in_transaction() as conn:
        await RegistrationSigner.filter(id=signer.id).using_db(conn).update(realname_at=at, realname_until=until)
        earliest = min([until] + [sg.realname_until for sg in await RegistrationSigner.filter(
            registration_id=reg.id).exclude(id=signer.id).using_db(conn) if sg.realname_until])
        await Registration.filter(id=reg.id).using_db(conn).update(sign_due_on=earliest)
        await _event(conn, reg, actor_type="person", actor_id=who.person.id, actor_name=who.person.name,
                     action="realname", from_status=RegStatus.SIGNING, to_status=RegStatus.SIGNING,
                     comment=f"{signer.name}实名认证通过，有效期至{until.isoformat()}", at=at)
    return await _detail(deps, await Registration.get(id=reg.id), owner=True)


async def signer_qr(deps: Deps, *, who: Applicant, reg_id: int, signer_id: int) -> bytes:
    """The signing link of one signer as a QR code PNG (签字二维码)."""
    reg, signer = await _own_signer(who, reg_id, signer_id)
    if reg.status != RegStatus.SIGNING or signer.signed_at is not None:
        raise e.SignTokenInvalid()
    url = f"{cfg.registration_settings().sign_url}?token={deps.cipher.decrypt(signer.token_enc)}"
    return await asyncio.to_thread(license_qr.render_png, url)


async def _by_token(token: str) -> tuple[Registration, RegistrationSigner]:
    signer = await RegistrationSigner.get_or_none(token_digest=_digest(token or ""))
    if signer is None:
        raise e.SignTokenInvalid()
    reg = await Registration.get(id=signer.registration_id)
    if reg.status != RegStatus.SIGNING:
        raise e.SignTokenInvalid()
    return reg, signer


async def signing_info(deps: Deps, *, token: str) -> dict[str, Any]:
    """What the signer sees after scanning: the application, the documents to sign, the deadline."""
    reg, signer = await _by_token(token)
    return {"registration": {"number": reg.number, "name": display_name(reg), "operator_name": reg.operator_name,
                             "business_type_label": _type(reg.business_type).label,
                             "scope_text": scope_text(reg.scope or [])},
            "signer": _signer_out(deps, signer, owner=False, today=_today()),
            "documents": documents_of(reg), "sign_due_on": _d(signer.realname_until)}


async def signing_document(deps: Deps, *, token: str, code: str) -> tuple[str, bytes]:
    from getitong.registration import documents

    reg, _ = await _by_token(token)
    return await documents.render(deps, reg, code)


async def sign(deps: Deps, *, token: str, image: bytes, filename: str) -> dict[str, Any]:
    """Step 7: the signer uploads the signature image, within the real-name validity (6 working days)."""
    reg, signer = await _by_token(token)
    if signer.signed_at is not None:
        raise e.AlreadySigned()
    if signer.realname_until is None:
        raise e.RealnameRequired()
    if _today() > signer.realname_until:
        raise e.SignExpired(data={"due_on": _d(signer.realname_until)})
    checked = check_upload(image, max_bytes=deps.settings.upload_max_bytes, image_only=True)
    await asyncio.to_thread(deps.storage.save, checked.sha256, checked.data)
    at = cfg.now()
    async with in_transaction() as conn:
        f = await StoredFile.create(sha256=checked.sha256, content_type=checked.content_type, size=len(image),
                                    original_name=(filename or "signature.png")[:255], owner_type="signer",
                                    owner_id=signer.id, using_db=conn)
        changed = await RegistrationSigner.filter(id=signer.id, signed_at=None).using_db(conn).update(
            signed_at=at, signature_id=f.id)
        if not changed:
            raise e.AlreadySigned()
        await _event(conn, reg, actor_type="signer", actor_id=signer.id, actor_name=signer.name, action="sign",
                     from_status=RegStatus.SIGNING, to_status=RegStatus.SIGNING, comment=f"{signer.name}完成电子签名",
                     at=at)
    return {"signed": True, "signed_at": _t(at), "number": reg.number}


# ----------------------------------------------------------------------------- submit: the rule engine


async def facts(deps: Deps, reg: Registration, signers: list[RegistrationSigner], today: date) -> rules.Facts:
    """Everything the rules look at, gathered from the application and the register."""
    t = cat.BUSINESS_TYPES.get(reg.business_type)
    born = None
    if reg.operator_id_enc:
        try:
            _, born, _ = _id_facts(deps.cipher.decrypt(reg.operator_id_enc) or "")
        except e.IdNumberInvalid:
            born = None
    taken = False
    if reg.named and t is not None and reg.region_code and reg.trade_name:
        taken = await _name_taken(reg.region_code, t.industry, reg.trade_name, reg.id)
    listed = False
    if reg.operator_id_index:
        listed = await Listing.filter(kind=ListingKind.SERIOUS_VIOLATION, status=ListingStatus.LISTED,
                                      business__operator_id_index=reg.operator_id_index).exists()
    op = reg.operator or {}
    res = reg.residence or {}
    until = op.get("id_valid_until")
    return rules.Facts(
        today=today, business_type=reg.business_type, named=bool(reg.named), trade_name=reg.trade_name,
        industry_word=reg.industry_word, org_form=reg.org_form, name_commitment=reg.name_commitment_at is not None,
        name_taken=taken, capital=Decimal(reg.capital or 0),
        capital_max=cfg.registration_settings().auto_capital_max, operator_birth=born,
        id_valid_until=date.fromisoformat(until) if until else None, id_long_term=bool(op.get("id_long_term")),
        id_photo=reg.id_photo_id is not None, operator_listed=listed, scope=list(reg.scope or []),
        property_use=res.get("property_use"),
        residence_complete=all(res.get(k) for k in ("street", "house_no", "property_type", "property_use",
                                                     "owner_name", "area_sqm")),
        signers=[rules.Signer(sg.name, sg.realname_until, sg.signed_at is not None) for sg in signers],
        sign_due_on=reg.sign_due_on)


async def submit(deps: Deps, *, who: Applicant, reg_id: int) -> dict[str, Any]:
    """Step 8: every rule passes → approved at once (USCC, register, licence, archive) with no human step;
    otherwise the application goes to the 登记审核 queue with the failed rules."""
    reg = await _own(who, reg_id)
    next_status(reg.status, Action.SUBMIT, APPLICANT)
    signers = await _signers(reg)
    today = _today()
    if not signers or any(sg.signed_at is None for sg in signers):
        raise e.NotSigned(data={"unsigned": [sg.name for sg in signers if sg.signed_at is None]})
    if reg.sign_due_on is None or today > reg.sign_due_on:
        raise e.SignExpired(data={"due_on": _d(reg.sign_due_on)})
    results = rules.evaluate(await facts(deps, reg, signers, today))
    at = cfg.now()
    failed = rules.failed(results)
    async with in_transaction() as conn:
        values: dict[str, Any] = {"submitted_at": at, "rule_results": results}
        if failed:
            target = next_status(RegStatus.SIGNING, Action.ROUTE, SYSTEM)
            changed = await Registration.filter(id=reg.id, status=RegStatus.SIGNING).using_db(conn).update(
                status=target, **values)
            if not changed:
                raise e.StateChanged()
            await _event(conn, reg, actor_type="person", actor_id=who.person.id, actor_name=who.person.name,
                         action=Action.ROUTE.value, from_status=RegStatus.SIGNING, to_status=target,
                         comment="；".join(f"{r['label']}：{r['reason']}" for r in failed),
                         payload={"failed": [r["code"] for r in failed]}, at=at)
        else:
            await _issue(deps, conn, reg, from_status=RegStatus.SIGNING, action=Action.AUTO_APPROVE, actor=None,
                         at=at, extra=values, comment="全部规则校验通过，系统自动核准")
    if not failed:
        await home_events.touch_person(deps.cache, who.person.id)
    reg = await Registration.get(id=reg.id)
    out = await _detail(deps, reg, owner=True)
    out["outcome"] = "approved" if not failed else "reviewing"
    out["outcome_label"] = "智能审批通过，营业执照已核发" if not failed else "已转登记机关人工审核"
    if not failed:
        out["license"] = await license_data(deps, reg)
    return out


async def _issue(deps: Deps, conn: Any, reg: Registration, *, from_status: RegStatus, action: Action,
                 actor: StaffUser | None, at: datetime, extra: dict[str, Any], comment: str) -> None:
    """Approve: claim the application (conditional UPDATE: only one caller wins), issue the USCC, add the
    business to the register with the applicant linked as its operator, number the archive."""
    target = next_status(from_status, action, SYSTEM if actor is None else REVIEWER)
    day = cfg.local_day(at)
    changed = await Registration.filter(id=reg.id, status=from_status).using_db(conn).update(
        status=target, decided_at=at, decided_by="auto" if actor is None else "staff", **extra)
    if not changed:
        raise e.StateChanged()
    t = _type(reg.business_type)
    region = reg.region_code or ""
    for _ in range(8):  # a random organisation code: a clash with an existing USCC is astronomically rare
        code = issuing.new_uscc(region)
        if not await Business.filter(uscc=code).using_db(conn).exists():
            break
    business = await entities.add_business(
        uscc_code=code, name=display_name(reg), operator_name=reg.operator_name or "",
        operator_id_enc=reg.operator_id_enc, operator_id_index=reg.operator_id_index, region_code=region,
        org_id=reg.org_id or 0, industry=t.industry, address=reg.place or "", established_on=day,
        capital=reg.capital, business_scope=scope_text(reg.scope or []), using_db=conn)
    await PersonBusiness.get_or_create(person_id=reg.person_id, business_id=business.id,
                                       defaults={"role": LinkRole.OPERATOR}, using_db=conn)
    archive_no = f"{region[:6]}00A{reg.id:06d}"
    org_name = await _org_name(reg.org_id)
    archive = {"title": f"{archive_no}-{day:%Y%m%d}", "reason": "全程电子化自动归档",
               "archive_org": org_name or "", "archivist": "智慧审批" if actor is None else actor.name,
               "location": "电子档案库", "archived_on": day.isoformat()}
    await Registration.filter(id=reg.id).using_db(conn).update(uscc=code, business_id=business.id,
                                                               archive_no=archive_no, archive=archive)
    # 双告知: the departments issuing the post-approval permits the scope needs are told in the same transaction.
    told = await notices.notify(business=business, scope_text=scope_text(reg.scope or []),
                                application_type=ApplicationType.ESTABLISH, approved_on=day, using_db=conn)
    payload = {"uscc": code, "business_id": business.id, "archive_no": archive_no,
               "notices": [{"item": n.item, "department_id": n.department_id} for n in told]}
    await _event(conn, reg, actor_type="system" if actor is None else "staff",
                 actor_id=actor.id if actor else None, actor_name=actor.name if actor else "智慧审批",
                 action=action.value, from_status=from_status, to_status=target, comment=comment, payload=payload,
                 at=at)
    await audit.record(actor=actor, action=f"registration.{action.value}", target_type="registration",
                       target_id=reg.id, before={"status": from_status.value},
                       after={"status": target.value, **payload}, using_db=conn)


# ----------------------------------------------------------------------------- licence


@lru_cache(maxsize=512)
def qr_png(text: str, box_size: int) -> bytes:
    """A licence QR code as PNG; pure and CPU-bound (~10 ms), so kept for the next look at the same licence."""
    return license_qr.render_png(text, box_size=box_size)


async def license_data(deps: Deps, reg: Registration, *, image: bool = True) -> dict[str, Any]:
    """电子营业执照 data and its QR code (the same text a scanned paper licence gives)."""
    if reg.status != RegStatus.APPROVED or not reg.uscc:
        raise e.NotApproved()
    text = license_qr.license_text(reg.uscc)
    png = await asyncio.to_thread(qr_png, text, 6) if image else b""
    authority = await _org_name(reg.org_id)
    day = cfg.local_day(reg.decided_at) if reg.decided_at else None
    return {"uscc": reg.uscc, "name": reg.name or "", "store_name": (reg.basic or {}).get("store_name"),
            "kind_label": "个体工商户", "operator_name": reg.operator_name, "place": reg.place,
            "capital": str(reg.capital), "form": "个人经营", "scope_text": scope_text(reg.scope or []),
            "established_on": _d(day), "approved_on": _d(day), "term": "长期", "authority": authority,
            "qr_text": text, "qr_image": license_qr.png_data_url(png) if image else None,
            "paper_license": bool((reg.basic or {}).get("paper_license")), "pickup": _pickup(reg, authority)}


async def my_license(deps: Deps, *, who: Applicant, reg_id: int) -> dict[str, Any]:
    return await license_data(deps, await _own(who, reg_id))


# ----------------------------------------------------------------------------- staff side


async def _visible(actor: StaffUser, reg_id: int, conn: Any = None) -> Registration:
    require(actor, Perm.REGISTRATION_REVIEW)
    reg = await Registration.get_or_none(id=reg_id).using_db(conn)
    if reg is None or reg.org_id is None or reg.status in (RegStatus.DRAFT, RegStatus.SIGNING, RegStatus.WITHDRAWN) \
            or not await scope.in_scope(actor, reg.org_id):
        raise e.RegistrationNotFound()
    return reg


def _queue_qs(actor: StaffUser, q: s.QueueQuery) -> Any:
    require(actor, Perm.REGISTRATION_REVIEW)
    qs = scope.scoped(Registration.filter(status__in=[RegStatus.REVIEWING, RegStatus.APPROVED, RegStatus.REFUSED]),
                      actor)
    if q.status:
        qs = qs.filter(status=q.status)
    elif not q.all:
        qs = qs.filter(status=RegStatus.REVIEWING)
    if q.name:
        qs = qs.filter(Q(name__icontains=q.name) | Q(operator_name__icontains=q.name))
    if q.number:
        qs = qs.filter(number=q.number.strip().upper())
    if q.uscc:
        qs = qs.filter(uscc=uscc_codes.normalize(q.uscc))
    return qs


async def queue(*, actor: StaffUser, q: s.QueueQuery) -> dict[str, Any]:
    """登记审核: submitted applications of the registration authorities in the actor's scope (default: those
    waiting for a person), newest first, with the failed rules."""
    rows, nxt = await keyset(_queue_qs(actor, q), cursor=q.cursor, limit=q.limit)
    items = []
    for reg in rows:
        out = _summary(reg)
        out["actions"] = allowed_actions(reg.status, REVIEWER)
        items.append(out)
    return {"items": items, "next": nxt}


async def staff_detail(deps: Deps, *, actor: StaffUser, reg_id: int) -> dict[str, Any]:
    reg = await _visible(actor, reg_id)
    out = await _detail(deps, reg, owner=False)
    out["events"] = await events_out(reg, staff=True)
    return out


async def approve(deps: Deps, *, actor: StaffUser, reg_id: int, data: s.ApproveIn) -> dict[str, Any]:
    """人工核准: the same issuance as the automatic path."""
    at = cfg.now()
    async with in_transaction() as conn:
        reg = await _visible(actor, reg_id, conn)
        next_status(reg.status, Action.APPROVE, REVIEWER)
        await _issue(deps, conn, reg, from_status=RegStatus(reg.status), action=Action.APPROVE, actor=actor, at=at,
                     extra={}, comment=data.opinion or "经审核，准予登记")
    await home_events.touch_person(deps.cache, reg.person_id)
    return await staff_detail(deps, actor=actor, reg_id=reg_id)


async def refuse(deps: Deps, *, actor: StaffUser, reg_id: int, data: s.RefuseIn) -> dict[str, Any]:
    """不予登记 with a reason the applicant sees; the name is released."""
    if not data.reason:
        raise e.ReasonRequired()
    at = cfg.now()
    async with in_transaction() as conn:
        reg = await _visible(actor, reg_id, conn)
        from_status = RegStatus(reg.status)
        target = next_status(from_status, Action.REFUSE, REVIEWER)
        changed = await Registration.filter(id=reg.id, status=from_status).using_db(conn).update(
            status=target, decided_at=at, decided_by="staff", refuse_reason=data.reason, name_key=None)
        if not changed:
            raise e.StateChanged()
        await _event(conn, reg, actor_type="staff", actor_id=actor.id, actor_name=actor.name,
                     action=Action.REFUSE.value, from_status=from_status, to_status=target, comment=data.reason, at=at)
        await audit.record(actor=actor, action="registration.refuse", target_type="registration", target_id=reg.id,
                           before={"status": from_status.value}, after={"status": target.value,
                                                                        "reason": data.reason}, using_db=conn)
    return await staff_detail(deps, actor=actor, reg_id=reg_id)


async def staff_license(deps: Deps, *, actor: StaffUser, reg_id: int) -> dict[str, Any]:
    return await license_data(deps, await _visible(actor, reg_id))


async def staff_document(deps: Deps, *, actor: StaffUser, reg_id: int, code: str) -> tuple[str, str, bytes]:
    """A document (PDF) or the operator's ID photo (`id_photo`) of a submitted application."""
    from getitong.registration import documents

    return await documents.archive_file(deps, await _visible(actor, reg_id), code)


# ----------------------------------------------------------------------------- 电子档案


def _archive_out(reg: Registration) -> dict[str, Any]:
    return {"id": reg.id, "archive_no": reg.archive_no, "uscc": reg.uscc, "name": display_name(reg),
            "store_name": (reg.basic or {}).get("store_name"), "operator_name": reg.operator_name,
            "category": "设立登记", "business_type_label": _type(reg.business_type).label,
            "established_at": _t(reg.decided_at), "reviewer": "智慧审批" if reg.decided_by == "auto" else "人工审核",
            "status_label": "已归档", "archive": reg.archive}


def _archive_qs(actor: StaffUser, q: s.ArchiveQuery) -> Any:
    require(actor, Perm.REGISTRATION_REVIEW)
    qs = scope.scoped(Registration.filter(status=RegStatus.APPROVED), actor)
    if q.name:
        qs = qs.filter(Q(name__icontains=q.name) | Q(operator_name__icontains=q.name))
    if q.uscc:
        qs = qs.filter(uscc=uscc_codes.normalize(q.uscc))
    if q.archive_no:
        qs = qs.filter(archive_no=q.archive_no.strip().upper())
    return qs


async def archives(*, actor: StaffUser, q: s.ArchiveQuery) -> dict[str, Any]:
    """电子档案移交-全程电子化: every approved registration in scope, with its archive number."""
    rows, nxt = await keyset(_archive_qs(actor, q), cursor=q.cursor, limit=q.limit)
    return {"items": [_archive_out(r) for r in rows], "next": nxt}


def _xlsx(title: str, header: list[str], rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title)
    ws.append(header)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _local(value: datetime | None) -> str:
    return value.astimezone(cfg.SHANGHAI).strftime("%Y-%m-%d %H:%M") if value else ""


async def export_queue(*, actor: StaffUser, q: s.QueueQuery) -> bytes:
    """The filtered 登记审核 list as Excel (newest first, up to REGISTRATION_EXPORT_MAX_ROWS rows)."""
    rows = await _queue_qs(actor, q).order_by("-id").limit(cfg.registration_settings().export_max_rows)
    data = [[r.number, display_name(r), r.operator_name or "", _type(r.business_type).label,
             STATUS_LABELS[RegStatus(r.status)], _local(r.submitted_at), _local(r.decided_at),
             {"auto": "智能审批", "staff": "人工审核"}.get(r.decided_by or "", ""), r.uscc or "",
             "；".join(f"{x['label']}：{x['reason']}" for x in rules.failed(r.rule_results or []))] for r in rows]
    header = ["申请编号", "名称", "经营者", "个体户类型", "状态", "提交时间", "办结时间", "审批方式", "统一社会信用代码",
              "未通过的规则"]
    return await asyncio.to_thread(_xlsx, "登记审核", header, data)


async def export_archives(*, actor: StaffUser, q: s.ArchiveQuery) -> bytes:
    """The filtered 电子档案 list as Excel."""
    rows = await _archive_qs(actor, q).order_by("-id").limit(cfg.registration_settings().export_max_rows)
    data = []
    for r in rows:
        a = r.archive or {}
        data.append([r.archive_no or "", r.uscc or "", display_name(r), r.operator_name or "", "设立登记",
                     _local(r.decided_at), "智慧审批" if r.decided_by == "auto" else "人工审核", a.get("title", ""),
                     a.get("reason", ""), a.get("archive_org", ""), a.get("archivist", ""), a.get("location", ""),
                     a.get("archived_on", "")])
    header = ["档案号", "统一社会信用代码", "名称", "经营者", "类别", "设立时间", "审核方式", "案卷名称", "归档原因",
              "归档机构", "归档人", "归档地点", "归档日期"]
    return await asyncio.to_thread(_xlsx, "电子档案", header, data)


async def _archived(actor: StaffUser, reg_id: int, conn: Any = None) -> Registration:
    reg = await _visible(actor, reg_id, conn)
    if reg.status != RegStatus.APPROVED:
        raise e.NotApproved()
    return reg


async def archive_detail(*, actor: StaffUser, reg_id: int) -> dict[str, Any]:
    from getitong.registration import documents

    reg = await _archived(actor, reg_id)
    out = _archive_out(reg)
    out["documents"] = [{"code": code, "title": title, "pages": 1} for code, title in documents.archive_items(reg)]
    return out


async def update_archive(*, actor: StaffUser, reg_id: int, data: s.ArchiveIn) -> dict[str, Any]:
    """Edit 归档信息 (audited)."""
    changes = data.model_dump(mode="json", exclude_unset=True)
    async with in_transaction() as conn:
        reg = await _archived(actor, reg_id, conn)
        before = dict(reg.archive or {})
        after = before | changes
        await Registration.filter(id=reg.id).using_db(conn).update(archive=after)
        await audit.record(actor=actor, action="registration.archive", target_type="registration", target_id=reg.id,
                           before=before, after=after, using_db=conn)
    return await archive_detail(actor=actor, reg_id=reg_id)


async def archive_bundle(deps: Deps, *, actor: StaffUser, reg_id: int) -> tuple[str, bytes]:
    from getitong.registration import documents

    reg = await _archived(actor, reg_id)
    return await documents.bundle(deps, reg)


async def archive_document(deps: Deps, *, actor: StaffUser, reg_id: int, code: str) -> tuple[str, str, bytes]:
    from getitong.registration import documents

    reg = await _archived(actor, reg_id)
    return await documents.archive_file(deps, reg, code)
