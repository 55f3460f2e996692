"""Loan use-cases: institutions and products (staff), applying (shop owner), the institution's handling,
notifications. Every state change is one transaction: a status update guarded by the old status, the event
row, the audit row, and for the institution a notification and (with a webhook) a delivery to send.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.transactions import in_transaction

from getitong.accounts.models import Person
from getitong.common import home_events
from getitong.core import audit
from getitong.core import errors as core_errors
from getitong.core.deps import Deps
from getitong.core.pagination import keyset
from getitong.core.security import mask_phone
from getitong.entities.models import KIND_LABELS, Business, EntityStatus, Region
from getitong.loans import errors as e
from getitong.loans import workflow as wf
from getitong.loans.models import (
    GUARANTEE_LABELS,
    DeliveryStatus,
    GuaranteeType,
    InstitutionProfile,
    LoanApplication,
    LoanApplicationEvent,
    LoanNotification,
    LoanProduct,
    WebhookDelivery,
)
from getitong.loans.schemas import ActionIn, ApplyIn, InstitutionIn, InstitutionPatch, ProductIn, ProductPatch
from getitong.loans.workflow import (
    ACTION_LABELS,
    OPEN_STATUSES,
    PRODUCT_STATUS_LABELS,
    STATUS_LABELS,
    Action,
    ApplicationStatus,
    Caller,
    ProductAction,
    ProductStatus,
)
from getitong.staff import scope
from getitong.staff.models import FinancialInstitution, Org, StaffUser
from getitong.staff.permissions import Perm, permissions_of
from getitong.staff.service import require

SHANGHAI = ZoneInfo("Asia/Shanghai")
EVENT_SUBMITTED = "loan.application.submitted"
EVENT_WITHDRAWN = "loan.application.withdrawn"
EVENT_LABELS = {**{a.value: label for a, label in ACTION_LABELS.items()}, "submit": "提交申请"}
DETAIL_LABELS = {"amount": "金额", "rate": "年利率", "term_months": "期限（月）", "granted_on": "放款日期",
                 "note": "办理说明"}
_CENT = Decimal("0.01")


def now() -> datetime:
    # In the database's time zone: SQLite stores "+08:00" text and compares it as text.
    return datetime.now(SHANGHAI)


@dataclass(frozen=True)
class Owner:
    """A shop owner acting for the current business."""

    person: Person
    business_id: int


# ----------------------------------------------------------------------------- formatting


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value else None


def _money(value: Decimal | None) -> str | None:
    return str(Decimal(value).quantize(_CENT)) if value is not None else None


def _plain(value: Decimal) -> str:
    text = format(Decimal(value).normalize(), "f")
    return text


def money_label(value: Decimal) -> str:
    value = Decimal(value)
    if value >= 10000:
        return f"{_plain(value / 10000)}万元"
    return f"{_plain(value)}元"


def _range(lo: str, hi: str, unit: str = "") -> str:
    return f"{lo}{unit}" if lo == hi else f"{lo}–{hi}{unit}"


def product_labels(p: LoanProduct) -> dict[str, str]:
    return {"amount_label": _range(money_label(p.amount_min), money_label(p.amount_max)),
            "rate_label": "年利率 " + _range(f"{_plain(p.rate_min)}%", f"{_plain(p.rate_max)}%"),
            "term_label": _range(str(p.term_months_min), str(p.term_months_max), "个月")}


def product_out(p: LoanProduct, institution: FinancialInstitution, *, admin: bool) -> dict[str, Any]:
    out = {"id": p.id, "name": p.name, "institution": {"id": institution.id, "name": institution.name},
           "amount_min": _money(p.amount_min), "amount_max": _money(p.amount_max),
           "rate_min": _money(p.rate_min), "rate_max": _money(p.rate_max),
           "term_months_min": p.term_months_min, "term_months_max": p.term_months_max,
           "guarantee_type": p.guarantee_type.value, "guarantee_label": GUARANTEE_LABELS[p.guarantee_type],
           "eligibility": p.eligibility, "description": p.description, **product_labels(p),
           "published_at": _iso(p.published_at)}
    if admin:
        out.update(status=p.status.value, status_label=PRODUCT_STATUS_LABELS[p.status],
                   actions=wf.product_actions(p.status), created_at=_iso(p.created_at),
                   updated_at=_iso(p.updated_at))
    return out


def _product_snapshot(p: LoanProduct, institution: FinancialInstitution) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "institution_name": institution.name,
            "guarantee_type": p.guarantee_type.value, "guarantee_label": GUARANTEE_LABELS[p.guarantee_type],
            **product_labels(p)}


def _snapshot(p: LoanProduct) -> dict[str, Any]:
    return {"name": p.name, "institution_id": p.institution_id, "amount_min": _money(p.amount_min),
            "amount_max": _money(p.amount_max), "rate_min": _money(p.rate_min), "rate_max": _money(p.rate_max),
            "term_months_min": p.term_months_min, "term_months_max": p.term_months_max,
            "guarantee_type": p.guarantee_type.value, "status": p.status.value}


# ----------------------------------------------------------------------------- who sees what


def require_loan_staff(actor: StaffUser) -> None:
    if not permissions_of(actor.roles) & {Perm.LOAN_MANAGE.value, Perm.LOAN_HANDLE.value}:
        raise core_errors.Forbidden(data={"permission": Perm.LOAN_HANDLE.value})


async def visible_institution_ids(actor: StaffUser) -> list[int]:
    """loan:manage: the institutions under the actor's orgs; loan:handle: the actor's own institution."""
    perms = permissions_of(actor.roles)
    ids: set[int] = set()
    if Perm.LOAN_MANAGE.value in perms:
        ids |= set(await scope.scoped(FinancialInstitution.all(), actor).values_list("id", flat=True))
    if Perm.LOAN_HANDLE.value in perms:
        if actor.institution_id is None and not ids:
            raise e.NoInstitution()
        if actor.institution_id is not None:
            ids.add(actor.institution_id)
    if Perm.LOAN_MANAGE.value not in perms and Perm.LOAN_HANDLE.value not in perms:
        raise core_errors.Forbidden(data={"permission": Perm.LOAN_HANDLE.value})
    return sorted(ids)


def _own_institution(actor: StaffUser) -> int:
    require(actor, Perm.LOAN_HANDLE)
    if actor.institution_id is None:
        raise e.NoInstitution()
    return actor.institution_id


def _staff_caller(actor: StaffUser, application: LoanApplication) -> Caller:
    # Only the institution's own staff handle; supervisors (loan:manage) read.
    if Perm.LOAN_HANDLE.value in permissions_of(actor.roles) and actor.institution_id == application.institution_id:
        return Caller(frozenset({wf.HANDLE}))
    return Caller(frozenset())


OWNER_CALLER = Caller(frozenset({wf.OWNER}))


# ----------------------------------------------------------------------------- institutions


def _institution_out(inst: FinancialInstitution, profile: InstitutionProfile | None, org_name: str | None,
                     counts: dict[str, int] | None = None) -> dict[str, Any]:
    out = {"id": inst.id, "name": inst.name, "region_code": inst.region_code, "org_id": inst.org_id,
           "org_name": org_name, "is_active": inst.is_active,
           "short_name": profile.short_name if profile else "",
           "contact_name": profile.contact_name if profile else "",
           "contact_phone": profile.contact_phone if profile else "",
           "address": profile.address if profile else "", "intro": profile.intro if profile else "",
           "webhook_url": profile.webhook_url if profile else "",
           "webhook_secret_set": bool(profile and profile.webhook_secret_enc)}
    if counts is not None:
        out.update(counts)
    return out


async def _institution_for_staff(actor: StaffUser, institution_id: int) -> FinancialInstitution:
    if institution_id not in await visible_institution_ids(actor):
        raise e.InstitutionNotFound()
    inst = await FinancialInstitution.get_or_none(id=institution_id)
    if inst is None:
        raise e.InstitutionNotFound()
    return inst


async def list_institutions(*, actor: StaffUser) -> dict[str, Any]:
    """Institutions the actor may see, with their profile and product counts."""
    ids = await visible_institution_ids(actor)
    rows = await FinancialInstitution.filter(id__in=ids).order_by("id")
    profiles = {p.institution_id: p for p in await InstitutionProfile.filter(institution_id__in=ids)}
    orgs = dict(await Org.filter(id__in={i.org_id for i in rows}).values_list("id", "name"))
    counts: dict[int, dict[str, int]] = {i: {"products": 0, "published_products": 0} for i in ids}
    for inst_id, status in await LoanProduct.filter(institution_id__in=ids).values_list("institution_id", "status"):
        counts[inst_id]["products"] += 1
        counts[inst_id]["published_products"] += status == ProductStatus.PUBLISHED
    return {"items": [_institution_out(i, profiles.get(i.id), orgs.get(i.org_id), counts[i.id]) for i in rows],
            "next": None}


async def get_institution(*, actor: StaffUser, institution_id: int) -> dict[str, Any]:
    inst = await _institution_for_staff(actor, institution_id)
    profile = await InstitutionProfile.get_or_none(institution_id=inst.id)
    org = await Org.get_or_none(id=inst.org_id)
    return _institution_out(inst, profile, org.name if org else None)


def _new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


async def create_institution(deps: Deps, *, actor: StaffUser, data: InstitutionIn) -> dict[str, Any]:
    """Register a financial institution under an org in the actor's scope, with its profile."""
    require(actor, Perm.LOAN_MANAGE)
    org_id = data.org_id or actor.org_id
    org = await Org.get_or_none(id=org_id)
    if org is None:
        raise core_errors.OrgOutOfScope()
    await scope.ensure_in_scope(actor, org.id)
    if await FinancialInstitution.exists(name=data.name):
        raise e.InstitutionNameTaken()
    secret = _new_secret() if data.webhook_url else None
    try:
        async with in_transaction() as conn:
            inst = await FinancialInstitution.create(name=data.name, region_code=org.region_code, org_id=org.id,
                                                     using_db=conn)
            profile = await InstitutionProfile.create(
                institution_id=inst.id, short_name=data.short_name or "", contact_name=data.contact_name or "",
                contact_phone=data.contact_phone or "", address=data.address or "", intro=data.intro or "",
                webhook_url=data.webhook_url, webhook_secret_enc=deps.cipher.encrypt(secret) if secret else None,
                using_db=conn)
            await audit.record(actor=actor, action="loan.institution.create", target_type="financial_institution",
                               target_id=inst.id, after={"name": inst.name, "org_id": org.id,
                                                         "webhook_url": data.webhook_url}, using_db=conn)
    except IntegrityError:
        raise e.InstitutionNameTaken() from None
    out = _institution_out(inst, profile, org.name)
    if secret:
        out["webhook_secret"] = secret  # shown this once; rotate to see a new one
    return out


