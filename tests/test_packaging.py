"""Desktop integration files are valid; a built bundle (make package) starts."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from crisisdesk_gui import __version__

REPO = Path(__file__).resolve().parents[1]
LINUX = REPO / "packaging" / "linux"
DESKTOP = LINUX / "crisisdesk.desktop"
METAINFO = LINUX / "io.github.crisisdesk.CrisisDesk.metainfo.xml"
BUNDLE = REPO / "dist" / "crisisdesk"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="no desktop-file-validate")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_desktop_file_names_the_icon_and_command() -> None:
    keys = dict(line.split("=", 1) for line in DESKTOP.read_text().splitlines() if "=" in line)
    assert keys["Exec"].split()[0] == "crisisdesk"
    assert keys["Icon"] == "crisisdesk"
    assert "SingleMainWindow" not in keys  # Debian 12's validator rejects it


def test_metainfo_is_well_formed() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.findtext("id") == "io.github.crisisdesk.CrisisDesk"
    assert root.find("launchable").text == DESKTOP.name
    assert root.find("releases/release").get("version") == __version__


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="no appstreamcli")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_exist_at_every_size() -> None:
    from PySide6.QtGui import QImage

    icons = REPO / "resources" / "icons"
    assert (icons / "crisisdesk.svg").exists()
    for size in (16, 32, 48, 64, 128, 256):
        image = QImage(str(icons / f"crisisdesk-{size}.png"))
        assert (image.width(), image.height()) == (size, size)


@pytest.mark.skipif(not (BUNDLE / "crisisdesk").exists(), reason="no bundle: run make package")
def test_bundle_answers_version() -> None:
    result = subprocess.run(
        [str(BUNDLE / "crisisdesk"), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"CrisisDesk {__version__}"
    cli = subprocess.run(
        [str(BUNDLE / "crisisdesk-cli"), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert cli.stdout.strip() == f"crisisdesk-cli {__version__}", cli.stderr
