"""The pieces behind the HTTP limits, one by one: the inflater (body.py), the page budget
(paging.py), durations and Retry-After (timing.py), the attempt watchdog (deadline.py).
End to end, against hostile servers: tests/hostile/test_bombs.py, test_paging.py,
test_unreadable_answers.py, tests/faults/test_slow_headers.py, test_call_budget.py."""

from __future__ import annotations

import gzip
import math
import socket
import time
import zlib

import pytest

from desktop.api import deadline
from desktop.api.body import CHUNK, BodyLimits, Inflater, UnsupportedEncodingError
from desktop.api.errors import MALFORMED, TOO_LARGE, ApiError
from desktop.api.paging import PageBudget, split_link
from desktop.api.timing import (
    MAX_RETRY_AFTER_S,
    RetryPolicy,
    Timeouts,
    clock_time,
    parse_retry_after,
    seconds,
)


def inflate(coding: str, data: bytes, step: int = 7) -> bytes:
    inflater = Inflater(coding)
    out = b"".join(
        piece for i in range(0, len(data), step) for piece in inflater.feed(data[i : i + step])
    )
    inflater.finish()
    return out


TEXT = b'{"value": [' + b",".join(b'{"id": "%d"}' % i for i in range(5000)) + b"]}"


@pytest.mark.parametrize("step", [1, 7, 65536])
def test_every_encoding_inflates_in_any_pieces(step: int) -> None:
    for coding, wbits in (("gzip", 31), ("x-gzip", 31), ("deflate", 15), ("deflate", -15)):
        packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
        assert inflate(coding, packer.compress(TEXT) + packer.flush(), step) == TEXT, coding
    assert inflate("", TEXT, step) == TEXT
    assert inflate("identity", TEXT, step) == TEXT


def test_gzip_members_follow_each_other_and_padding_after_them_is_ignored() -> None:
    data = gzip.compress(b"abc") + gzip.compress(b"") + gzip.compress(b"def")
    assert inflate("gzip", data) == b"abcdef"
    assert inflate("gzip", data + bytes(100)) == b"abcdef"


def test_no_piece_is_larger_than_a_chunk() -> None:
    data = gzip.compress(bytes(10 * CHUNK))
    assert max(len(p) for p in Inflater("gzip").feed(data)) <= CHUNK


