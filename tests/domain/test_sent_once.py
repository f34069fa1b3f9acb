"""A sweep delivers each copy of a post once (SentOnce), and the receiver keeps the newest
(Latest): what crosses from the sweep engine grows with posts, not with customers x posts."""

from __future__ import annotations

import pickle
from typing import Any

from desktop.domain.sent_once import Latest, SentOnce
from desktop.domain.service_messages import ServiceMessage


def message(mid: str, day: int | None = None, **fields: Any) -> ServiceMessage:
    stamp = f"2026-11-{day:02d}T00:00:00Z" if day else None
    return ServiceMessage.from_json({"id": mid, "lastModifiedDateTime": stamp, **fields})


def test_a_post_to_many_tenants_crosses_once() -> None:
    sent: SentOnce[ServiceMessage] = SentOnce()
    first = sent.compact([message("MC1", 1)])
    again = sent.compact([message("MC1", 1), message("MC2")])
    newer = sent.compact([message("MC1", 2)])
    assert [m.id for m in first[1]] == ["MC1"]
    assert again == (("MC1", "MC2"), (again[1][0],))
    assert again[1][0].id == "MC2"
    assert [m.last_modified.day for m in newer[1] if m.last_modified] == [2]


def test_pickled_into_another_process_it_starts_empty() -> None:
    sent: SentOnce[ServiceMessage] = SentOnce()
    sent.compact([message("MC1", 1)])
    copy = pickle.loads(pickle.dumps(sent))  # noqa: S301 (our own bytes, as the engine's pipe)
    assert [m.id for m in copy.compact([message("MC1", 1)])[1]] == ["MC1"]
    assert copy.compact([message("MC1", 1)])[1] == ()


def test_the_receiver_keeps_the_newest_copy_and_the_ids_order() -> None:
    latest: Latest[ServiceMessage] = Latest()
    latest.add([message("MC1", 2, title="later"), message("MC2", 1)])
    latest.add([message("MC1", 1, title="earlier"), message("MC1", title="undated")])
    assert [m.id for m in latest.of(["MC2", "MC9", "MC1"])] == ["MC2", "MC1"]
    found = latest.get("MC1")
    assert found is not None
    assert found.title == "later"
    assert len(latest) == 2