_BANK_EDITABLE = {"short_name", "contact_name", "contact_phone", "address", "intro"}


async def update_institution(*, actor: StaffUser, institution_id: int, data: InstitutionPatch,
                             deps: Deps) -> dict[str, Any]:
    """Edit an institution: supervisors everything, its own staff the contact details and introduction."""
    inst = await _institution_for_staff(actor, institution_id)
    changes = {k: v for k, v in data.model_dump(exclude_unset=True).items() if v is not None}
    manager = Perm.LOAN_MANAGE.value in permissions_of(actor.roles) and await scope.in_scope(actor, inst.org_id)
    if not manager and set(changes) - _BANK_EDITABLE:
        raise core_errors.Forbidden("仅主管部门可修改机构名称、状态和接收地址",
                                    data={"permission": Perm.LOAN_MANAGE.value})
    profile = await InstitutionProfile.get_or_none(institution_id=inst.id)
    before = _institution_out(inst, profile, None)
    if "name" in changes and changes["name"] != inst.name and await FinancialInstitution.exists(name=changes["name"]):
        raise e.InstitutionNameTaken()
    secret = None
    try:
        async with in_transaction() as conn:
            if profile is None:
                profile = await InstitutionProfile.create(institution_id=inst.id, using_db=conn)
            for key in ("name", "is_active"):
                if key in changes:
                    setattr(inst, key, changes[key])
            await inst.save(using_db=conn, update_fields=["name", "is_active"])
            for key in _BANK_EDITABLE | {"webhook_url"}:
                if key in changes:
                    setattr(profile, key, changes[key])
            if profile.webhook_url and not profile.webhook_secret_enc:
                secret = _new_secret()
                profile.webhook_secret_enc = deps.cipher.encrypt(secret)
            await profile.save(using_db=conn)
            after = _institution_out(inst, profile, None)
            await audit.record(actor=actor, action="loan.institution.update", target_type="financial_institution",
                               target_id=inst.id, before=before, after=after, using_db=conn)
    except IntegrityError:
        raise e.InstitutionNameTaken() from None
    out = await get_institution(actor=actor, institution_id=inst.id)
    if secret:
        out["webhook_secret"] = secret
    return out


