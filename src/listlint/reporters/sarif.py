"""SARIF 2.1.0, as GitHub code scanning accepts it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from listlint import __version__
from listlint.findings import Finding
from listlint.rule import all_rules

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule(code: str) -> dict[str, Any]:
    rule = next(r for r in all_rules() if r.code == code)
    paragraphs = [part.strip() for part in rule.doc.split("\n\n") if part.strip()]
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": " ".join(paragraphs[:2]) or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": list(dict.fromkeys([rule.family, *rule.tags]))},
    }


def render(findings: Sequence[Finding]) -> str:
    """One SARIF run with the rules that fired and one result per finding."""
    codes = sorted({f.code for f in findings})
    index = {code: number for number, code in enumerate(codes)}
    results = [
        {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path.replace("\\", "/")},
                        "region": {
                            "startLine": f.line,
                            "startColumn": f.column,
                            "endLine": f.end_line,
                            "endColumn": f.end_column,
                        },
                    }
                }
            ],
        }
        for f in findings
    ]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "listlint",
                        "version": __version__,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
