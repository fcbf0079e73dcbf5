"""Before Qt starts on Linux/X11: name the system libraries its window plugin needs but cannot find.

Without them Qt aborts the process with a terse message; a user deserves the package names.
"""

from __future__ import annotations

import ctypes
import os
import sys

# The X11 (xcb) platform plugin of Qt 6.5+ loads these; Debian/Ubuntu package names beside them.
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def missing_display_packages() -> list[str]:
    """Packages to install for the X11 window, or [] when nothing is missing or X11 is not used."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return []
    if not os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return []
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def no_display() -> bool:
    """Linux with no X11 or Wayland display to open a window on (and no Qt platform chosen)."""
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def display_problem() -> str | None:
    """A message for the user when the window cannot open, else None."""
    if no_display():
        return (
            "The planner's window needs a desktop session, and none is available here (neither "
            "DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop, or use the command-line "
            "tools (mdt-planner evaluate, import, export, ...), which need no window."
        )
    packages = missing_display_packages()
    if not packages:
        return None
    return (
        "The planner's window cannot open: Qt's X11 plugin needs system libraries that are not "
        f"installed ({', '.join(packages)}). On Debian or Ubuntu: "
        f"sudo apt-get install {' '.join(packages)}. The command-line tools (mdt-planner "
        "evaluate, import, export, ...) work without them."
    )
