"""The listing transitions table: every (state, action) pair."""

from __future__ import annotations

import pytest

from getitong.risk.workflow import ListingAction, ListingStatus, allowed_actions, next_status


@pytest.mark.parametrize("status", list(ListingStatus))
@pytest.mark.parametrize("action", list(ListingAction))
def test_every_pair(status, action):
    expected = {(ListingStatus.LISTED, ListingAction.EDIT): ListingStatus.LISTED,
                (ListingStatus.LISTED, ListingAction.REMOVE): ListingStatus.REMOVED}.get((status, action))
    assert next_status(status, action) == expected


def test_allowed_actions():
    assert allowed_actions(ListingStatus.LISTED) == ["edit", "remove"]
    assert allowed_actions(ListingStatus.REMOVED) == []
