"""The Review page: tables and charts follow the chosen period."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from crisisdesk_gui.core.db import utcnow
from crisisdesk_gui.core.paths import ProfilePaths


def seed(db) -> None:
    """Two cards answered in 10 and 30 minutes this week, one in 90 the week before."""
    now = utcnow()
    db["sources"].insert({"id": 1, "url": "file:a", "name": "Google Alerts"})
    for mid, days_ago, reply in ((1, 1, 10), (2, 2, 30), (3, 8, 90)):
        fetched = now - timedelta(days=days_ago)
        db["mentions"].insert(
            {
                "id": mid,
                "dedup_key": f"k{mid}",
                "source_id": 1,
                "lang": "tr",
                "lane": "resolved",
                "label": "negative",
                "fetched": fetched.isoformat(),
                "published": fetched.isoformat(),
                "first_reply_at": (fetched + timedelta(minutes=reply)).isoformat(),
            }
        )
    db["mentions"].insert(
        {
            "id": 4,
            "dedup_key": "k4",
            "source_id": 1,
            "lang": "en",
            "label": "neutral",
            "published": (now - timedelta(days=3)).isoformat(),
        }
    )
    db.conn.commit()


@pytest.fixture
def view(qtbot, db, data_dir: Path):
    from crisisdesk_gui.ui.analytics_view import AnalyticsView

    seed(db)
    widget = AnalyticsView(ProfilePaths(data_dir), db)
    qtbot.addWidget(widget)
    return widget


def cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


def test_summary_against_previous_week(view) -> None:
    assert view.days() == 7
    rows = {
        cell(view.summary, r, 0): [cell(view.summary, r, c) for c in (1, 2, 3)]
        for r in range(view.summary.rowCount())
    }
    assert rows["Mentions"] == ["3", "1", "+200%"]
    assert rows["Median time to first reply"] == ["20 minutes", "1 hour 30 minutes", "−78%"]
    assert rows["Breaches of the response target"] == ["0", "1", "−100%"]
    assert cell(view.tables["lane"], 0, 0) == "Resolved"
    assert cell(view.tables["lang"], 0, 0) == "tr"
    assert len(view.review.days.current) in (7, 8)  # local days touched by the last 7×24 h


def test_period_change_redraws(view) -> None:
    view.period.setCurrentIndex(view.period.findData(30))
    rows = {
        cell(view.summary, r, 0): cell(view.summary, r, 1) for r in range(view.summary.rowCount())
    }
    assert rows["Mentions"] == "4"
    assert "30 days" in view.caption.text()
    assert view.volume_plot.getPlotItem().listDataItems()
