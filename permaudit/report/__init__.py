"""Reporters: one module per output format. Audit formats sit behind the `Reporter`
protocol in formats.py; app_view and policy_view render extract and policy results."""