async def rotate_webhook_secret(deps: Deps, *, actor: StaffUser, institution_id: int) -> dict[str, Any]:
    """A new signing secret for the institution's webhook, returned this once."""
    require(actor, Perm.LOAN_MANAGE)
    inst = await _institution_for_staff(actor, institution_id)
    if not await scope.in_scope(actor, inst.org_id):
        raise e.InstitutionNotFound()
    profile = await InstitutionProfile.get_or_none(institution_id=inst.id)
    if profile is None or not profile.webhook_url:
        raise e.WebhookNotConfigured()
    secret = _new_secret()
    async with in_transaction() as conn:
        profile.webhook_secret_enc = deps.cipher.encrypt(secret)
        await profile.save(using_db=conn, update_fields=["webhook_secret_enc", "updated_at"])
        await audit.record(actor=actor, action="loan.institution.rotate_secret", target_type="financial_institution",
                           target_id=inst.id, using_db=conn)
    return {"id": inst.id, "webhook_url": profile.webhook_url, "webhook_secret": secret,
            "signature_header": "X-Getitong-Signature"}


async def list_deliveries(*, actor: StaffUser, institution_id: int, cursor: str | None,
                          limit: int) -> dict[str, Any]:
    """Outbound webhook deliveries of an institution: what was sent, attempts and the last error."""
    inst = await _institution_for_staff(actor, institution_id)
    rows, nxt = await keyset(WebhookDelivery.filter(institution_id=inst.id), cursor=cursor, limit=limit)
    return {"items": [{"id": d.id, "event": d.event, "application_id": d.application_id, "status": d.status.value,
                       "attempts": d.attempts, "last_http_status": d.last_http_status, "last_error": d.last_error,
                       "next_attempt_at": _iso(d.next_attempt_at) if d.status == DeliveryStatus.PENDING else None,
                       "delivered_at": _iso(d.delivered_at), "created_at": _iso(d.created_at)} for d in rows],
            "next": nxt}


# ----------------------------------------------------------------------------- products (staff)


