"""`python -m desktop` runs the same command line as `mdt-planner`."""

from desktop.cli import run

run()
