"""Tests of desktop.logic.report."""