async def _product_for_staff(actor: StaffUser, product_id: int) -> LoanProduct:
    ids = await visible_institution_ids(actor)
    p = await LoanProduct.get_or_none(id=product_id, institution_id__in=ids)
    if p is None:
        raise e.ProductNotFound("贷款产品不存在")
    return p


async def list_products_admin(*, actor: StaffUser, status: str | None, guarantee_type: str | None,
                              institution_id: int | None, q: str | None, cursor: str | None,
                              limit: int) -> dict[str, Any]:
    """Products of the institutions the actor may see."""
    qs = LoanProduct.filter(institution_id__in=await visible_institution_ids(actor))
    if status:
        qs = qs.filter(status=status)
    qs = _product_filters(qs, guarantee_type=guarantee_type, institution_id=institution_id, q=q)
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    insts = await _institutions_of(rows)
    return {"items": [product_out(p, insts[p.institution_id], admin=True) for p in rows], "next": nxt}


def _product_filters(qs: Any, *, guarantee_type: str | None, institution_id: int | None, q: str | None) -> Any:
    if guarantee_type:
        qs = qs.filter(guarantee_type=guarantee_type)
    if institution_id:
        qs = qs.filter(institution_id=institution_id)
    if q and q.strip():
        term = q.strip()
        qs = qs.filter(Q(name__icontains=term) | Q(description__icontains=term)
                       | Q(institution_id__in=Subquery(FinancialInstitution.filter(name__icontains=term).values("id"))))
    return qs


async def _institutions_of(rows: list[Any]) -> dict[int, FinancialInstitution]:
    return {i.id: i for i in await FinancialInstitution.filter(id__in={r.institution_id for r in rows})}


async def get_product_admin(*, actor: StaffUser, product_id: int) -> dict[str, Any]:
    p = await _product_for_staff(actor, product_id)
    return product_out(p, await FinancialInstitution.get(id=p.institution_id), admin=True)


def _check_ranges(p: Any) -> None:
    if p.amount_min > p.amount_max:
        raise e.ProductInvalid("最低额度不能高于最高额度", data={"field": "amount_min"})
    if p.rate_min > p.rate_max:
        raise e.ProductInvalid("最低利率不能高于最高利率", data={"field": "rate_min"})
    if p.term_months_min > p.term_months_max:
        raise e.ProductInvalid("最短期限不能长于最长期限", data={"field": "term_months_min"})


async def create_product(*, actor: StaffUser, data: ProductIn) -> dict[str, Any]:
    """A draft product of an institution the actor may manage (bank staff: their own)."""
    ids = await visible_institution_ids(actor)
    _check_ranges(data)
    institution_id = data.institution_id
    if institution_id is None:
        if actor.institution_id is None or actor.institution_id not in ids:
            raise e.ProductInvalid("请选择所属金融机构", data={"field": "institution_id"})
        institution_id = actor.institution_id
    if institution_id not in ids:
        raise e.InstitutionNotFound()
    inst = await FinancialInstitution.get(id=institution_id)
    values = data.model_dump(exclude={"institution_id"})
    async with in_transaction() as conn:
        p = await LoanProduct.create(institution_id=inst.id, created_by_id=actor.id, **values, using_db=conn)
        await audit.record(actor=actor, action="loan.product.create", target_type="loan_product", target_id=p.id,
                           after=_snapshot(p), using_db=conn)
    await p.refresh_from_db()
    return product_out(p, inst, admin=True)


async def update_product(*, actor: StaffUser, product_id: int, data: ProductPatch) -> dict[str, Any]:
    """Edit a product; applications already made keep the product as it was (their snapshot)."""
    p = await _product_for_staff(actor, product_id)
    before = _snapshot(p)
    for key, value in data.model_dump(exclude_unset=True).items():
        if value is not None:
            setattr(p, key, value)
    _check_ranges(p)
    async with in_transaction() as conn:
        await p.save(using_db=conn)
        await audit.record(actor=actor, action="loan.product.update", target_type="loan_product", target_id=p.id,
                           before=before, after=_snapshot(p), using_db=conn)
    await p.refresh_from_db()
    return product_out(p, await FinancialInstitution.get(id=p.institution_id), admin=True)


async def transition_product(*, actor: StaffUser, product_id: int, action: ProductAction) -> dict[str, Any]:
    """Publish (上架) or unpublish (下架) a product."""
    p = await _product_for_staff(actor, product_id)
    target = wf.product_next(p.status, action)
    before = _snapshot(p)
    at = now()
    values: dict[str, Any] = {"status": target, "updated_at": at}
    if target == ProductStatus.PUBLISHED:
        values["published_at"] = at
    async with in_transaction() as conn:
        moved = await LoanProduct.filter(id=p.id, status=p.status).using_db(conn).update(**values)
        if not moved:
            raise wf.ProductActionNotAllowed("产品状态已被他人更新，请刷新后重试")
        await p.refresh_from_db(using_db=conn)
        await audit.record(actor=actor, action=f"loan.product.{action.value}", target_type="loan_product",
                           target_id=p.id, before=before, after=_snapshot(p), using_db=conn)
    return product_out(p, await FinancialInstitution.get(id=p.institution_id), admin=True)


# ----------------------------------------------------------------------------- products (shop side)


