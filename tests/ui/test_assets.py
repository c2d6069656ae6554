"""The shipped desktop entry, icons and screenshot are present and well formed."""
import configparser
import xml.etree.ElementTree as ET

from PySide6.QtGui import QImage

from composer.resources import assets_dir


def test_desktop_entry_starts_the_window():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(assets_dir() / "seller-composer.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["Exec"] == "seller-composer"  # no arguments: the window
    assert section["Icon"] == "seller-composer"
    assert section["Terminal"] == "false"
    assert section["Categories"].endswith(";")


def test_icons_are_valid(qapp):
    root = ET.parse(assets_dir() / "seller-composer.svg").getroot()
    assert root.tag.endswith("svg")
    image = QImage(str(assets_dir() / "seller-composer.png"))
    assert not image.isNull() and image.width() == image.height() >= 128


def test_screenshot_shows_a_window(qapp):
    image = QImage(str(assets_dir() / "screenshot.png"))
    assert not image.isNull()
    assert image.width() >= 1000 and image.height() >= 600
