"""What tools/screen_reader_walk.py found, as text: the verdicts and the report, no D-Bus.

Pure functions on plain records, so tests/tools/test_walk_report.py checks them without an X
server: the states a node is printed with, whether an error was announced, which step Orca's
words belong to, and the markdown summary (`--report FILE`) that docs/ACCESSIBILITY.md quotes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

# AtspiStateType bit numbers (at-spi2-core's atspi-constants.h), the ones a reader speaks.
STATE_NAMES = {
    1: "active",
    4: "checked",
    7: "editable",
    10: "expanded",
    11: "focusable",
    12: "focused",
    16: "modal",
    17: "multi-line",
    23: "selected",
    25: "showing",
    33: "required",
    36: "invalid-entry",
    43: "read-only",
}
SENSITIVE, INVALID_ENTRY = 24, 36


def state_names(states: int) -> list[str]:
    """The states worth printing; "disabled" when the object is not sensitive."""
    names = [name for bit, name in STATE_NAMES.items() if states >> bit & 1]
    if not states >> SENSITIVE & 1:
        names.append("disabled")
    return names


def quoted(text: str, limit: int = 100) -> str:
    """A name or text on one line, cut at `limit` characters."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


@dataclass(frozen=True)
class Node:
    """One object of the dump: what a reader gets from it."""

    depth: int
    role: str
    name: str
    description: str
    states: int
    # What else a reader can read: a label's text when it differs from its name, a table's
    # size and column headers.
    extra: str = ""

    def line(self) -> str:
        parts = [self.role]
        if self.name:
            parts.append(quoted(self.name))
        if self.description:
            parts.append("desc=" + quoted(self.description))
        if self.extra:
            parts.append(self.extra)
        states = state_names(self.states)
        if states:
            parts.append("[" + ", ".join(states) + "]")
        return "  " * self.depth + " ".join(parts)


@dataclass(frozen=True)
class Focus:
    """The object with the keyboard focus, and its path from the window."""

    trail: str
    role: str
    name: str
    description: str
    states: int

    @property
    def invalid(self) -> bool:
        return bool(self.states >> INVALID_ENTRY & 1)


def error_announced(
    before: Focus | None, after: Focus | None, announcements: Sequence[str]
) -> tuple[bool, str]:
    """Whether a reader hears the error of a refused form, and how.

    Heard when the app sent an announcement, or the focus is on a field whose description now
    says something it did not say before (focus moved there, or the description changed, or
    the field turned invalid with a description)."""
    if announcements:
        return True, "announced: " + "; ".join(quoted(a) for a in announcements)
    if after is None:
        return False, "no focus after submitting, and nothing announced"
    described = bool(after.description.strip())
    moved = before is None or after.trail != before.trail
    changed = before is not None and after.description != before.description
    if described and (moved or changed or after.invalid):
        how = "focus moved to" if moved else "focus stayed on"
        return True, f"{how} {after.trail}, described {quoted(after.description)}"
    where = "stayed on" if not moved else "moved to"
    return False, (
        f"nothing announced; focus {where} {after.trail} "
        f"(description {quoted(after.description)}, "
        f"{'invalid' if after.invalid else 'not marked invalid'})"
    )


@dataclass(frozen=True)
class Utterance:
    """One line of tools/orca_speech.py's transcript."""

    time: float
    kind: str  # say, char (a typed character echoed), key (a key echoed)
    text: str


def parse_transcript(text: str) -> list[Utterance]:
    """The lines orca_speech.py wrote: time, kind and text, tab-separated. A line cut short
    (Orca killed while writing) is skipped."""
    found = []
    for line in text.splitlines():
        parts = line.split("\t", 2)
        if len(parts) != 3:
            continue
        try:
            when = float(parts[0])
        except ValueError:
            continue
        found.append(Utterance(when, parts[1], parts[2]))
    return found


def said_between(utterances: Iterable[Utterance], start: float, end: float) -> list[str]:
    """What Orca said (not its key echo) from `start` until before `end`."""
    return [u.text for u in utterances if start <= u.time < end and u.kind == "say"]


