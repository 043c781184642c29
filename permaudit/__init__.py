"""permaudit: audit an Android companion app against its privacy policy."""

__version__ = "0.1.0"
