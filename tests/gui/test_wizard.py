"""The first-run wizard: saves what was filled, every page can stay empty, skip and sample data."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from crisisdesk_gui.core import contacts, settings, sources
from crisisdesk_gui.core.paths import ProfilePaths
from crisisdesk_gui.ui.wizard import FirstRunWizard


@pytest.fixture
def wizard(qtbot, db, data_dir: Path) -> FirstRunWizard:
    wiz = FirstRunWizard(ProfilePaths(data_dir), db)
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def _go_to(wizard: FirstRunWizard, page: object) -> None:
    while wizard.currentPage() is not page:
        before = wizard.currentId()
        wizard.next()
        assert wizard.currentId() != before, "a page refused to go on"


def test_finish_saves_everything(wizard: FirstRunWizard, db, tmp_path: Path) -> None:
    feed = tmp_path / "alerts.xml"
    feed.write_text("<rss version='2.0'><channel><title>t</title></channel></rss>")
    _go_to(wizard, wizard.business)
    wizard.business.name.setText("Lezzet Fırını")
    wizard.business.actor.setText("Ayşe")
    wizard.business.languages["fi"].setChecked(False)
    _go_to(wizard, wizard.sources_page)
    wizard.sources_page.urls.setPlainText(f"{feed}\n")
    _go_to(wizard, wizard.target)
    wizard.target.target.setValue(30)
    wizard.target.email.setText("destek@lezzetfirini.example")
    _go_to(wizard, wizard.team)
    name, _role, phone, email = wizard.team.rows[0]
    name.setText("Ayşe Yılmaz")
    phone.setText("+90 532 000 12 34")
    email.setText("ayse@lezzetfirini.example")
    wizard.accept()

    values = settings.get_all(db)
    assert values["first_run_done"] is True
    assert values["business_name"] == "Lezzet Fırını"
    assert values["actor_name"] == "Ayşe"
    assert values["detect_languages"] == ["tr", "pl", "en"]
    assert values["response_target_minutes"] == 30
    assert values["support_email"] == "destek@lezzetfirini.example"
    assert [k["word"] for k in sources.list_keywords(db)] == ["Lezzet Fırını"]
    assert [s["url"] for s in sources.list_sources(db)] == [feed.resolve().as_uri()]
    members = contacts.list_members(db)
    assert [(m.name, m.role, m.phone_mobile) for m in members] == [
        ("Ayşe Yılmaz", "manager", "+905320001234")
    ]


def test_every_page_can_stay_empty(wizard: FirstRunWizard, db) -> None:
    _go_to(wizard, wizard.team)
    wizard.accept()
    assert settings.get(db, "first_run_done") is True
    assert sources.list_sources(db) == [] and contacts.list_members(db) == []


def test_bad_input_is_named_on_its_page(wizard: FirstRunWizard, db) -> None:
    _go_to(wizard, wizard.sources_page)
    wizard.sources_page.urls.setPlainText("ftp://example.org/feed")
    wizard.next()
    assert wizard.currentPage() is wizard.sources_page
    assert wizard.sources_page.error.isVisible() and "ftp://" in wizard.sources_page.error.text()
    wizard.sources_page.urls.clear()
    _go_to(wizard, wizard.team)
    wizard.team.rows[0][2].setText("12")  # a phone without a name and too short
    wizard.next()
    assert wizard.team.error.isVisible()
    assert wizard.currentPage() is wizard.team


def test_skip_saves_nothing_but_does_not_ask_again(wizard: FirstRunWizard, db) -> None:
    _go_to(wizard, wizard.business)
    wizard.business.name.setText("Not saved")
    wizard.reject()
    assert settings.get(db, "first_run_done") is True
    assert settings.get(db, "business_name") == ""


def test_try_with_sample_data(wizard: FirstRunWizard, db) -> None:
    button = wizard.button(QWizard.WizardButton.CustomButton1)
    assert button.isVisible() and button.text() == "Try with sample data"
    button.click()
    assert wizard.demo_requested
    assert not wizard.isVisible()
    assert settings.get(db, "first_run_done") is False  # the real profile asks again next time
