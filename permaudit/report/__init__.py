"""Report formats: one module per format behind the `Reporter` protocol (see formats.py)."""