def test_a_stream_cut_off_is_broken() -> None:
    data = gzip.compress(TEXT)
    with pytest.raises(zlib.error):
        inflate("gzip", data[: len(data) // 2])
    with pytest.raises(zlib.error):
        inflate("gzip", b"not gzip at all")
    with pytest.raises(zlib.error):
        inflate("deflate", b"x")


@pytest.mark.parametrize("coding", ["br", "zstd", "compress", "gzip, gzip", "gzip, br"])
def test_encodings_not_asked_for_are_refused(coding: str) -> None:
    with pytest.raises(UnsupportedEncodingError):
        Inflater(coding)


def test_the_answer_cap_can_be_moved_by_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNER_DESK_MAX_ANSWER_MB", "128")
    assert BodyLimits.from_environment().answer_bytes == 128 * 1024 * 1024
    for bad in ("", "lots", "-1", "1e9", "\u00b2"):
        monkeypatch.setenv("PARTNER_DESK_MAX_ANSWER_MB", bad)
        assert BodyLimits.from_environment() == BodyLimits()
    monkeypatch.setenv("PARTNER_DESK_MAX_ANSWER_MB", "9999")
    assert BodyLimits.from_environment().answer_bytes == 1024 * 1024 * 1024


def test_the_page_budget_counts_pages_items_and_bytes() -> None:
    budget = PageBudget("Graph", max_pages=3, max_items=10, max_bytes=100)
    budget.took(4, 10, "u1")
    budget.follow("u2")
    budget.took(4, 10, "u2")
    budget.follow("u3", {"MS-ContinuationToken": "a"})
    budget.took(2, 10, "u3")
    with pytest.raises(ApiError) as caught:
        budget.follow("u4")
    assert caught.value.kind == MALFORMED
    with pytest.raises(ApiError) as caught:
        budget.took(1, 0, "u4")
    assert caught.value.kind == TOO_LARGE
    with pytest.raises(ApiError) as caught:
        PageBudget("Graph", max_bytes=5).took(0, 6, "u")
    assert caught.value.kind == TOO_LARGE


def test_a_link_is_the_same_only_with_the_same_continuation_token() -> None:
    budget = PageBudget("Partner Center")
    budget.follow("u", {"MS-ContinuationToken": "a"})
    budget.follow("u", {"MS-ContinuationToken": "b"})
    with pytest.raises(ApiError, match="same next page"):
        budget.follow("u", {"ms-continuationtoken": "a"})  # header names ignore case


def test_a_link_python_cannot_split_is_an_api_error() -> None:
    for link in ("http://[::1", "http://host:99999/", "http://host:port/"):
        with pytest.raises(ApiError, match="not a valid address"):
            split_link("Graph", link)
    assert split_link("Graph", "https://graph.microsoft.com/v1.0/x").hostname


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (5, 5.0),
        (-3, 0.0),
        (math.inf, 60.0),
        (-math.inf, 0.0),
        (math.nan, 1.0),
        (10**400, 60.0),
        (-(10**400), 0.0),
        ("12", 1.0),
        (True, 1.0),
        (None, 1.0),
    ],
)
def test_seconds_are_always_finite_and_in_range(value: object, expected: float) -> None:
    assert seconds(value, most=60.0, default=1.0) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("1e20", MAX_RETRY_AFTER_S),
        ("inf", MAX_RETRY_AFTER_S),
        ("-inf", 0.0),
        ("nan", None),
        ("-5", 0.0),
        ("9" * 400, MAX_RETRY_AFTER_S),
        ("Fri, 31 Dec 9999 23:59:59 GMT", MAX_RETRY_AFTER_S),
        ("Mon, 01 Jan 0001 00:00:00 GMT", 0.0),
        ("Mon, 01 Jan 99999 00:00:00 GMT", None),
        ("Mon, 01 Jan 999999999999999999999 00:00:00 GMT", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 10.0),
    ],
)
def test_retry_after_is_finite_and_at_most_a_day(header: str, expected: float | None) -> None:
    assert parse_retry_after(header, now=1445412470) == expected


def test_policies_and_timeouts_refuse_nonsense() -> None:
    policy = RetryPolicy(attempts=10**9, backoff_cap_s=math.inf, call_budget_s=math.nan,
                         max_retry_after_s=-1)  # fmt: skip
    assert policy.attempts == 100
    assert policy.backoff_cap_s == 3600
    assert policy.call_budget_s == 180
    assert RetryPolicy(call_budget_s=0).call_budget_s == 180
    assert policy.max_retry_after_s == 0
    timeouts = Timeouts(connect_s=0, read_s=math.inf, attempt_s=-5)
    assert (timeouts.connect_s, timeouts.read_s, timeouts.attempt_s) == (6.0, 3600.0, 60.0)


def test_a_clock_time_names_the_day_when_it_is_not_today() -> None:
    now = time.time()
    assert len(clock_time(now + 60, now)) in (5, 16)  # 16 just before midnight
    assert len(clock_time(now + 2 * 86_400, now)) == 16


def test_the_watchdog_shuts_a_watched_socket_at_its_deadline() -> None:
    left, right = socket.socketpair()
    with left, right:
        right.settimeout(5)
        with deadline.attempt(time.monotonic() + 0.2) as guard:
            guard.watch(right)
            assert right.recv(1) == b""  # woken by the shutdown, long before the 5 s timeout
            assert guard.fired


def test_a_finished_attempt_is_never_shut() -> None:
    left, right = socket.socketpair()
    with left, right:
        with deadline.attempt(time.monotonic() + 0.05) as guard:
            guard.watch(right)
        time.sleep(0.2)  # past the deadline, after the attempt
        left.sendall(b"x")
        right.settimeout(2)
        assert right.recv(1) == b"x"
        assert not guard.fired
