"""Signal handlers of the core app."""