def _published() -> Any:
    return LoanProduct.filter(status=ProductStatus.PUBLISHED,
                              institution_id__in=Subquery(FinancialInstitution.filter(is_active=True).values("id")))


async def list_products_shop(*, guarantee_type: str | None, institution_id: int | None, q: str | None,
                             cursor: str | None, limit: int) -> dict[str, Any]:
    """Published products of active institutions, newest first."""
    qs = _product_filters(_published(), guarantee_type=guarantee_type, institution_id=institution_id, q=q)
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    insts = await _institutions_of(rows)
    return {"items": [product_out(p, insts[p.institution_id], admin=False) for p in rows], "next": nxt}


async def shop_options() -> dict[str, Any]:
    """Filter choices: guarantee types and the institutions that have published products."""
    ids = set(await _published().values_list("institution_id", flat=True))
    insts = await FinancialInstitution.filter(id__in=ids).order_by("id")
    return {"guarantee_types": [{"value": g.value, "label": label} for g, label in GUARANTEE_LABELS.items()],
            "institutions": [{"id": i.id, "name": i.name} for i in insts],
            "statuses": [{"value": s.value, "label": label} for s, label in STATUS_LABELS.items()]}


async def staff_options(*, actor: StaffUser) -> dict[str, Any]:
    """Labels for the staff screens, and the institutions the actor may see (loan:manage / loan:handle)."""
    insts = await FinancialInstitution.filter(id__in=await visible_institution_ids(actor)).order_by("id")
    return {"guarantee_types": [{"value": g.value, "label": label} for g, label in GUARANTEE_LABELS.items()],
            "institutions": [{"id": i.id, "name": i.name} for i in insts],
            "statuses": [{"value": s.value, "label": label} for s, label in STATUS_LABELS.items()],
            "product_statuses": [{"value": s.value, "label": label} for s, label in PRODUCT_STATUS_LABELS.items()]}


async def get_product_shop(*, owner: Owner, product_id: int) -> dict[str, Any]:
    """A published product, the institution's contact, and the business's open application for it if any."""
    p = await _published().get_or_none(id=product_id)
    if p is None:
        raise e.ProductNotFound()
    inst = await FinancialInstitution.get(id=p.institution_id)
    profile = await InstitutionProfile.get_or_none(institution_id=inst.id)
    out = product_out(p, inst, admin=False)
    out["institution"].update(contact_phone=profile.contact_phone if profile else "",
                              address=profile.address if profile else "", intro=profile.intro if profile else "")
    current = await LoanApplication.get_or_none(open_key=_open_key(owner.business_id, p.id))
    out["my_application"] = ({"id": current.id, "status": current.status.value,
                              "status_label": STATUS_LABELS[current.status]} if current else None)
    out["can_apply"] = current is None
    return out


# ----------------------------------------------------------------------------- applying


def _open_key(business_id: int, product_id: int) -> str:
    return f"{business_id}:{product_id}"


async def _region_path(code: str) -> str:
    names: list[str] = []
    current: str | None = code
    for _ in range(5):
        if not current:
            break
        region = await Region.get_or_none(code=current)
        if region is None:
            break
        names.append(region.name)
        current = region.parent_code
    return "".join(reversed(names))


async def business_snapshot(business: Business) -> dict[str, Any]:
    """What the institution receives about the business, frozen at application time."""
    org = await Org.get_or_none(id=business.org_id)
    return {"business_id": business.id, "name": business.name, "uscc": business.uscc, "kind": business.kind.value,
            "kind_label": KIND_LABELS[business.kind], "operator_name": business.operator_name,
            "industry": business.industry, "address": business.address, "region_code": business.region_code,
            "region_name": await _region_path(business.region_code),
            "established_on": business.established_on.isoformat() if business.established_on else None,
            "registration_org": org.name if org else None}


def _webhook_payload(app: LoanApplication, phone: str, institution: FinancialInstitution) -> dict[str, Any]:
    return {"institution": {"id": institution.id, "name": institution.name},
            "application": {"id": app.id, "status": app.status.value, "status_label": STATUS_LABELS[app.status],
                            "amount": _money(app.amount), "purpose": app.purpose, "contact_name": app.contact_name,
                            "contact_phone": phone, "submitted_at": _iso(app.submitted_at),
                            "product": app.product_snapshot, "business": app.business_snapshot}}


async def _notify_institution(app: LoanApplication, *, institution: FinancialInstitution, kind: str, event: str,
                              title: str, body: str, phone: str, at: datetime, conn: Any) -> int | None:
    """The in-app notice, and a webhook delivery when the institution has a receiving address."""
    await LoanNotification.create(institution_id=institution.id, application_id=app.id, kind=kind, title=title,
                                  body=body[:500], created_at=at, using_db=conn)
    profile = await InstitutionProfile.get_or_none(institution_id=institution.id).using_db(conn)
    if profile is None or not profile.webhook_url:
        return None
    delivery = await WebhookDelivery.create(institution_id=institution.id, application_id=app.id, event=event,
                                            payload=_webhook_payload(app, phone, institution), next_attempt_at=at,
                                            created_at=at, using_db=conn)
    return delivery.id


