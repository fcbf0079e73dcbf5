"""Tests of desktop.cli."""
