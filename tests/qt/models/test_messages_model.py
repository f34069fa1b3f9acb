"""The message center tables' words (Qt item models over ServiceMessage)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from desktop.domain.service_messages import ServiceMessage
from desktop.qt.dates import date_text
from desktop.qt.models.messages import ACTION_BY, MessageTableModel, action_day_text

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=timezone.utc)


def test_an_action_date_that_has_passed_says_so(qapp) -> None:
    passed = NOW - timedelta(days=3)
    ahead = NOW + timedelta(days=3)
    assert action_day_text(passed, NOW) == f"{date_text(passed, day=True)} (passed)"
    assert action_day_text(ahead, NOW) == date_text(ahead, day=True)
    assert action_day_text(None, NOW) == ""


def test_the_table_marks_passed_action_dates(qapp, qtmodeltester) -> None:
    def message(mid: str, when: datetime) -> ServiceMessage:
        return ServiceMessage.from_json(
            {"id": mid, "title": mid, "actionRequiredByDateTime": when.isoformat()}
        )

    model = MessageTableModel()
    now = datetime.now(timezone.utc)
    model.set_rows(
        [message("MC1", now - timedelta(days=2)), message("MC2", now + timedelta(days=9))]
    )
    qtmodeltester.check(model)
    texts = {
        model.index(r, 0).data(): model.index(r, ACTION_BY).data() for r in range(model.rowCount())
    }
    assert texts["MC1"].endswith("(passed)")
    assert "passed" not in texts["MC2"]
