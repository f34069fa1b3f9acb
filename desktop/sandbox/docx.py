"""A small valid Word document (.docx), for the post-incident reviews the sandbox serves.

Graph's `issues/{id}/incidentReport` answers with the review as a file stream
(learn.microsoft.com/graph/api/servicehealthissue-incidentreport: "a file stream in the
response body", `Edm.Stream`); the reviews Microsoft publishes are Word documents. The user
opens what Partner Desk saves with their own word processor, so this is a real one: the
minimum parts of an Office Open XML package (ECMA-376 Part 2: `[Content_Types].xml`, the
package relationships, the main document part) with a heading and paragraphs in it.
Standard library only.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
# A fixed timestamp: the same review is the same bytes on every call (and every run).
_STAMP = (2020, 1, 1, 0, 0, 0)


def _paragraph(text: str, *, bold: bool = False, size_pt: int = 0) -> str:
    props = ""
    if bold or size_pt:
        props = "<w:rPr>" + ("<w:b/>" if bold else "")
        props += f'<w:sz w:val="{size_pt * 2}"/>' if size_pt else ""
        props += "</w:rPr>"
    runs = []
    for i, line in enumerate(text.split("\n")):
        if i:
            runs.append(f"<w:r>{props}<w:br/></w:r>")
        runs.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
    return f"<w:p>{''.join(runs)}</w:p>"


def document(title: str, sections: Sequence[tuple[str, str]]) -> bytes:
    """A .docx: `title` as its heading, then each (heading, text) section; "\\n" in a text is a
    line break, a blank line starts a new paragraph."""
    body = [_paragraph(title, bold=True, size_pt=16)]
    for heading, text in sections:
        if heading:
            body.append(_paragraph(heading, bold=True, size_pt=12))
        body.extend(_paragraph(p) for p in text.split("\n\n"))
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in (
            ("[Content_Types].xml", _CONTENT_TYPES),
            ("_rels/.rels", _PACKAGE_RELS),
            ("word/document.xml", xml),
        ):
            package.writestr(
                zipfile.ZipInfo(name, _STAMP), data.encode("utf-8"), zipfile.ZIP_DEFLATED
            )
    return out.getvalue()
