"""Output formats: each module renders a list of findings as text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from listlint.findings import Finding

Render = Callable[[Sequence[Finding]], str]

FORMATS = ("text", "json", "sarif", "github")


def renderer(name: str, *, color: bool = False) -> Render:
    """The render function of output format ``name``."""
    if name == "json":
        from listlint.reporters.json import render as render_json

        return render_json
    if name == "sarif":
        from listlint.reporters.sarif import render as render_sarif

        return render_sarif
    if name == "github":
        from listlint.reporters.github import render as render_github

        return render_github
    from listlint.reporters.text import render_text

    return lambda findings: render_text(findings, color=color)