@dataclass
class Step:
    """One step of the job and what a reader got from it."""

    number: int
    title: str
    keys: str
    window: str = ""  # "frame 'Partner Desk'"
    objects: int = 0
    controls: int = 0
    unnamed: list[str] = field(default_factory=list)
    focus: Focus | None = None
    focus_events: list[str] = field(default_factory=list)
    announcements: list[str] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)  # text and name/description changes
    said: list[str] | None = None  # None: Orca was not run
    notes: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def markdown(steps: Sequence[Step], windows: dict[str, str], lang: str, orca: str) -> str:
    """The summary docs/ACCESSIBILITY.md quotes: per step the window, its objects and
    controls, the unnamed ones, the focus and what was announced; the roles of the windows;
    what failed; and Orca's words per step when Orca ran."""
    lines = [
        f"Screen-reader walk, `--lang {lang}`; {orca}.",
        "",
        "| # | step | keys | window | objects | controls | unnamed | focus | announced |",
        "| --- | --- | --- | --- | ---: | ---: | ---: | --- | --- |",
    ]
    for s in steps:
        focus = s.focus.trail.rsplit(" > ", 1)[-1] if s.focus else "—"
        cells = [
            str(s.number), s.title, f"`{s.keys}`" if s.keys else "", s.window, str(s.objects),
            str(s.controls), str(len(s.unnamed)), focus.replace("|", "\\|"),
            "; ".join(s.announcements) or "—",
        ]  # fmt: skip
        lines.append("| " + " | ".join(c.replace("\n", " ") for c in cells) + " |")
    lines += ["", "Windows and their roles:", ""]
    lines += [f"- {role}: {quoted(name)}" for name, role in sorted(windows.items())]
    unnamed = sorted({u for s in steps for u in s.unnamed})
    lines += ["", f"Unnamed controls on screen: {len(unnamed)}", ""]
    lines += [f"- {u}" for u in unnamed]
    failures = [f"step {s.number} ({s.title}): {f}" for s in steps for f in s.failures]
    lines += ["", f"Failures: {len(failures)}", ""]
    lines += [f"- {f}" for f in failures]
    notes = [f"step {s.number}: {n}" for s in steps for n in s.notes]
    if notes:
        lines += ["", "Notes:", ""] + [f"- {n}" for n in notes]
    if any(s.said is not None for s in steps):
        lines += ["", "What Orca said after each step:", ""]
        for s in steps:
            words = " / ".join(s.said or []) or "(nothing)"
            lines.append(f"{s.number}. **{s.title}** (`{s.keys}`): {words}")
    return "\n".join(lines) + "\n"


def step_text(step: Step, tree: Sequence[Node], hidden: int) -> str:
    """The file written for one step: its verdicts, focus, events, Orca's words and tree."""
    lines = [f"# {step.number}. {step.title}  keys: {step.keys or '-'}", f"window: {step.window}"]
    if step.focus:
        f = step.focus
        lines.append(f"focus: {f.trail}")
        lines.append(f"  description {quoted(f.description)} [{', '.join(state_names(f.states))}]")
    else:
        lines.append("focus: none")
    sections = [
        ("focus events", step.focus_events),
        ("announcements", step.announcements),
        ("text, name and description changes", step.changes),
        ("unnamed controls", step.unnamed),
        ("notes", step.notes),
        ("FAILURES", step.failures),
    ]
    for title, items in sections:
        lines.append(f"{title}: {len(items)}")
        lines += [f"  {item}" for item in items]
    if step.said is not None:
        lines.append(f"Orca said: {len(step.said)}")
        lines += [f"  {quoted(text, 300)}" for text in step.said]
    lines.append(f"tree: {len(tree)} objects shown ({hidden} hidden not listed)")
    lines += [node.line() for node in tree]
    return "\n".join(lines) + "\n"


BEGIN, END = "<!-- screen-reader-walk:begin -->", "<!-- screen-reader-walk:end -->"


def into_markers(document: str, summary: str) -> str:
    """`document` with the text between its walk markers replaced by `summary`, so
    `--report docs/ACCESSIBILITY.md` regenerates the doc's section in place; the summary alone
    when the document has no markers (a new report file)."""
    if BEGIN not in document or END not in document:
        return summary
    head, rest = document.split(BEGIN, 1)
    return f"{head}{BEGIN}\n{summary}{END}{rest.split(END, 1)[1]}"
