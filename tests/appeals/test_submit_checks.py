"""Submission checks the shop owner inside its one statement: an owner deactivated or unlinked after the
token was issued is refused with the usual code, and nothing is written."""

from getitong.accounts.models import PersonBusiness
from getitong.appeals.models import Appeal, AppealEvent
from tests.appeals.factories import submit


async def test_unlinked_after_login_is_refused_and_nothing_written(client, tokens, owner, shop):
    await PersonBusiness.filter(person_id=owner.id, business_id=shop[0].id).delete()
    r = await submit(client, tokens["owner"])
    assert (r.status, r.code) == (403, "BUSINESS_NOT_LINKED"), r
    assert await Appeal.all().count() == 0
    assert await AppealEvent.all().count() == 0


async def test_deactivated_after_login_is_refused_and_nothing_written(client, tokens, owner):
    owner.is_active = False
    await owner.save()
    r = await submit(client, tokens["owner"])
    assert r.code == "ACCOUNT_DISABLED", r
    assert await Appeal.all().count() == 0


async def test_the_event_names_the_owner(client, tokens, owner):
    r = await submit(client, tokens["owner"])
    assert r.status == 201, r
    event = await AppealEvent.get(appeal_id=r.data["id"])
    assert (event.actor_type, event.actor_id, event.actor_name) == ("person", owner.id, owner.name)
