"""GitHub Actions workflow commands: ``::error file=…,line=…::message``."""

from __future__ import annotations

from collections.abc import Sequence

from listlint.findings import Finding


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """One workflow command for one finding."""
    properties = ",".join(
        f"{key}={_escape_property(str(value))}"
        for key, value in (
            ("file", finding.path),
            ("line", finding.line),
            ("col", finding.column),
            ("endLine", finding.end_line),
            ("endColumn", finding.end_column),
            ("title", f"{finding.code} {finding.name}"),
        )
    )
    return f"::{finding.severity} {properties}::{_escape_data(finding.message)}"


def render(findings: Sequence[Finding]) -> str:
    """Every finding as a workflow command."""
    return "".join(annotation(f) + "\n" for f in findings)
