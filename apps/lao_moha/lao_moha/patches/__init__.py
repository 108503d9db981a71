"""One-off data patches, each named in patches.txt and applied once."""
