"""Generate realistic awesome lists of any size, the same for the same seed.

The shape follows the real lists: a title with a badge, a blockquote tagline, a table of contents
(nested, one link per section and subsection), sections with an intro sentence, subsections, entries
``- [name](url) - Description.`` (a few with a second link, code spans or nested sub-entries), and
the usual Contributing and License sections. A few defects are injected on purpose, as in real
lists: duplicate URLs, a link with a missing bracket, a TOC link to a heading that does not exist.

    python benchmarks/generate.py --entries 10000 --seed 1 -o big.md
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

SYLLABLES = [
    "ka",
    "ro",
    "mi",
    "la",
    "po",
    "te",
    "su",
    "na",
    "vi",
    "do",
    "ze",
    "ri",
    "mo",
    "ga",
    "lu",
    "be",
    "fi",
    "xo",
    "ty",
    "qua",
    "ne",
    "so",
    "da",
    "pi",
    "ha",
    "ju",
    "ke",
    "wo",
    "ci",
    "ma",
    "ru",
    "go",
    "le",
    "bo",
    "sa",
    "ti",
    "nu",
    "ve",
    "zo",
    "yi",
]
WORDS = [
    "fast",
    "simple",
    "small",
    "modern",
    "minimal",
    "pure",
    "portable",
    "robust",
    "secure",
    "async",
    "typed",
    "lightweight",
    "library",
    "framework",
    "toolkit",
    "client",
    "server",
    "parser",
    "generator",
    "wrapper",
    "binding",
    "engine",
    "driver",
    "for",
    "with",
    "and",
    "of",
    "the",
    "a",
    "to",
    "in",
    "on",
    "from",
    "into",
    "over",
    "http",
    "json",
    "yaml",
    "markdown",
    "logging",
    "testing",
    "caching",
    "images",
    "audio",
    "video",
    "database",
    "queues",
    "metrics",
    "tracing",
    "config",
    "templates",
    "routing",
    "sockets",
    "crypto",
    "compression",
    "terminal",
    "files",
]
HOSTS = ("github.com", "github.com", "github.com", "gitlab.com", "codeberg.org", "sr.ht")
UNICODE_WORDS = ("café", "naïve", "Zürich", "façade", "日本語", "emoji ✨")
ENTRIES_PER_SECTION = 30
SECTIONS_PER_GROUP = 6


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) + rng.choice(
        ("", "", "-go", "js", "py", "-rs", ".io")
    )


def _title(rng: random.Random) -> str:
    nouns = WORDS[12:24] + WORDS[36:]
    return " ".join(w.capitalize() for w in rng.sample(nouns, rng.randint(1, 3)))


def _description(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 8))]
    if rng.random() < 0.02:
        words.insert(1, rng.choice(UNICODE_WORDS))
    if rng.random() < 0.05:
        words.insert(2, f"`{rng.choice(WORDS)}`")
    return " ".join(words).capitalize() + "."


def _slug(title: str) -> str:
    return title.lower().replace(" ", "-")


def generate_list(entries: int, seed: int = 1) -> str:
    """A list of ``entries`` entries (plus a few injected defects), as Markdown text."""
    rng = random.Random(seed)
    sections: list[tuple[str, list[str]]] = []  # (title, subsection titles)
    used_titles: set[str] = set()

    def fresh_title() -> str:
        title = _title(rng)
        while title in used_titles:
            title = f"{_title(rng)} {len(used_titles)}"
        used_titles.add(title)
        return title

    section_count = max(1, entries // ENTRIES_PER_SECTION)
    groups = max(1, section_count // SECTIONS_PER_GROUP)
    for _ in range(groups):
        sections.append((fresh_title(), [fresh_title() for _ in range(SECTIONS_PER_GROUP - 1)]))

    duplicates = max(3, entries // 2000)
    broken = max(2, entries // 5000)
    defect_at = set(rng.sample(range(entries), min(entries, duplicates + broken)))
    duplicate_at = set(sorted(defect_at)[:duplicates])

    out = [
        "# Awesome Generated [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)",
        "",
        f"> A generated list of {entries:,} entries for benchmarking (seed {seed}).",
        "",
        "## Contents",
        "",
    ]
    for title, subtitles in sections:
        out.append(f"- [{title}](#{_slug(title)})")
        out.extend(f"  - [{sub}](#{_slug(sub)})" for sub in subtitles)
    out.append("- [Missing Section](#missing-section)")  # injected: TOC link to no heading
    out.append("")

    urls: list[str] = []
    slots = [(title, level) for title, subs in sections for title, level in
             [(title, 2), *((sub, 3) for sub in subs)]]  # fmt: skip
    number = 0
    for index, (title, level) in enumerate(slots):
        out += ["#" * level + " " + title, ""]
        if level == 2:
            out += [f"{_description(rng)[:-1]}, collected with care.", ""]
        for _ in range(entries * (index + 1) // len(slots) - entries * index // len(slots)):
            name = _name(rng)
            url = f"https://{rng.choice(HOSTS)}/{_name(rng)}/{name}"
            if number in duplicate_at and urls:
                url = rng.choice(urls)  # injected: the same project listed twice
            elif number in defect_at:
                out.append(f"- [{name}({url}) - {_description(rng)}")  # injected: missing ]
                number += 1
                continue
            urls.append(url)
            line = f"- [{name}]({url}) - {_description(rng)}"
            if rng.random() < 0.03:
                line += f" [docs](https://{name}.example.org/docs)"
            out.append(line)
            if rng.random() < 0.02:
                out.append(f"  - [{_name(rng)}]({url}/tree/main/contrib) - {_description(rng)}")
            number += 1
        out.append("")

    out += [
        "## Contributing",
        "",
        "Contributions welcome! Read the [contribution guidelines](contributing.md) first.",
        "",
        "## License",
        "",
        "[![CC0](https://licensebuttons.net/p/zero/1.0/88x31.png)](https://creativecommons.org/publicdomain/zero/1.0/)",
        "",
    ]
    return "\n".join(out)


ONE_LINE = "# Awesome\n"

# Hostile inputs (label -> text): the two goals, and the two shapes that went over 1 GiB
# (docs/robustness.md). Every one is under the 10 MB size cap.
HOSTILE: dict[str, str] = {
    "1 MB of `[`": "[" * 1_000_000,
    "4 MB line of 200,000 links": "[link](https://x.io) " * 200_000 + "\n",
    "5 MB line of links": "[a](https://x.io) " * (5 * 1024 * 1024 // 18),
    "100,000 table rows": "| a | b |\n|---|---|\n" + "| [x](https://x.io) | y |\n" * 100_000,
}


def main(argv: list[str] | None = None) -> int:
    """Write one generated list."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    text = generate_list(args.entries, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
