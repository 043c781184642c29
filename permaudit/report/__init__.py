"""Reporters: one module per output format, each rendering finished results to text."""
