"""Tests of desktop.logic.model."""
