"""The verdicts and texts of tools/screen_reader_walk.py (tools/walk_report.py), without an X
server: the walk itself needs Xvfb and the AT-SPI bus and runs in CI (.ci/run), not here."""

from __future__ import annotations

from walk_report import (
    Focus,
    Node,
    Step,
    error_announced,
    into_markers,
    markdown,
    parse_transcript,
    said_between,
    state_names,
    step_text,
)

SENSITIVE, FOCUSED, SHOWING, INVALID = 1 << 24, 1 << 12, 1 << 25, 1 << 36
TITLE = "dialog['New service request'] > text['Title']"


def field(trail: str = TITLE, description: str = "", states: int = SENSITIVE | FOCUSED) -> Focus:
    return Focus(trail, "text", trail.rsplit("'", 2)[-2], description, states)


def test_states_are_named_and_an_insensitive_object_is_disabled() -> None:
    assert state_names(SENSITIVE | FOCUSED | SHOWING) == ["focused", "showing"]
    assert state_names(SHOWING) == ["showing", "disabled"]
    assert "invalid-entry" in state_names(SENSITIVE | INVALID)


def test_an_error_announced_is_heard_wherever_the_focus_is() -> None:
    heard, how = error_announced(field(), field(), ["Enter a title that says what is wrong."])
    assert heard
    assert "Enter a title" in how


def test_an_error_with_the_focus_left_as_it_was_is_not_heard() -> None:
    """The code at issue 21: the red labels appear, the focused field says what it said."""
    before = field(description="What is wrong, in one line")
    heard, how = error_announced(before, before, [])
    assert not heard
    assert "stayed on" in how
    assert "not marked invalid" in how


def test_the_focus_moved_to_a_field_that_describes_its_error_is_heard() -> None:
    after = field("dialog['New service request'] > text['Description']", "At least 20 characters")
    assert error_announced(field(), after, [])[0]


def test_the_same_field_given_its_error_as_description_is_heard() -> None:
    before = field(description="What is wrong, in one line")
    after = field(description="Enter a title that says what is wrong.")
    assert error_announced(before, after, [])[0]


def test_the_focus_moved_to_a_field_without_a_description_is_not_heard() -> None:
    after = field("dialog['New service request'] > push button['Keep as draft']")
    assert not error_announced(field(), after, [])[0]
    assert not error_announced(field(), None, [])[0]


def test_orcas_words_belong_to_the_step_they_came_in_and_key_echo_is_left_out() -> None:
    said = parse_transcript(
        "10.000\tsay\tScreen reader on.\n"
        "12.500\tkey\tControl_L\n"
        "12.600\tsay\tIncidents page tab.\n"
        "13.9\tsay\ttable with 2 rows\n"
        "14.100\tsay\tnext step\n"
        "garbage line\n"
        "15.0\tsay"  # cut short when Orca was stopped
    )
    assert [u.text for u in said][-1] == "next step"
    assert said_between(said, 12.0, 14.0) == ["Incidents page tab.", "table with 2 rows"]


def test_a_node_prints_what_a_reader_gets() -> None:
    node = Node(2, "label", "Customer count", "", SHOWING, "text='250 customers'")
    assert node.line() == "    label 'Customer count' text='250 customers' [showing, disabled]"


def test_the_summary_lists_steps_windows_unnamed_failures_and_orcas_words() -> None:
    first = Step(1, "search", "Ctrl+F", "frame 'Partner Desk'", 38, 19, focus=field())
    second = Step(2, "submit it empty", "Ctrl+Enter", "dialog 'New request'", 29, 14)
    second.unnamed = ["frame['Partner Desk'] > push button"]
    second.failures = ["error not announced: nothing announced"]
    first.said, second.said = ["Search customers text."], []
    text = markdown([first, second], {"Partner Desk": "frame"}, "en", "Orca 43.1 ran")
    assert "| 1 | search | `Ctrl+F` | frame 'Partner Desk' | 38 | 19 | 0 | text['Title'] |" in text
    assert "- frame: 'Partner Desk'" in text
    assert "Unnamed controls on screen: 1" in text
    assert "step 2 (submit it empty): error not announced" in text
    assert "2. **submit it empty** (`Ctrl+Enter`): (nothing)" in text
    assert "What Orca said" not in markdown([Step(1, "a", "")], {}, "en", "Orca not run")


def test_a_step_file_has_the_focus_path_events_and_tree() -> None:
    step = Step(3, "open", "Down", "frame 'Partner Desk'", focus=field(description="Help"))
    step.announcements = ["20 customers"]
    text = step_text(step, [Node(0, "frame", "Partner Desk", "", SENSITIVE)], hidden=4)
    assert f"focus: {TITLE}" in text
    assert "announcements: 1\n  20 customers" in text
    assert "tree: 1 objects shown (4 hidden not listed)\nframe 'Partner Desk'" in text


def test_the_report_replaces_only_the_docs_walk_section() -> None:
    doc = (
        "# Doc\nbefore\n<!-- screen-reader-walk:begin -->\nold\n"
        "<!-- screen-reader-walk:end -->\nafter\n"
    )
    new = into_markers(doc, "new summary\n")
    assert new.startswith("# Doc\nbefore\n<!-- screen-reader-walk:begin -->\nnew summary\n")
    assert new.endswith("<!-- screen-reader-walk:end -->\nafter\n")
    assert "old" not in new
    assert into_markers("", "alone\n") == "alone\n"
