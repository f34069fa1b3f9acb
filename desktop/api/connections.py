"""The `requests` session under `HttpSession`: its pools, headers, TLS trust and proxies. No Qt."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from desktop import __version__
from desktop.api import deadline

if TYPE_CHECKING:
    import requests


def prepared(
    session: requests.Session, pool_size: int, pinned: Mapping[str, bytes]
) -> requests.Session:
    """`session` with our pools (sized, deadline-watched, pinned CAs), headers and trust."""
    from requests.adapters import HTTPAdapter

    from desktop.auth.transport import ca_bundle_override, pinned_adapter, system_trust_adapter

    # One pool per host sized to the sweep's concurrency: no connection churn, no waiting
    # for a free connection. Retries are ours, not urllib3's.
    adapter = deadline.install(
        HTTPAdapter(pool_connections=8, pool_maxsize=pool_size, max_retries=0)
    )
    # The operating system's trust store, unless the user named a CA bundle (then below).
    secure = system_trust_adapter(pool_connections=8, pool_size=pool_size)
    session.mount("https://", deadline.install(secure) if secure is not None else adapter)
    session.mount("http://", adapter)
    if pinned:
        for origin, ca_pem in pinned.items():
            session.mount(origin, deadline.install(pinned_adapter(ca_pem, pool_size)))
    session.headers.update(
        {
            "User-Agent": f"PartnerDesk/{__version__}",
            "Accept": "application/json",
            # What body.Inflater undoes, and nothing else (urllib3 would add br and zstd
            # when their packages are installed).
            "Accept-Encoding": "gzip, deflate",
        }
    )
    # The environment is read here and per host (`Proxies`), not on every call:
    # `requests` otherwise looks up proxies, the CA bundle and ~/.netrc for each request,
    # 6 % of a sweep's CPU held under the GIL the window needs (on Windows, a registry
    # read per call too). It also keeps a ~/.netrc entry from replacing our bearer token
    # with its Basic credentials.
    session.trust_env = False
    bundle = ca_bundle_override()
    if bundle:
        session.verify = bundle
    return session


class Proxies:
    """The proxies of each origin, looked up in the environment once."""

    def __init__(self) -> None:
        self._found: dict[str, dict[str, str]] = {}  # scheme://host:port -> proxies

    def for_url(self, url: str) -> dict[str, str]:
        """The proxies the environment names for `url`'s host (none for loopback), once."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        found = self._found.get(origin)
        if found is None:
            from requests.utils import get_environ_proxies

            # Nothing behind a proxy can reach this machine's loopback: the embedded sandbox
            # must work with HTTPS_PROXY set and no NO_PROXY.
            found = {} if _loopback(parts.hostname) else dict(get_environ_proxies(url))
            self._found[origin] = found
        return found


def _loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
