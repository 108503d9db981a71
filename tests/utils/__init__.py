"""Reusable test machinery: record builders and the generic scope matrix."""
