"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest

from crisisdesk_gui.core.detect import Scorer, load_scorer


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    """The scorer with the shipped lexicons and no profile corrections."""
    return load_scorer()
