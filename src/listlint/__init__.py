"""listlint: a validator for curated Markdown link lists."""

__version__ = "0.1.0"
