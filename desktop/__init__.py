"""HCC conversion-therapy MDT planner: decision support for a liver cancer MDT, offline."""

__version__ = "0.1.0"
