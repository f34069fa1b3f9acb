"""The GDAP rules the list, the GDAP window and the overview share (desktop.domain.gdap): where a
customer's access stands, the days left to say for one to renew, and the order of statuses."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from desktop.domain.enums import GDAP_STATUS
from desktop.domain.gdap import (
    ENDED,
    EXPIRY_WARNING_DAYS,
    GdapRelationship,
    GdapState,
    best_by_customer,
    days_left,
    ending_soon,
    expires_in,
    gdap_state,
    status_order,
)

NOW = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)
CUSTOMER = "52eaad04-13a2-4a2f-9ce8-93a294fadf36"


def rel(
    status: str = "active",
    end: datetime | None = NOW + timedelta(days=400),
    auto: str = "PT0S",
    n: int = 1,
) -> GdapRelationship:
    return GdapRelationship(
        id=f"{n:08x}-0000-4000-8000-000000000000",
        display_name=f"Relationship {n}",
        customer_tenant_id=CUSTOMER,
        customer_name="Contoso",
        status=status,
        duration="P730D",
        auto_extend=auto,
        activated=NOW - timedelta(days=300),
        end=end,
    )


def test_where_access_stands() -> None:
    assert gdap_state(None, NOW) is GdapState.NONE
    assert gdap_state(rel(), NOW) is GdapState.ACTIVE
    assert gdap_state(rel(end=NOW + timedelta(days=12)), NOW) is GdapState.ENDING
    # Extending itself: nothing to do, whatever its end date.
    assert gdap_state(rel(end=NOW + timedelta(days=2), auto="P180D"), NOW) is GdapState.ACTIVE
    # Past its end ("expiring") and every other status: no access.
    assert gdap_state(rel("expiring", end=NOW - timedelta(days=2)), NOW) is GdapState.INACTIVE
    for status in ("approvalPending", "created", "terminating", "expired", "somethingNew"):
        assert gdap_state(rel(status), NOW) is GdapState.INACTIVE
    # Best first: the list sorts the ones to act on right after the working ones.
    assert sorted(GdapState) == [
        GdapState.ACTIVE,
        GdapState.ENDING,
        GdapState.INACTIVE,
        GdapState.NONE,
    ]


@pytest.mark.parametrize(
    ("left", "said"),
    [
        (timedelta(days=EXPIRY_WARNING_DAYS, hours=1), EXPIRY_WARNING_DAYS),
        (timedelta(days=12, hours=1), 12),
        (timedelta(days=1, hours=1), 1),
        (timedelta(hours=5), 0),  # "Expires today", never "in 0 days"
        (timedelta(days=EXPIRY_WARNING_DAYS + 1, hours=1), None),  # not yet one to renew
    ],
)
def test_the_days_left_of_one_to_renew(left: timedelta, said: int | None) -> None:
    relationship = rel(end=NOW + left)
    assert expires_in(relationship, NOW) == said
    # The one rule behind both: flagged exactly when there are days to say.
    assert (said is not None) == ending_soon(relationship, NOW)
    if said is not None:
        assert said == max(days_left(relationship, NOW) or 0, 0)


def test_no_days_left_to_say_for_what_is_not_to_renew() -> None:
    assert expires_in(rel(end=NOW + timedelta(days=3), auto="P180D"), NOW) is None
    assert expires_in(rel("expiring", end=NOW - timedelta(days=2)), NOW) is None
    assert expires_in(rel(end=None), NOW) is None


def test_the_order_of_statuses_agrees_with_which_relationship_speaks_for_a_customer() -> None:
    documented = [s for s in GDAP_STATUS.documented if s != "unknownFutureValue"]
    ordered = sorted(documented, key=status_order)
    assert ordered[0] == "active"
    assert ordered[-3:] == ["expiring", "expired", "terminated"]  # what is over, last
    assert status_order("somethingNew") > max(map(status_order, documented))
    # Of two relationships with the same end, the one whose status is listed first speaks for
    # the customer, unless their statuses stand equal (then the first one seen).
    equal = [{"activating", "approved"}, {"terminationRequested", "terminating"}, set(ENDED)]
    for n, better in enumerate(ordered):
        for worse in ordered[n + 1 :]:
            a, b = rel(better, n=1), rel(worse, n=2)
            assert best_by_customer([a, b])[CUSTOMER] is a
            tie = any({better, worse} <= same for same in equal)
            assert best_by_customer([b, a])[CUSTOMER] is (b if tie else a), (better, worse)