async def apply(deps: Deps, *, owner: Owner, product_id: int, data: ApplyIn) -> tuple[dict[str, Any], list[int]]:
    """我要申请: send the current business's snapshot to the institution; returns the webhook deliveries to send."""
    p = await _published().get_or_none(id=product_id)
    if p is None:
        raise e.ProductNotFound()
    inst = await FinancialInstitution.get(id=p.institution_id)
    business = await Business.get_or_none(id=owner.business_id)
    if business is None:
        raise core_errors.NoCurrentBusiness()
    if business.status != EntityStatus.ACTIVE:
        raise e.BusinessNotActive()
    if not p.amount_min <= data.amount <= p.amount_max:
        raise e.AmountOutOfRange(f"申请金额应在{_range(money_label(p.amount_min), money_label(p.amount_max))}之间",
                                 data={"amount_min": _money(p.amount_min), "amount_max": _money(p.amount_max)})
    key = _open_key(business.id, p.id)
    existing = await LoanApplication.get_or_none(open_key=key)
    if existing is not None:
        raise e.DuplicateApplication(data={"application_id": existing.id, "status": existing.status.value})
    phone = data.contact_phone or deps.cipher.decrypt(owner.person.phone_enc) or ""
    snapshot = await business_snapshot(business)
    at = now()
    delivery: int | None = None
    try:
        async with in_transaction() as conn:
            app = await LoanApplication.create(
                product_id=p.id, institution_id=inst.id, business_id=business.id, person_id=owner.person.id,
                open_key=key, amount=data.amount, purpose=data.purpose,
                contact_name=data.contact_name or owner.person.name, contact_phone_enc=deps.cipher.encrypt(phone),
                business_snapshot=snapshot, product_snapshot=_product_snapshot(p, inst),
                status=ApplicationStatus.SUBMITTED, submitted_at=at, using_db=conn)
            await LoanApplicationEvent.create(application_id=app.id, actor_type="person", actor_id=owner.person.id,
                                              actor_name=owner.person.name, action="submit", from_status=None,
                                              to_status=ApplicationStatus.SUBMITTED.value, note=data.purpose,
                                              at=at, using_db=conn)
            delivery = await _notify_institution(
                app, institution=inst, kind="application_submitted", event=EVENT_SUBMITTED, title="新的贷款申请",
                body=f"{business.name}申请「{p.name}」，需求金额{money_label(data.amount)}，请及时联系。",
                phone=phone, at=at, conn=conn)
    except IntegrityError:
        # Two taps at once: the unique open key lets only one through.
        raise e.DuplicateApplication() from None
    await home_events.touch_business(deps.cache, business.id)
    return await _owner_view(deps, app, detail=True), [delivery] if delivery else []


# ----------------------------------------------------------------------------- reading applications


def _approved(app: LoanApplication) -> dict[str, Any] | None:
    if app.approved_amount is None:
        return None
    return {"amount": _money(app.approved_amount), "amount_label": money_label(app.approved_amount),
            "rate": _money(app.approved_rate), "term_months": app.approved_term_months}


def _granted(app: LoanApplication) -> dict[str, Any] | None:
    if app.granted_amount is None:
        return None
    return {"amount": _money(app.granted_amount), "amount_label": money_label(app.granted_amount),
            "granted_on": app.granted_on.isoformat() if app.granted_on else None}


async def _timeline(app: LoanApplication, *, public: bool) -> list[dict[str, Any]]:
    events = await LoanApplicationEvent.filter(application_id=app.id).order_by("id")
    out = []
    for ev in events:
        item = {"action": ev.action, "action_label": EVENT_LABELS.get(ev.action, ev.action),
                "from_status": ev.from_status, "to_status": ev.to_status,
                "to_status_label": STATUS_LABELS[ApplicationStatus(ev.to_status)], "note": ev.note,
                "details": ev.payload, "at": _iso(ev.at)}
        # The business sees the institution act, not which of its employees did.
        item["actor_name"] = (app.product_snapshot.get("institution_name", "")
                              if public and ev.actor_type == "staff" else ev.actor_name)
        out.append(item)
    return out


def _base(deps: Deps, app: LoanApplication, *, full_phone: bool) -> dict[str, Any]:
    phone = deps.cipher.decrypt(app.contact_phone_enc)
    return {"id": app.id, "product": app.product_snapshot, "product_id": app.product_id,
            "institution_id": app.institution_id, "amount": _money(app.amount),
            "amount_label": money_label(app.amount), "purpose": app.purpose, "contact_name": app.contact_name,
            "contact_phone": phone if full_phone else mask_phone(phone), "status": app.status.value,
            "status_label": STATUS_LABELS[app.status], "approved": _approved(app), "granted": _granted(app),
            "last_note": app.last_note, "submitted_at": _iso(app.submitted_at), "updated_at": _iso(app.updated_at)}


async def _owner_view(deps: Deps, app: LoanApplication, *, detail: bool) -> dict[str, Any]:
    out = _base(deps, app, full_phone=detail)
    out["allowed_actions"] = wf.allowed_actions(app.status, OWNER_CALLER)
    if detail:
        out["timeline"] = await _timeline(app, public=True)
    return out


