"""A missing X11 library is named with its package instead of Qt aborting."""

import ctypes

import pytest

from desktop.ui import platform_check


@pytest.fixture
def x11(monkeypatch):
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")


def test_missing_library_is_named_with_its_package(x11, monkeypatch):
    real = ctypes.CDLL

    def fake(name, *args, **kwargs):
        if name == "libxcb-cursor.so.0":
            raise OSError("not found")
        return real("libc.so.6")

    monkeypatch.setattr(platform_check.ctypes, "CDLL", fake)
    problem = platform_check.display_problem()
    assert problem is not None
    assert "sudo apt-get install libxcb-cursor0." in problem


def test_nothing_to_say_when_every_library_loads(x11, monkeypatch):
    monkeypatch.setattr(platform_check.ctypes, "CDLL", lambda *a, **k: None)
    assert platform_check.display_problem() is None


def test_offscreen_or_no_display_is_not_checked(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert platform_check.missing_display_packages() == []


def test_no_display_at_all_is_said_in_words(monkeypatch):
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    problem = platform_check.display_problem()
    assert problem is not None
    assert "needs a desktop session" in problem
