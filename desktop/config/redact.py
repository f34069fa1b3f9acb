"""Scrub secrets from text before it reaches a log, an error dialog or an export. No Qt.

Tokens must never leave the process in readable form (DESIGN.md "Security"). Everything that
formats an exception or a log record for a person passes through `redact`.
"""

from __future__ import annotations

import logging
import re

_PATTERNS = (
    # Authorization headers and bearer tokens, whatever follows.
    (re.compile(r"(?i)(bearer\s+)[A-Za-z0-9\-._~+/]+=*"), r"\1[redacted]"),
    # JWTs (three base64url segments; the third may be empty for unsigned sandbox tokens).
    (re.compile(r"eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*"), "[redacted-jwt]"),
    # OAuth fields in query strings, JSON or form bodies.
    (
        re.compile(
            r"(?i)([\"']?(?:access_token|refresh_token|id_token|client_secret|device_code|"
            r"assertion|password)[\"']?\s*[=:]\s*[\"']?)[^\"'&\s,}]+"
        ),
        r"\1[redacted]",
    ),
    # An authorization code in a redirect URL (a bare "code" field elsewhere is an error code).
    (re.compile(r"(?i)([?&#]code=)[^&\s]+"), r"\1[redacted]"),
    # ... or in the auth response MSAL logs at DEBUG ({'code': '...', 'state': ...}): codes
    # there are long opaque strings, unlike the numeric error codes we do want to keep.
    (re.compile(r"(?i)([\"']code[\"']\s*:\s*[\"'])[A-Za-z0-9_.~-]{16,}"), r"\1[redacted]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """A logging filter that redacts the formatted message (and drops the raw args)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            # Pre-render the traceback through redaction; the handler then uses exc_text.
            formatter = logging.Formatter()
            record.exc_text = redact(formatter.formatException(record.exc_info))
            record.exc_info = None
        return True
