"""Thin PySide6 widgets over desktop.logic."""