async def my_applications(deps: Deps, *, owner: Owner, status: str | None, cursor: str | None,
                          limit: int) -> dict[str, Any]:
    """The applications of the current business, newest first."""
    qs = LoanApplication.filter(business_id=owner.business_id)
    if status:
        qs = qs.filter(status=status)
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    return {"items": [await _owner_view(deps, a, detail=False) for a in rows], "next": nxt}


async def _own_application(owner: Owner, application_id: int) -> LoanApplication:
    app = await LoanApplication.get_or_none(id=application_id, business_id=owner.business_id)
    if app is None:
        raise e.ApplicationNotFound()
    return app


async def my_application(deps: Deps, *, owner: Owner, application_id: int) -> dict[str, Any]:
    return await _owner_view(deps, await _own_application(owner, application_id), detail=True)


async def _load_for_staff(actor: StaffUser, application_id: int) -> LoanApplication:
    ids = await visible_institution_ids(actor)
    app = await LoanApplication.get_or_none(id=application_id, institution_id__in=ids)
    if app is None:
        # Another institution's application looks the same as a missing one.
        raise e.ApplicationNotFound()
    return app


async def _staff_view(deps: Deps, actor: StaffUser, app: LoanApplication, *, detail: bool) -> dict[str, Any]:
    out = _base(deps, app, full_phone=detail)
    out["business"] = {"id": app.business_id, "name": app.business_snapshot.get("name"),
                       "uscc": app.business_snapshot.get("uscc")}
    out["allowed_actions"] = wf.allowed_actions(app.status, _staff_caller(actor, app))
    if detail:
        out["business_snapshot"] = app.business_snapshot
        out["timeline"] = await _timeline(app, public=False)
    return out


async def list_applications(deps: Deps, *, actor: StaffUser, status: str | None, product_id: int | None,
                            institution_id: int | None, q: str | None, cursor: str | None,
                            limit: int) -> dict[str, Any]:
    """Applications to the institutions the actor may see, newest first."""
    qs = LoanApplication.filter(institution_id__in=await visible_institution_ids(actor))
    if status:
        qs = qs.filter(status=status)
    if product_id:
        qs = qs.filter(product_id=product_id)
    if institution_id:
        qs = qs.filter(institution_id=institution_id)
    if q and q.strip():
        term = q.strip()
        qs = qs.filter(business_id__in=Subquery(
            Business.filter(Q(name__icontains=term) | Q(uscc=term.upper())).values("id")))
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    return {"items": [await _staff_view(deps, actor, a, detail=False) for a in rows], "next": nxt}


async def get_application(deps: Deps, *, actor: StaffUser, application_id: int) -> dict[str, Any]:
    return await _staff_view(deps, actor, await _load_for_staff(actor, application_id), detail=True)


# ----------------------------------------------------------------------------- transitions


async def _move(app: LoanApplication, *, target: ApplicationStatus, action: Action, actor_type: str,
                actor_id: int | None, actor_name: str, note: str, details: dict[str, Any], updates: dict[str, Any],
                at: datetime, conn: Any) -> None:
    """Move the status (guarded by the old one) and write the event row, inside the caller's transaction."""
    values = dict(updates, status=target, updated_at=at)
    if target not in OPEN_STATUSES:
        values["open_key"] = None
    if note:
        values["last_note"] = note
    moved = await LoanApplication.filter(id=app.id, status=app.status).using_db(conn).update(**values)
    if moved != 1:
        raise e.StateChanged()
    await LoanApplicationEvent.create(application_id=app.id, actor_type=actor_type, actor_id=actor_id,
                                      actor_name=actor_name, action=action.value, from_status=app.status.value,
                                      to_status=target.value, note=note, payload=details, at=at, using_db=conn)


def _details(app: LoanApplication, action: Action, data: ActionIn) -> tuple[dict[str, Any], dict[str, Any]]:
    """Check what the action must carry; returns (column updates, event details)."""
    missing = [f for f in wf.REQUIRED_DETAILS.get(action, ()) if getattr(data, f) in (None, "")]
    if missing:
        raise e.DetailsRequired(f"请填写{'、'.join(DETAIL_LABELS[f] for f in missing)}",
                                data={"missing": missing})
    if action is Action.APPROVE:
        assert data.amount is not None  # checked above
        assert data.rate is not None
        return ({"approved_amount": data.amount, "approved_rate": data.rate, "approved_term_months": data.term_months},
                {"amount": _money(data.amount), "rate": _money(data.rate), "term_months": data.term_months})
    if action is Action.GRANT:
        assert data.amount is not None
        assert data.granted_on is not None
        if app.approved_amount is not None and data.amount > app.approved_amount:
            raise e.GrantExceedsApproved(f"放款金额不能超过审批金额{money_label(app.approved_amount)}",
                                         data={"approved_amount": _money(app.approved_amount)})
        today = datetime.now(SHANGHAI).date()
        submitted: date = app.submitted_at.astimezone(SHANGHAI).date()
        if not submitted <= data.granted_on <= today:
            raise e.DateInvalid(data={"earliest": submitted.isoformat(), "latest": today.isoformat()})
        return ({"granted_amount": data.amount, "granted_on": data.granted_on},
                {"amount": _money(data.amount), "granted_on": data.granted_on.isoformat()})
    return {}, {}


