"""Tests of desktop.logic.store."""
