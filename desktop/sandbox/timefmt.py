"""Timestamp formats as the real services write them (and a parser for OData literals)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

NEVER = "0001-01-01T00:00:00"

# strftime's %A/%B follow the process locale, which a Qt app changes: spell names out by hand.
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_ISO = re.compile(
    r"^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,7}))?)?)?"
    r"(Z|[+-]\d\d:\d\d)?$"
)


def utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)


def iso_z(dt: datetime) -> str:
    """Graph's whole-second form: 2020-11-13T21:00:00Z."""
    return utc(dt).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_ms(dt: datetime) -> str:
    """Graph's fractional form with trailing zeros dropped: 2020-11-14T18:20:24.76Z."""
    dt = utc(dt)
    base = dt.strftime("%Y-%m-%dT%H:%M:%S")
    frac = f"{dt.microsecond // 1000:03d}".rstrip("0")
    return f"{base}.{frac}Z" if frac else f"{base}Z"


def human(dt: datetime) -> str:
    """The style Microsoft's posts use: Tuesday, November 18, 2025, at 3:00 PM UTC."""
    dt = utc(dt)
    hour = dt.hour % 12 or 12
    half = "AM" if dt.hour < 12 else "PM"
    return (
        f"{_DAYS[dt.weekday()]}, {_MONTHS[dt.month - 1]} {dt.day}, {dt.year}, "
        f"at {hour}:{dt.minute:02d} {half} UTC"
    )


def parse_iso(text: str) -> datetime | None:
    match = _ISO.match(text.strip())
    if not match:
        return None
    year, month, day, hh, mm, ss, frac, zone = match.groups()
    try:
        dt = datetime(
            int(year),
            int(month),
            int(day),
            int(hh or 0),
            int(mm or 0),
            int(ss or 0),
            int((frac or "0").ljust(6, "0")[:6]),
            tzinfo=timezone.utc,
        )
    except ValueError:
        return None
    if zone and zone != "Z":
        sign = 1 if zone[0] == "+" else -1
        dt -= sign * timedelta(hours=int(zone[1:3]), minutes=int(zone[4:6]))
    return dt


def pc_date(dt: datetime) -> str:
    """Partner Center's fixed-width form (so that these strings also sort by time)."""
    dt = utc(dt)
    return dt.strftime("%Y-%m-%dT%H:%M:%S") + f".{dt.microsecond // 1000:03d}Z"
