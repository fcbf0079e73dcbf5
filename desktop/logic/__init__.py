"""Clinical logic, store, report and command line helpers: pure Python, never Qt."""
