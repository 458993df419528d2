"""Sites a link text may name (``GitHub``, ``arXiv``) and the hosts each one lives on (LL110)."""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from urllib.parse import SplitResult

from msgspec import Struct

# Site name -> (aliases a link text may use, host patterns). A host pattern without "/" matches the
# host and its subdomains ("*" globs allowed); one with "/" matches the start of host + path.
KNOWN_SITES: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "GitHub": (
        ("github",),
        ("github.com", "github.io", "githubusercontent.com", "git.io", "github.blog"),
    ),
    "GitLab": (("gitlab",), ("gitlab.com", "gitlab.io", "gitlab.*")),
    "Bitbucket": (("bitbucket",), ("bitbucket.org", "bitbucket.io")),
    "SourceForge": (("sourceforge",), ("sourceforge.net", "sourceforge.io", "sf.net")),
    "arXiv": (("arxiv",), ("arxiv.org",)),
    "bioRxiv": (("biorxiv",), ("biorxiv.org", "doi.org/10.1101")),
    "medRxiv": (("medrxiv",), ("medrxiv.org", "doi.org/10.1101")),
    "PyPI": (("pypi",), ("pypi.org", "pypi.python.org")),
    "npm": (("npm",), ("npmjs.com", "npmjs.org", "npm.im")),
    "crates.io": (("crates.io", "crates"), ("crates.io",)),
    "docs.rs": (("docs.rs",), ("docs.rs",)),
    "DOI": (("doi",), ("doi.org",)),
    "YouTube": (("youtube",), ("youtube.com", "youtu.be", "youtube-nocookie.com")),
    "Twitter": (("twitter",), ("twitter.com", "x.com", "t.co")),
    "Read the Docs": (
        ("read the docs", "readthedocs"),
        ("readthedocs.io", "readthedocs.org", "rtfd.io"),
    ),
    "Hugging Face": (("hugging face", "huggingface"), ("huggingface.co", "hf.co")),
    "Docker Hub": (("docker hub", "dockerhub"), ("hub.docker.com", "docker.com")),
    "Wikipedia": (("wikipedia",), ("wikipedia.org",)),
    "Stack Overflow": (("stack overflow", "stackoverflow"), ("stackoverflow.com",)),
    "Reddit": (("reddit",), ("reddit.com", "redd.it")),
    "Kaggle": (("kaggle",), ("kaggle.com",)),
    "Colab": (("colab", "google colab"), ("colab.research.google.com",)),
    "Zenodo": (("zenodo",), ("zenodo.org", "doi.org/10.5281")),
    "CRAN": (("cran",), ("cran.r-project.org", "r-project.org", "r-pkg.org")),
    "Bioconductor": (("bioconductor",), ("bioconductor.org",)),
    "LinkedIn": (("linkedin",), ("linkedin.com", "lnkd.in")),
    "Discord": (("discord",), ("discord.gg", "discord.com", "discordapp.com")),
}

# Words a link text may add around a site's name: "GitHub repo", "bioRxiv preprint", "on PyPI".
# Words around a site's name that keep the link text naming the site ("the GitHub repo").
_FILLER = frozenset(
    [
        "the",
        "on",
        "at",
        "via",
        "official",
        "repo",
        "repository",
        "code",
        "source",
        "src",
        "page",
        "link",
        "preprint",
        "paper",
        "profile",
        "package",
        "project",
        "crate",
        "module",
        "library",
        "lib",
        "pdf",
        "version",
        "video",
        "channel",
        "account",
        "org",
        "organization",
        "mirror",
        "release",
        "releases",
    ]
)
_WORDS = re.compile(r"[^\w.+\s-]+")


class Site(Struct, frozen=True):
    """A site a link text can name, and the hosts its links go to."""

    name: str
    aliases: tuple[str, ...]  # lower-case words the link text may name the site by
    hosts: tuple[str, ...]

    def serves(self, url: SplitResult) -> bool:
        """Whether ``url`` is on one of this site's hosts."""
        host = (url.hostname or "").rstrip(".")
        for pattern in self.hosts:
            if "/" in pattern:
                site_host, path = pattern.split("/", 1)
                on_host = host == site_host or host.endswith("." + site_host)
                if on_host and (url.path.lstrip("/") + "/").startswith(path.rstrip("/") + "/"):
                    return True
            elif "*" in pattern:
                if fnmatch.fnmatchcase(host, pattern) or fnmatch.fnmatchcase(host, "*." + pattern):
                    return True
            elif host == pattern or host.endswith("." + pattern):
                return True
        return False


class Sites:
    """The sites link texts can name, indexed by alias (iterable as :class:`Site`)."""

    def __init__(self, sites: Iterable[Site]) -> None:
        self._sites = tuple(sites)
        self._by_alias: dict[str, tuple[int, Site]] = {}
        for rank, site in enumerate(self._sites):
            for alias in site.aliases:
                self._by_alias.setdefault(alias, (rank, site))
        self._longest = max((len(alias.split()) for alias in self._by_alias), default=0)

    def __iter__(self) -> Iterator[Site]:
        return iter(self._sites)

    def named(self, words: Sequence[str]) -> Site | None:
        """The first site (in table order) whose alias is ``words`` bar filler words at the ends."""
        leading = next((i for i, word in enumerate(words) if word not in _FILLER), len(words))
        trailing = next(
            (i for i, word in enumerate(reversed(words)) if word not in _FILLER), len(words)
        )
        found: list[tuple[int, Site]] = []
        for start in range(leading + 1):
            for end in range(max(start + 1, len(words) - trailing), len(words) + 1):
                if end - start > self._longest:
                    break
                match = self._by_alias.get(" ".join(words[start:end]))
                if match is not None:
                    found.append(match)
        return min(found, key=lambda match: match[0])[1] if found else None


def known_sites(extra: Mapping[str, Sequence[str]] | None = None) -> Sites:
    """The built-in sites plus ``extra`` (name -> host patterns; the name is also the alias)."""
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = dict(KNOWN_SITES)
    for name, hosts in (extra or {}).items():
        aliases, known = table.get(name, ((name.lower(),), ()))
        table[name] = (aliases, known + tuple(hosts))
    return Sites(Site(name, aliases, hosts) for name, (aliases, hosts) in table.items())


def named_site(text: str, sites: Sites) -> Site | None:
    """The site a link text names on its own (``GitHub``, ``[arXiv paper]``), if any."""
    words = " ".join(_WORDS.sub(" ", text.lower()).split()).strip(" .-")
    return sites.named(words.split()) if words else None
