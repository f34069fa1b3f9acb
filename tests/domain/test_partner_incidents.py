"""The Partner Center incident parser, on the variants the sandbox does not send: casing, numbers
for enums, mixed shapes, broken items."""

from __future__ import annotations

from typing import Any

from desktop.domain.health import ServiceIncident
from desktop.domain.partner_incidents import MessageCenterNotice, is_notice, parse_partner_incidents

INCIDENT = {
    "Id": "EX1",
    "MessageType": "Incident",
    "Status": "Warning",
    "Workload": "Exchange",
    "Resolved": False,
    "Messages": [{"PublishedTime": "2026-11-20T10:00:00Z", "MessageText": "Title: Mail\n\nx"}],
}
NOTICE = {
    "id": "MC2",
    "messageType": "MessageCenter",
    "status": "information",
    "severity": "Critical",
    "category": "Plan For Change",
    "actionType": "Action",
    "requiredBy": "2026-12-31T00:00:00Z",
    "messages": [{"publishedTime": "2026-11-01T00:00:00Z", "messageText": "Retiring X\n\nDo Y"}],
}


def test_grouped_pascal_case() -> None:
    found = parse_partner_incidents(
        [{"Workload": "Exchange", "Status": "Warning", "Incidents": [INCIDENT],
          "MessageCenterMessages": [{**NOTICE, "messageType": None, "workload": None}]}]
    )  # fmt: skip
    assert not found.errors
    (incident,) = found.incidents
    assert isinstance(incident, ServiceIncident)
    assert (incident.id, incident.title, incident.status) == ("EX1", "Mail", "warning")
    (notice,) = found.notices
    # In messageCenterMessages it is a notice whatever its messageType says; the group's
    # workload stands in for its own.
    assert notice.title == "Retiring X"
    assert notice.workload == "Exchange"
    assert notice.severity == "critical"
    assert notice.required_by is not None
    assert notice.required_by.year == 2026


def test_flat_items_are_sorted_by_message_type() -> None:
    found = parse_partner_incidents([INCIDENT, NOTICE, {**NOTICE, "id": "MC3", "messageType": 2}])
    assert [i.id for i in found.incidents] == ["EX1"]
    assert [n.id for n in found.notices] == ["MC2", "MC3"]
    assert all(isinstance(n, MessageCenterNotice) for n in found.notices)


def test_message_type_spellings() -> None:
    for spelling in ("message_center", "MessageCenter", "messageCenter", "MESSAGE_CENTER", 2, "2"):
        assert is_notice({"messageType": spelling})
    for other in ("incident", "Incident", 1, None, "", "all", "advisory"):
        assert not is_notice({"messageType": other})


def test_a_notice_without_severity_takes_its_status_and_never_date_is_none() -> None:
    notice = MessageCenterNotice.from_json(
        {**NOTICE, "severity": None, "status": "warning", "requiredBy": "0001-01-01T00:00:00"}
    )
    assert notice.severity == "warning"
    assert notice.required_by is None


def test_mixed_answer_and_broken_items_lose_nothing_else() -> None:
    items: list[Any] = [
        {"workload": "SharePoint", "incidents": [{**INCIDENT, "Id": "SP1"}, {"id": None}, "x"]},
        {**INCIDENT, "Id": "EX9"},
        "not an object",
        {"workload": "Lync", "incidents": "not a list", "messageCenterMessages": [NOTICE]},
    ]
    found = parse_partner_incidents(items)
    assert sorted(i.id for i in found.incidents) == ["EX9", "SP1"]
    assert [n.id for n in found.notices] == ["MC2"]
    assert sorted(e.index for e in found.errors) == [0, 0, 2, 3]


def test_not_a_list() -> None:
    found = parse_partner_incidents({"items": []})
    assert found.errors
    assert not found.incidents
    assert not found.notices
