"""Partner Center's service incidents through the real client, in both shapes the sandbox serves:
incidents parsed alike, message center notices kept as notices with a title."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.domain.health import ServiceIncident
from desktop.domain.partner_incidents import MessageCenterNotice, PartnerIncidents
from desktop.sandbox import Sandbox
from desktop.services.backend import Backend


@pytest.fixture(scope="module")
def flat_sandbox() -> Iterator[Sandbox]:
    with Sandbox(customers=60, seed=7, consented="all", partner_incident_shape="flat") as sb:
        yield sb


@pytest.fixture
def flat_backend(flat_sandbox: Sandbox) -> Iterator[Backend]:
    b = Backend.for_sandbox(flat_sandbox.url, ca_pem=flat_sandbox.ca_pem, concurrency=2)
    yield b
    b.close()


def summary(found: PartnerIncidents) -> tuple[list[ServiceIncident], list[MessageCenterNotice]]:
    assert not found.errors
    return (
        sorted(found.incidents, key=lambda i: i.id),
        sorted(found.notices, key=lambda n: n.id),
    )


def test_both_shapes_read_the_same(
    sandbox: Sandbox, backend: Backend, flat_sandbox: Sandbox, flat_backend: Backend
) -> None:
    grouped = summary(backend.partner_incidents())
    flat = summary(flat_backend.partner_incidents())
    assert grouped == flat
    incidents, notices = grouped
    assert {i.id for i in incidents} == {i.id for i in sandbox.data.pool}
    assert len(notices) == len(sandbox.data.message_center.items)


def test_incidents_keep_their_fields(sandbox: Sandbox, backend: Backend) -> None:
    incidents = {i.id: i for i in backend.partner_incidents().incidents}
    for issue in sandbox.data.pool:
        read = incidents[issue.id]
        assert read.title == issue.template.title  # from the first message's "Title:" line
        assert read.resolved == (not issue.active)
        assert read.status == issue.pc_status
        assert read.workload
        assert len(read.messages) == len(issue.posts)
        assert read.message_type == "incident"


def test_notices_are_kept_with_a_title_from_their_first_message(
    sandbox: Sandbox, backend: Backend
) -> None:
    notices = backend.partner_incidents().notices
    assert notices
    for notice in notices:
        assert isinstance(notice, MessageCenterNotice)
        assert notice.id.startswith("MC")
        first = notice.messages[0].text
        assert notice.title == first.split("\n", 1)[0]
        assert notice.workload
        assert notice.category in ("Plan For Change", "Stay Informed", "Prevent Or Fix Issues")
        assert notice.action_type in ("Action", "Awareness")
        assert notice.severity in ("information", "warning", "critical")
    assert any(n.required_by is not None for n in notices)
    assert any(n.required_by is None for n in notices)


def test_a_customers_incidents_and_notices(sandbox: Sandbox, backend: Backend) -> None:
    customer = sandbox.data.customers[2]
    found = backend.pc.service_incidents("cid", customer.tenant_id)
    assert not found.errors
    assert {i.id for i in found.incidents} == {
        i.id for i in sandbox.data.issue_objects(customer.tenant_id)
    }
    services = set(sandbox.data.services_of(customer))
    assert {n.id for n in found.notices} == {
        str(body["id"]) for s, body in sandbox.data.message_center.items if s in services
    }


def test_china_offers_none(backend: Backend) -> None:
    from dataclasses import replace

    from desktop.config.clouds import CLOUDS

    original = backend.cloud
    backend.cloud = replace(original, service_incidents=CLOUDS["china"].service_incidents)
    try:
        empty = backend.partner_incidents()
    finally:
        backend.cloud = original
    assert empty == PartnerIncidents()
