"""The Document: one parse of one file, with everything the rules read, with source positions."""

from __future__ import annotations

from msgspec.structs import fields

from listlint.model.build import build_blocks
from listlint.model.entries import Entry, find_entries
from listlint.model.nodes import Blocks
from listlint.model.parse import parse_tokens
from listlint.model.toc import Toc, find_toc
from listlint.profile import phase


class Document(Blocks, frozen=True, eq=False):
    """A file's blocks, its entries and its table of contents; complete when built."""

    entries: tuple[Entry, ...]
    toc: Toc | None


def parse_document(text: str, path: str) -> Document:
    """Parse ``text`` (already decoded, BOM removed) into a Document."""
    with phase("parse"):
        tokens, env = parse_tokens(text)
    with phase("model"):
        blocks = build_blocks(path, text, tokens, env)
    with phase("model: entries"):
        entries = find_entries(blocks)
    with phase("model: toc"):
        toc = find_toc(blocks, tuple(entry for entry in entries if entry.named))
    parts = {field.name: getattr(blocks, field.name) for field in fields(Blocks)}
    return Document(**parts, entries=entries, toc=toc)
