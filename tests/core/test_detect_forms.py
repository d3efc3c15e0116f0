"""The forms-index tool: one language at a time, unknown languages refused before any file."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import forms
from crisisdesk_gui.core.detect.lexicon import lexicon_dir


def test_unknown_language_is_refused_and_nothing_written(capsys: pytest.CaptureFixture) -> None:
    before = {p.name: p.stat().st_mtime_ns for p in lexicon_dir().glob("*.forms.tsv")}
    assert forms.main(["fi", "de"]) == 2
    assert "de" in capsys.readouterr().err
    after = {p.name: p.stat().st_mtime_ns for p in lexicon_dir().glob("*.forms.tsv")}
    assert after == before
