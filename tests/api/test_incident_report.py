"""Downloading a post-incident review: the document, "not published yet", the size cap, cancel."""

from __future__ import annotations

import io
import socket
import threading
import zipfile
from collections.abc import Iterator

import pytest

from desktop.api.errors import CANCELLED, REVIEW_NOT_PUBLISHED, TOO_LARGE, ApiError
from desktop.sandbox import Sandbox
from desktop.sandbox.incidents import Issue
from desktop.services.backend import Backend
from tests.faults.conftest import make_backend
from tests.faults.rawserver import RawServer, Script, answer


def reviewed(sandbox: Sandbox, published: bool = True) -> tuple[str, Issue]:
    return next(
        (c.tenant_id, i)
        for c in sandbox.data.customers
        if c.has_gdap
        for i in sandbox.data.issue_objects(c.tenant_id)
        if i.has_report == published
    )


def test_a_published_review_is_the_word_document(sandbox: Sandbox, backend: Backend) -> None:
    tenant, issue = reviewed(sandbox)
    data = backend.incident_report(tenant, issue.id)
    assert data == issue.report()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "word/document.xml" in package.namelist()


def test_no_review_yet_is_its_own_kind(sandbox: Sandbox, backend: Backend) -> None:
    tenant, issue = reviewed(sandbox, published=False)
    with pytest.raises(ApiError) as caught:
        backend.incident_report(tenant, issue.id)
    error = caught.value
    assert error.kind == REVIEW_NOT_PUBLISHED
    assert error.status == 404
    assert "has not published the post-incident review" in error.message
    assert issue.id in error.message
    assert error.request_id


def test_other_errors_stay_what_they_are(sandbox: Sandbox, backend: Backend) -> None:
    tenant, issue = reviewed(sandbox)
    sandbox.inject(
        "/graph/v1.0/admin/serviceAnnouncement/issues/", "error", status=403, shape="graph"
    )
    with pytest.raises(ApiError) as caught:
        backend.incident_report(tenant, issue.id)
    assert caught.value.status == 403
    assert caught.value.kind != REVIEW_NOT_PUBLISHED


def test_a_review_past_the_cap_is_refused(sandbox: Sandbox, backend: Backend) -> None:
    tenant, issue = reviewed(sandbox)
    with pytest.raises(ApiError) as caught:
        backend.graph.incident_report(tenant, issue.id, "cid", max_bytes=100)
    assert caught.value.kind == TOO_LARGE
    assert "larger than" in caught.value.message


TENANT = "0a0a0a0a-0000-4000-8000-000000000001"  # any tenant id: the raw server reads none


def serve(script: Script) -> Iterator[tuple[RawServer, Backend]]:
    with RawServer(script) as server:
        backend = make_backend(server.url)
        try:
            yield server, backend
        finally:
            backend.close()


def test_an_announced_length_past_the_cap_is_refused_before_reading() -> None:
    huge = answer(200, b"PK", "application/octet-stream", length=60_000_000)
    for server, backend in serve(huge):
        with pytest.raises(ApiError) as caught:
            backend.incident_report(TENANT, "EX1")
        assert caught.value.kind == TOO_LARGE
        assert len(server.requests) == 1  # not retried
        assert b"Accept: application/octet-stream, application/json" in server.requests[0]


def chunked_forever(conn: socket.socket, _head: bytes) -> None:
    """A 200 without a length, whose chunks keep coming (until the client hangs up)."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"%x\r\n" % 65536 + b"x" * 65536 + b"\r\n"
    try:
        for _ in range(20_000):
            conn.sendall(chunk)
    except OSError:
        return


def test_a_stream_without_length_stops_at_the_cap() -> None:
    for _server, backend in serve(chunked_forever):
        with pytest.raises(ApiError) as caught:
            backend.graph.incident_report(TENANT, "EX1", "cid", max_bytes=1_000_000)
        assert caught.value.kind == TOO_LARGE


def test_cancel_stops_the_download(sandbox: Sandbox, backend: Backend) -> None:
    tenant, issue = reviewed(sandbox)
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ApiError) as caught:
        backend.incident_report(tenant, issue.id, cancel=cancel)
    assert caught.value.kind == CANCELLED
