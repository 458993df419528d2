"""A JSON array of finding objects, as described by ``schemas/report.schema.json``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from msgspec.structs import asdict

from listlint.findings import Finding


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """The JSON object of one finding."""
    data = asdict(finding)
    if finding.fix is not None:
        data["fix"] = {
            "message": finding.fix.message,
            "safe": finding.fix.safe,
            "edits": [asdict(edit) for edit in finding.fix.edits],
        }
    return data


def render(findings: Sequence[Finding]) -> str:
    """The report as indented JSON."""
    return json.dumps([finding_to_dict(f) for f in findings], indent=2, ensure_ascii=False) + "\n"
