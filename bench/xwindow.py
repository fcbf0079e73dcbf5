"""A private X server (Xvfb) and a watcher that notes when a window with a given title is mapped.

The watcher talks to libX11 through ctypes (no extra package): it listens for MapNotify on the
root window and reads the mapped window's _NET_WM_NAME, so the moment a program's window appears
is seen as an event, not found by polling. Both the app and the bare window are timed this way.
"""

from __future__ import annotations

import ctypes
import os
import select
import shutil
import subprocess
import time

SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MAP_NOTIFY = 19
ANY_PROPERTY_TYPE = 0
MAP_EVENT_WINDOW_OFFSET = 40  # XMapEvent: type, serial, send_event, display, event, window


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("pad", ctypes.c_long * 24)]


def _libx11() -> ctypes.CDLL:
    lib = ctypes.CDLL("libX11.so.6")
    lib.XOpenDisplay.restype = ctypes.c_void_p
    lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    lib.XDefaultRootWindow.restype = ctypes.c_ulong
    lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    lib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    lib.XInternAtom.restype = ctypes.c_ulong
    lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    lib.XPending.argtypes = [ctypes.c_void_p]
    lib.XConnectionNumber.argtypes = [ctypes.c_void_p]
    lib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    lib.XFlush.argtypes = [ctypes.c_void_p]
    lib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    lib.XFree.argtypes = [ctypes.c_void_p]
    lib.XGetWindowProperty.argtypes = [
        ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
        ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
    ]  # fmt: skip
    return lib


def xvfb_available() -> bool:
    return shutil.which("Xvfb") is not None


class XServer:
    """`with XServer() as display:` a fresh Xvfb on a free display number (e.g. ':7')."""

    def __init__(self, size: str = "1600x1000x24") -> None:
        self.size = size
        self.process: subprocess.Popen | None = None
        self.display = ""

    def __enter__(self) -> str:
        read_end, write_end = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", self.size, "-nolisten", "tcp"],
            pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            self.__exit__()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        return self.display

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


class MapWatcher:
    """Notes the moment a top-level window whose title contains some text is mapped."""

    def __init__(self, display: str) -> None:
        self.x = _libx11()
        self.dpy = self.x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open X display {display}")
        root = self.x.XDefaultRootWindow(self.dpy)
        self.x.XSelectInput(self.dpy, root, SUBSTRUCTURE_NOTIFY_MASK)
        self.net_wm_name = self.x.XInternAtom(self.dpy, b"_NET_WM_NAME", 0)
        self.wm_name = self.x.XInternAtom(self.dpy, b"WM_NAME", 0)
        self.x.XFlush(self.dpy)
        self.fd = self.x.XConnectionNumber(self.dpy)

    def close(self) -> None:
        self.x.XCloseDisplay(self.dpy)

    def drain(self) -> None:
        """Forget events from earlier runs."""
        event = XEvent()
        while self.x.XPending(self.dpy):
            self.x.XNextEvent(self.dpy, ctypes.byref(event))

    def wait_mapped(self, title: str, timeout: float) -> float:
        """perf_counter() when a window titled `...title...` was mapped; TimeoutError if never."""
        deadline = time.perf_counter() + timeout
        event = XEvent()
        while True:
            while self.x.XPending(self.dpy):
                self.x.XNextEvent(self.dpy, ctypes.byref(event))
                seen = time.perf_counter()
                if event.type == MAP_NOTIFY and title in self.title(self._mapped(event)):
                    return seen
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"no window titled {title!r} within {timeout} s")
            select.select([self.fd], [], [], left)

    @staticmethod
    def _mapped(event: XEvent) -> int:
        raw = ctypes.string_at(ctypes.addressof(event) + MAP_EVENT_WINDOW_OFFSET, 8)
        return int.from_bytes(raw, "little")

    def title(self, window: int) -> str:
        for atom in (self.net_wm_name, self.wm_name):
            text = self._property(window, atom)
            if text:
                return text
        return ""

    def _property(self, window: int, atom: int) -> str:
        kind, size = ctypes.c_ulong(), ctypes.c_int()
        count, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self.x.XGetWindowProperty(
            self.dpy, window, atom, 0, 1024, 0, ANY_PROPERTY_TYPE, ctypes.byref(kind),
            ctypes.byref(size), ctypes.byref(count), ctypes.byref(after), ctypes.byref(data),
        )  # fmt: skip
        if status != 0 or not data.value:
            return ""
        try:
            return ctypes.string_at(data.value, count.value).decode("utf-8", "replace")
        finally:
            self.x.XFree(data)