async def act(deps: Deps, *, actor: StaffUser, application_id: int, action: Action,
              data: ActionIn) -> dict[str, Any]:
    """The institution's staff move an application: contact, approve, reject, grant."""
    app = await _load_for_staff(actor, application_id)
    target = wf.next_status(app.status, action, _staff_caller(actor, app))
    updates, details = _details(app, action, data)
    at = now()
    async with in_transaction() as conn:
        await _move(app, target=target, action=action, actor_type="staff", actor_id=actor.id, actor_name=actor.name,
                    note=data.note, details=details, updates=updates, at=at, conn=conn)
        await audit.record(actor=actor, action=f"loan.application.{action.value}", target_type="loan_application",
                           target_id=app.id, before={"status": app.status.value},
                           after={"status": target.value, "note": data.note, **details}, using_db=conn)
    await home_events.touch_business(deps.cache, app.business_id)
    await app.refresh_from_db()
    return await _staff_view(deps, actor, app, detail=True)


async def withdraw(deps: Deps, *, owner: Owner, application_id: int, note: str) -> tuple[dict[str, Any], list[int]]:
    """撤回: the owner takes back an application nobody has picked up yet; the institution is told."""
    app = await _own_application(owner, application_id)
    target = wf.next_status(app.status, Action.WITHDRAW, OWNER_CALLER)
    inst = await FinancialInstitution.get(id=app.institution_id)
    at = now()
    async with in_transaction() as conn:
        await _move(app, target=target, action=Action.WITHDRAW, actor_type="person", actor_id=owner.person.id,
                    actor_name=owner.person.name, note=note, details={}, updates={}, at=at, conn=conn)
        await app.refresh_from_db(using_db=conn)
        delivery = await _notify_institution(
            app, institution=inst, kind="application_withdrawn", event=EVENT_WITHDRAWN, title="贷款申请已撤回",
            body=f"{app.business_snapshot.get('name', '')}撤回了「{app.product_snapshot.get('name', '')}」的申请。",
            phone=deps.cipher.decrypt(app.contact_phone_enc) or "", at=at, conn=conn)
    await home_events.touch_business(deps.cache, app.business_id)
    return await _owner_view(deps, app, detail=True), [delivery] if delivery else []


# ----------------------------------------------------------------------------- notifications


def _notification_out(n: LoanNotification) -> dict[str, Any]:
    return {"id": n.id, "kind": n.kind, "title": n.title, "body": n.body, "application_id": n.application_id,
            "read": n.read_at is not None, "read_at": _iso(n.read_at), "created_at": _iso(n.created_at)}


async def list_notifications(*, actor: StaffUser, unread: bool, cursor: str | None, limit: int) -> dict[str, Any]:
    """The institution's inbox, newest first, with the unread count."""
    inst = _own_institution(actor)
    qs = LoanNotification.filter(institution_id=inst)
    if unread:
        qs = qs.filter(read_at__isnull=True)
    rows, nxt = await keyset(qs, cursor=cursor, limit=limit)
    count = await LoanNotification.filter(institution_id=inst, read_at__isnull=True).count()
    return {"items": [_notification_out(n) for n in rows], "next": nxt, "unread": count}


async def unread_count(*, actor: StaffUser) -> dict[str, int]:
    inst = _own_institution(actor)
    return {"unread": await LoanNotification.filter(institution_id=inst, read_at__isnull=True).count()}


async def mark_read(*, actor: StaffUser, notification_id: int) -> dict[str, Any]:
    inst = _own_institution(actor)
    n = await LoanNotification.get_or_none(id=notification_id, institution_id=inst)
    if n is None:
        raise e.NotificationNotFound()
    if n.read_at is None:
        at = now()
        async with in_transaction() as conn:
            await LoanNotification.filter(id=n.id, read_at__isnull=True).using_db(conn).update(read_at=at,
                                                                                               read_by_id=actor.id)
            await audit.record(actor=actor, action="loan.notification.read", target_type="loan_notification",
                               target_id=n.id, using_db=conn)
        await n.refresh_from_db()
    return _notification_out(n)


async def mark_all_read(*, actor: StaffUser) -> dict[str, int]:
    inst = _own_institution(actor)
    async with in_transaction() as conn:
        count = await LoanNotification.filter(institution_id=inst, read_at__isnull=True).using_db(conn).update(
            read_at=now(), read_by_id=actor.id)
        if count:
            await audit.record(actor=actor, action="loan.notification.read_all", target_type="financial_institution",
                               target_id=inst, after={"count": count}, using_db=conn)
    return {"marked": count, "unread": 0}


def guarantee_choices() -> list[dict[str, str]]:
    return [{"value": g.value, "label": GUARANTEE_LABELS[g]} for g in GuaranteeType]
