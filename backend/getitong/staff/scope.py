"""The one data-scope mechanism: staff see their own org and every org below it (本级及下级)."""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Subquery

from getitong.core import errors
from getitong.staff.models import Org, OrgClosure, StaffUser


def subtree(org_id: int) -> Subquery:
    """Ids of `org_id` and all its descendants, as one indexed sub-select on the closure table."""
    return Subquery(OrgClosure.filter(ancestor_id=org_id).values("descendant_id"))


def scoped(queryset: Any, actor: StaffUser, field: str = "org_id") -> Any:
    """Restrict any queryset with an org column to the actor's scope."""
    return queryset.filter(**{f"{field}__in": subtree(actor.org_id)})


async def in_scope(actor: StaffUser, org_id: int) -> bool:
    return await OrgClosure.exists(ancestor_id=actor.org_id, descendant_id=org_id)


async def ensure_in_scope(actor: StaffUser, org_id: int) -> None:
    if not await in_scope(actor, org_id):
        raise errors.OrgOutOfScope()


async def add_org(*, name: str, level: str, region_code: str, parent: Org | None, sort: int = 0,
                  using_db: Any = None) -> Org:
    """Create an org and its closure rows (every ancestor of the parent, plus itself)."""
    org = await Org.create(name=name, level=level, region_code=region_code, parent=parent, sort=sort,
                           using_db=using_db)
    rows = [OrgClosure(ancestor_id=org.id, descendant_id=org.id, depth=0)]
    if parent is not None:
        for link in await OrgClosure.filter(descendant_id=parent.id).using_db(using_db):
            rows.append(OrgClosure(ancestor_id=link.ancestor_id, descendant_id=org.id, depth=link.depth + 1))
    await OrgClosure.bulk_create(rows, using_db=using_db)
    return org


async def tree(root_id: int) -> list[dict[str, Any]]:
    from getitong.staff.models import ORG_LEVEL_LABELS

    orgs = await Org.filter(id__in=subtree(root_id)).order_by("sort", "id")
    nodes = {o.id: {"id": o.id, "name": o.name, "level": o.level.value, "level_label": ORG_LEVEL_LABELS[o.level],
                    "region_code": o.region_code, "children": []} for o in orgs}
    roots = []
    for o in orgs:
        parent = nodes.get(o.parent_id) if o.parent_id else None
        (parent["children"] if parent and o.id != root_id else roots).append(nodes[o.id])
    return roots
