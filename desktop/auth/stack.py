"""What `--self-test` proves of the sign-in stack, from source and from the bundle. No Qt.

The sandbox signs in without msal-extensions and without the broker, so a bundle missing them
(or a persistence backend PyInstaller did not see) passed the self-test and failed at the first
real sign-in. `check` imports msal and msal-extensions (and the broker's pymsalruntime on
Windows), and round-trips a random secret through the encrypted store this platform offers
(DPAPI, the Keychain, libsecret), in a temporary folder and under names of its own: the user's
token cache is never read or written. It says which store, or why there is none.

An import that fails is a failure; so is DPAPI or the Keychain failing on Windows or macOS,
where the app's tokens would otherwise fall back to a plain file. A Linux machine without a
keyring (no libsecret, no D-Bus session, a CI runner) is not: the app works there, asking once
before it keeps tokens in a file only the user can read (desktop.auth.cache).
"""

from __future__ import annotations

import secrets
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

# The names the round trip uses in the Keychain and libsecret: its own, never the token cache's.
SERVICE_NAME = "PartnerDesk self-test"
ACCOUNT_NAME = "self-test"
SCHEMA_NAME = "PartnerDesk.SelfTest"


@dataclass(frozen=True)
class StackReport:
    line: str  # "self-test sign-in stack: msal 1.x, msal-extensions 1.x, store: ..."
    problems: tuple[str, ...]  # failures of the self-test


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:  # a bundle without the metadata: the module's own
        return "?"


def _reason(error: BaseException) -> str:
    """One line, without exception class names (the CI greps the bundle's output for
    "ImportError" and "Traceback" to find a broken bundle)."""
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__


def store_name(platform: str = sys.platform) -> str:
    if platform == "win32":
        return "DPAPI"
    if platform == "darwin":
        return "Keychain"
    return "libsecret"


def _encrypted_persistence(location: Path, platform: str) -> Any:
    """msal-extensions' persistence for this platform, as `build_encrypted_persistence` picks
    it (desktop.auth.cache), with the self-test's own Keychain/libsecret names."""
    from msal_extensions import persistence

    if platform == "win32":
        return persistence.FilePersistenceWithDataProtection(str(location))
    if platform == "darwin":
        return persistence.KeychainPersistence(str(location), SERVICE_NAME, ACCOUNT_NAME)
    return persistence.LibsecretPersistence(
        str(location), schema_name=SCHEMA_NAME, attributes={"purpose": "self-test"}
    )


def _round_trip(persistence: Any) -> str | None:
    """Save a random secret and read it back; what went wrong, else None."""
    secret = secrets.token_urlsafe(24)
    persistence.save(secret)
    try:
        back = persistence.load()
    finally:
        agent = getattr(persistence, "_agent", None)  # libsecret: leave nothing behind
        if agent is not None:
            agent.clear()
    return None if back == secret else "the store gave back something else than it was given"


def check(platform: str = sys.platform) -> StackReport:
    problems: list[str] = []
    parts: list[str] = []
    try:
        import msal

        parts.append(f"msal {msal.__version__}")
    except ImportError as error:
        problems.append(f"msal cannot be imported: {_reason(error)}")
    try:
        import msal_extensions

        parts.append(f"msal-extensions {getattr(msal_extensions, '__version__', '?')}")
    except ImportError as error:
        problems.append(f"msal-extensions cannot be imported: {_reason(error)}")
        return StackReport("self-test sign-in stack: " + ", ".join(parts), tuple(problems))
    if platform == "win32":
        try:
            import msal.broker  # imports pymsalruntime, the broker's runtime

            parts.append(f"pymsalruntime {_version('pymsalruntime')}")
        except ImportError as error:
            problems.append(f"the Windows broker cannot be imported: {_reason(error)}")
    name = store_name(platform)
    with tempfile.TemporaryDirectory(prefix="partner-desk-self-test-") as folder:
        location = Path(folder) / "self-test.bin"
        try:
            wrong = _round_trip(_encrypted_persistence(location, platform))
        except Exception as error:  # ImportError (no gi), a D-Bus or Keychain error, ...
            wrong = f"no keyring: {_reason(error)}"
        if wrong is None:
            parts.append(f"store: {name} (encrypted)")
        elif platform in ("win32", "darwin"):
            problems.append(f"{name} failed: {wrong}")
            parts.append(f"store: {name} FAILED ({wrong})")
        else:
            # What the app then uses (with the user's consent), proved the same way.
            from desktop.auth.cache import _private_file

            plain = _round_trip(_private_file(Path(folder) / "self-test.json"))
            if plain is not None:
                problems.append(f"the plaintext token file failed: {plain}")
            parts.append(f"store: plaintext file ({wrong}; allowed on Linux: the app asks first)")
    return StackReport("self-test sign-in stack: " + ", ".join(parts), tuple(problems))
