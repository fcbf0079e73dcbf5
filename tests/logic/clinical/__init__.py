"""Tests of desktop.logic.clinical."""
