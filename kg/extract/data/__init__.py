"""Data files of the extractor: trigger lexicons and rules (package data, read with importlib.resources)."""
