"""The generic import pipeline: any importable DocType, from XLSX or CSV,
checked row by row and saved all or nothing (see pipeline.py)."""
