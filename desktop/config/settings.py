"""The user's settings: one versioned JSON schema in the config directory. No Qt.

Read at start-up, written atomically (temp file + rename) whenever the user changes something.
A file that is unreadable, from a newer version or of the wrong shape never stops the app: the
readable fields are kept, the rest fall back to defaults, and `problems` says what happened so
the UI can tell the user once.
"""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from desktop.config.clouds import CLOUDS
from desktop.config.limits import GUI_CONCURRENCY, MAX_CONCURRENCY
from desktop.config.paths import config_dir

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
CLOUD_CHOICES = ("sandbox", *CLOUDS)
# "" follows the system; desktop.config.i18n knows each language (its catalogue, locale, X-Locale).
LANGUAGES = ("", "en", "de", "zh_TW")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_TENANT = re.compile(r"^(organizations|common|[0-9a-fA-F-]{36}|[A-Za-z0-9.-]+\.[A-Za-z]{2,})$")


@dataclass(frozen=True)
class Settings:
    version: int = SCHEMA_VERSION
    cloud: str = "sandbox"  # "sandbox" or a cloud id of desktop.config.clouds
    client_id: str = ""  # the partner's own app registration; never a default of ours
    tenant: str = "organizations"  # the partner tenant (id or domain) to sign in to
    account: str = ""  # the last signed-in user name, for silent sign-in
    concurrency: int = GUI_CONCURRENCY  # the window's sweeps (desktop.services.backend)
    language: str = ""
    # None: not asked yet; False: keep tokens in memory when no encrypted store exists.
    allow_plaintext_token_cache: bool | None = None
    # The health column's scheduled refresh, in minutes (0: only by hand). Throttling doubles
    # it for a while (desktop.qt.health_board).
    refresh_minutes: int = 10
    # Which notices reach the tray: these services only (empty: all), and customers of this
    # scope ("" every customer, "favourites", "tag:<name>", "none": the in-app badge only).
    notify_services: tuple[str, ...] = ()
    notify_scope: str = ""
    # Notify about message center major changes whose action is due within this many days
    # (0: never). On by default: the notice is one per message, naming its customers, so even
    # thousands of customers give a handful a month, and a missed action date (a retirement,
    # an enforced setting) is what hurts a partner's customers without warning.
    notify_major_days: int = 14
    # The Windows account broker (WAM) for the partner's own sign-in: off unless asked for. It
    # keeps the refresh token to itself, and customer tenants' (GDAP) tokens, which are asked
    # for without it, then have nothing to redeem: every customer needed a second sign-in.
    use_windows_broker: bool = False
    problems: tuple[str, ...] = field(default=(), compare=False)

    def validated(self) -> Settings:
        """Each field checked on its own; a bad one reverts to its default with a note."""
        default = Settings()
        notes = list(self.problems)
        values: dict[str, Any] = {}
        checks = {
            "cloud": self.cloud in CLOUD_CHOICES,
            "client_id": self.client_id == "" or bool(_GUID.match(self.client_id)),
            "tenant": bool(_TENANT.match(self.tenant)),
            "account": isinstance(self.account, str) and len(self.account) < 320,
            "concurrency": isinstance(self.concurrency, int)
            and 1 <= self.concurrency <= MAX_CONCURRENCY,
            "language": self.language in LANGUAGES,
            "allow_plaintext_token_cache": self.allow_plaintext_token_cache in (None, True, False),
            "refresh_minutes": isinstance(self.refresh_minutes, int)
            and not isinstance(self.refresh_minutes, bool)
            and 0 <= self.refresh_minutes <= 24 * 60,
            "notify_services": isinstance(self.notify_services, (list, tuple))
            and all(isinstance(x, str) and 0 < len(x) < 200 for x in self.notify_services),
            "notify_major_days": isinstance(self.notify_major_days, int)
            and not isinstance(self.notify_major_days, bool)
            and 0 <= self.notify_major_days <= 365,
            "use_windows_broker": isinstance(self.use_windows_broker, bool),
            "notify_scope": isinstance(self.notify_scope, str)
            and (
                self.notify_scope in ("", "favourites", "none")
                or self.notify_scope.startswith("tag:")
            ),
        }
        for name, ok in checks.items():
            if not ok:
                notes.append(f"setting {name!r} was not valid and was reset")
                values[name] = getattr(default, name)
        if "notify_services" not in values:  # JSON gives a list: keep the dataclass hashable
            values["notify_services"] = tuple(self.notify_services)
        return replace(self, **values, version=SCHEMA_VERSION, problems=tuple(notes))

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("problems")
        return data


def settings_path() -> Path:
    return config_dir() / "settings.json"


def load(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("settings unreadable (%s); using defaults", type(error).__name__)
        return Settings(problems=("the settings file could not be read; defaults are used",))
    if not isinstance(raw, dict):
        return Settings(problems=("the settings file had the wrong shape; defaults are used",))
    return from_json(raw)


def from_json(raw: dict[str, Any]) -> Settings:
    notes: list[str] = []
    version = raw.get("version", 0)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        notes.append(f"settings from a newer Partner Desk (version {version}); known fields kept")
    known = {f.name for f in fields(Settings)} - {"problems", "version"}
    values = {k: v for k, v in raw.items() if k in known}
    # Version 0 (before the schema had a version) called the client id "clientId".
    if "client_id" not in values and isinstance(raw.get("clientId"), str):
        values["client_id"] = raw["clientId"]
    try:
        settings = Settings(**values, problems=tuple(notes))
    except TypeError:  # pragma: no cover - every key is filtered above
        return Settings(problems=("the settings file had the wrong shape; defaults are used",))
    return settings.validated()


def save(settings: Settings, path: Path | None = None) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(settings.validated().to_json(), handle, indent=2, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
