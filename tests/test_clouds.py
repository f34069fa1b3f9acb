"""`partner-desk clouds` prints the table of API.md section 1, and the features per cloud."""

from __future__ import annotations

import json
import subprocess
import sys

# API.md section 1, row by row (the sandbox row is the embedded server's own URL: not listed).
API_MD = {
    "global": (
        "https://login.microsoftonline.com",
        "https://api.partnercenter.microsoft.com",
        "https://graph.microsoft.com",
    ),
    "usgov": (
        "https://login.microsoftonline.us",
        "https://api.partnercenter.microsoft.com",
        "https://graph.microsoft.us",
    ),
    "usgov-dod": (
        "https://login.microsoftonline.us",
        "https://api.partnercenter.microsoft.com",
        "https://dod-graph.microsoft.us",
    ),
    "china": (
        "https://login.chinacloudapi.cn",
        "https://partner.partnercenterapi.microsoftonline.cn",
        "https://microsoftgraph.chinacloudapi.cn",
    ),
    "germany": (
        "https://login.microsoftonline.de",
        "https://api.partnercenter.microsoft.com",
        "https://graph.microsoft.de",
    ),
}


def clouds() -> dict[str, dict]:
    out = subprocess.run(
        [sys.executable, "-m", "desktop", "clouds"], capture_output=True, text=True, check=True
    ).stdout
    return {c["id"]: c for c in json.loads(out)}


def test_clouds_match_api_md():
    printed = clouds()
    assert set(printed) == set(API_MD)
    for cloud_id, (authority, pc, graph) in API_MD.items():
        row = printed[cloud_id]
        assert (row["authority"], row["partnerCenter"], row["graph"]) == (authority, pc, graph)
        assert row["portals"], cloud_id


def test_features_per_cloud():
    printed = clouds()
    assert [c for c, row in printed.items() if row["gdap"]] == ["global"]
    assert printed["china"]["serviceRequests"] is False
    assert printed["china"]["serviceIncidents"] is False
    assert printed["germany"]["retired"] is True
    assert printed["global"]["portals"]["exchange"] == (
        "https://admin.cloud.microsoft/exchange?delegatedOrg={initial}"
    )
    # Entra, Azure and Intune on the initial domain, which always resolves (API.md section 5).
    assert printed["usgov"]["portals"]["azure"] == "https://portal.azure.us/{initial}"
    assert printed["china"]["portals"]["azure"] == "https://portal.azure.cn/{initial}"
    assert printed["global"]["portals"]["entra"] == "https://entra.microsoft.com/{initial}"
    assert printed["global"]["portals"]["intune"] == "https://intune.microsoft.com/{initial}"
