"""Staff use-cases: login with brute-force protection, profile, password, user administration."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from getitong.core import audit, errors
from getitong.core.cache import hit
from getitong.core.deps import Deps
from getitong.core.pagination import keyset
from getitong.core.security import check_password_strength, mask_phone
from getitong.staff import captcha, scope
from getitong.staff.models import ORG_LEVEL_LABELS, FinancialInstitution, Org, StaffUser
from getitong.staff.permissions import Perm, Role, permissions_of, role_name

STAFF = "staff"


def require(actor: StaffUser, perm: Perm) -> None:
    if perm.value not in permissions_of(actor.roles):
        raise errors.Forbidden(data={"permission": perm.value})


async def login(deps: Deps, *, username: str, password: str, ip: str, captcha_id: str | None = None,
                captcha_code: str | None = None) -> dict[str, Any]:
    """Password login; a captcha after `staff_captcha_after` failures, a lock after `staff_lock_after`."""
    s = deps.settings
    key = f"staff-fail:{username.lower()}"
    if not (await hit(deps.cache, f"staff-ip:{ip}", limit=s.staff_login_rate_per_minute, window=60)).allowed:
        raise errors.TooManyAttempts(data={"retry_after": 60})
    failures = int(await deps.cache.get(key) or 0)
    if failures >= s.staff_lock_after:
        raise errors.TooManyAttempts(data={"retry_after": s.login_lock_seconds})
    if failures >= s.staff_captcha_after:
        await captcha.verify(deps.cache, captcha_id, captcha_code)
    user = await StaffUser.get_or_none(username=username).prefetch_related("org", "institution")
    if user is None or not await asyncio.to_thread(deps.hasher.verify, user.password_hash, password):
        count = await deps.cache.incr(key, s.login_lock_seconds)
        raise errors.LoginFailed(data={"captcha_required": count >= s.staff_captcha_after})
    if not user.is_active:
        raise errors.AccountDisabled()
    await deps.cache.delete(key)
    user.last_login_at = datetime.now(UTC)
    await user.save(update_fields=["last_login_at"])
    token = await deps.tokens.issue(subject_type=STAFF, subject_id=user.id)
    return {"token": token, "me": await me(deps, user)}


async def load_actor(user_id: int) -> StaffUser:
    # One joined query: this runs on every staff request.
    user = await StaffUser.get_or_none(id=user_id).select_related("org", "institution")
    if user is None:
        raise errors.TokenInvalid()
    if not user.is_active:
        raise errors.AccountDisabled()
    return user


def org_out(org: Org) -> dict[str, Any]:
    return {"id": org.id, "name": org.name, "level": org.level.value, "level_label": ORG_LEVEL_LABELS[org.level],
            "region_code": org.region_code}


async def me(deps: Deps, user: StaffUser) -> dict[str, Any]:
    return {
        "id": user.id, "username": user.username, "name": user.name,
        "phone_masked": mask_phone(deps.cipher.decrypt(user.phone_enc)),
        "org": org_out(user.org),
        "institution": {"id": user.institution.id, "name": user.institution.name} if user.institution else None,
        "roles": [{"code": r, "name": role_name(r)} for r in user.roles],
        "permissions": sorted(permissions_of(user.roles)),
        "must_change_password": user.must_change_password,
    }


async def change_password(deps: Deps, *, actor: StaffUser, old_password: str, new_password: str) -> None:
    """Change one's own password; every other login of this user ends."""
    if not await asyncio.to_thread(deps.hasher.verify, actor.password_hash, old_password):
        raise errors.PasswordWrong()
    check_password_strength(new_password)
    new_hash = await asyncio.to_thread(deps.hasher.hash, new_password)
    async with in_transaction() as conn:
        actor.password_hash = new_hash
        actor.must_change_password = False
        await actor.save(using_db=conn, update_fields=["password_hash", "must_change_password", "updated_at"])
        await deps.tokens.revoke_subject(subject_type=STAFF, subject_id=actor.id, using_db=conn)
        await audit.record(actor=actor, action="staff.change_password", target_type="staff_user",
                           target_id=actor.id, using_db=conn)


def user_out(deps: Deps, user: StaffUser) -> dict[str, Any]:
    return {
        "id": user.id, "username": user.username, "name": user.name,
        "phone_masked": mask_phone(deps.cipher.decrypt(user.phone_enc)),
        "org": {"id": user.org.id, "name": user.org.name},
        "institution": {"id": user.institution.id, "name": user.institution.name} if user.institution else None,
        "roles": [{"code": r, "name": role_name(r)} for r in user.roles],
        "is_active": user.is_active,
        "created_at": user.created_at.isoformat(),
    }


def _snapshot(user: StaffUser) -> dict[str, Any]:
    return {"username": user.username, "name": user.name, "org_id": user.org_id, "roles": list(user.roles),
            "institution_id": user.institution_id, "is_active": user.is_active}


async def list_users(deps: Deps, *, actor: StaffUser, q: str | None, org_id: int | None, cursor: str | None,
                     limit: int) -> dict[str, Any]:
    require(actor, Perm.USER_READ)
    qs = scope.scoped(StaffUser.all(), actor)
    if org_id is not None:
        await scope.ensure_in_scope(actor, org_id)
        qs = qs.filter(org_id=org_id)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(username__icontains=q))
    rows, nxt = await keyset(qs.prefetch_related("org", "institution"), cursor=cursor, limit=limit)
    return {"items": [user_out(deps, u) for u in rows], "next": nxt}


async def _check_roles_and_org(actor: StaffUser, roles: list[str], org_id: int,
                               institution_id: int | None) -> None:
    await scope.ensure_in_scope(actor, org_id)
    if not await Org.exists(id=org_id):
        raise errors.NotFound("机构不存在")
    # Nobody grants what they do not hold: a district admin cannot mint a province admin elsewhere,
    # and only an admin grants the admin role.
    if Role.ADMIN.value in roles and Role.ADMIN.value not in actor.roles:
        raise errors.Forbidden("无权授予系统管理员角色")
    if Role.BANK_STAFF.value in roles:
        if institution_id is None:
            raise errors.ValidationFailed("金融机构人员须选择所属金融机构")
        inst = await FinancialInstitution.get_or_none(id=institution_id)
        if inst is None:
            raise errors.NotFound("金融机构不存在")
        await scope.ensure_in_scope(actor, inst.org_id)


async def create_user(deps: Deps, *, actor: StaffUser, username: str, name: str, phone: str | None, org_id: int,
                      roles: list[str], institution_id: int | None, password: str) -> dict[str, Any]:
    """Create a staff user in the actor's scope; the new user must change the password at first login."""
    require(actor, Perm.USER_WRITE)
    await _check_roles_and_org(actor, roles, org_id, institution_id)
    check_password_strength(password)
    if await StaffUser.exists(username=username):
        raise errors.UsernameTaken()
    password_hash = await asyncio.to_thread(deps.hasher.hash, password)
    async with in_transaction() as conn:
        user = await StaffUser.create(
            username=username, name=name, phone_enc=deps.cipher.encrypt(phone), org_id=org_id, roles=roles,
            institution_id=institution_id, password_hash=password_hash, must_change_password=True,
            using_db=conn)
        await audit.record(actor=actor, action="staff.create", target_type="staff_user", target_id=user.id,
                           after=_snapshot(user), using_db=conn)
    await user.fetch_related("org", "institution")
    return user_out(deps, user)


async def _get_in_scope(actor: StaffUser, user_id: int) -> StaffUser:
    user = await StaffUser.get_or_none(id=user_id).prefetch_related("org", "institution")
    if user is None:
        raise errors.NotFound("用户不存在")
    await scope.ensure_in_scope(actor, user.org_id)
    return user


async def update_user(deps: Deps, *, actor: StaffUser, user_id: int, changes: dict[str, Any]) -> dict[str, Any]:
    """Edit name, phone, org or roles of a user in scope."""
    require(actor, Perm.USER_WRITE)
    user = await _get_in_scope(actor, user_id)
    before = _snapshot(user)
    org_id = changes.get("org_id", user.org_id)
    roles = changes.get("roles", user.roles)
    await _check_roles_and_org(actor, roles, org_id, changes.get("institution_id", user.institution_id))
    async with in_transaction() as conn:
        if "name" in changes:
            user.name = changes["name"]
        if "phone" in changes:
            user.phone_enc = deps.cipher.encrypt(changes["phone"])
        if "institution_id" in changes:
            user.institution_id = changes["institution_id"]
        user.org_id = org_id
        user.roles = roles
        await user.save(using_db=conn)
        if roles != before["roles"] or org_id != before["org_id"]:
            await deps.tokens.revoke_subject(subject_type=STAFF, subject_id=user.id, using_db=conn)
        await audit.record(actor=actor, action="staff.update", target_type="staff_user", target_id=user.id,
                           before=before, after=_snapshot(user), using_db=conn)
    await user.fetch_related("org", "institution")
    return user_out(deps, user)


async def set_active(deps: Deps, *, actor: StaffUser, user_id: int, active: bool) -> dict[str, Any]:
    """Enable or disable a user; disabling ends their logins at once."""
    require(actor, Perm.USER_WRITE)
    user = await _get_in_scope(actor, user_id)
    if user.id == actor.id and not active:
        raise errors.Forbidden("不能停用自己的账号")
    before = _snapshot(user)
    async with in_transaction() as conn:
        user.is_active = active
        await user.save(using_db=conn, update_fields=["is_active", "updated_at"])
        if not active:
            await deps.tokens.revoke_subject(subject_type=STAFF, subject_id=user.id, using_db=conn)
        await audit.record(actor=actor, action="staff.enable" if active else "staff.disable",
                           target_type="staff_user", target_id=user.id, before=before, after=_snapshot(user),
                           using_db=conn)
    return user_out(deps, user)


async def reset_password(deps: Deps, *, actor: StaffUser, user_id: int, password: str) -> None:
    """Set a temporary password; the user must change it at next login."""
    require(actor, Perm.USER_WRITE)
    user = await _get_in_scope(actor, user_id)
    check_password_strength(password)
    new_hash = await asyncio.to_thread(deps.hasher.hash, password)
    async with in_transaction() as conn:
        user.password_hash = new_hash
        user.must_change_password = True
        await user.save(using_db=conn, update_fields=["password_hash", "must_change_password", "updated_at"])
        await deps.tokens.revoke_subject(subject_type=STAFF, subject_id=user.id, using_db=conn)
        await audit.record(actor=actor, action="staff.reset_password", target_type="staff_user",
                           target_id=user.id, using_db=conn)


async def institutions(*, actor: StaffUser) -> list[dict[str, Any]]:
    require(actor, Perm.INSTITUTION_READ)
    rows = await scope.scoped(FinancialInstitution.all(), actor).order_by("id")
    return [{"id": i.id, "name": i.name, "region_code": i.region_code, "org_id": i.org_id,
             "is_active": i.is_active} for i in rows]
