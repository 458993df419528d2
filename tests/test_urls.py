"""Specification of URL identity: which URLs are the same resource or project."""

import pytest

from listlint.urls import host_of, normalize_url, project_key

# (url_a, url_b, equal, why): is normalize_url(url_a) == normalize_url(url_b)?
SAME_RESOURCE = [
    # Generic URL syntax.
    ("http://example.com/a", "https://example.com/a", True, "http is https"),
    ("https://www.example.com/a", "https://example.com/a", True, "www prefix"),
    ("https://EXAMPLE.com/a", "https://example.com/a", True, "host case"),
    ("https://example.com./a", "https://example.com/a", True, "host trailing dot"),
    ("http://example.com:80/a", "https://example.com/a", True, "http default port"),
    ("https://example.com:443/a", "https://example.com/a", True, "https port"),
    ("https://user:pw@example.com/a", "https://example.com/a", True, "user info"),
    ("https://example.com/a/", "https://example.com/a", True, "trailing slash"),
    ("https://example.com/", "https://example.com", True, "root slash"),
    ("https://example.com/a/index.html", "https://example.com/a/", True, "index.html"),
    ("https://example.com/index.htm", "https://example.com", True, "index.htm"),
    ("https://example.com/%7Euser/%61", "https://example.com/~user/a", True, "%XX"),
    ("https://example.com/a%2fb", "https://example.com/a%2Fb", True, "escape case"),
    ("https://example.com/caf\u00e9", "https://example.com/caf%C3%A9", True, "IRI"),
    ("https://example.com/a?utm_source=x", "https://example.com/a", True, "utm_*"),
    ("https://example.com/a?UTM_Medium=x", "https://example.com/a", True, "UTM"),
    ("https://example.com/a?ref=hn&q=1", "https://example.com/a?q=1", True, "ref"),
    ("https://example.com/a?fbclid=1", "https://example.com/a", True, "fbclid"),
    ("https://example.com/a?gclid=1&", "https://example.com/a", True, "gclid"),
    ("https://example.com/a?", "https://example.com/a", True, "empty query"),
    ("https://example.com/a#readme", "https://example.com/a", True, "#readme"),
    ("https://example.com/a#top", "https://example.com/a", True, "#top"),
    ("https://example.com/a#", "https://example.com/a", True, "empty fragment"),
    # GitHub.
    (
        "https://github.com/Owner/Repo",
        "https://github.com/owner/repo",
        True,
        "repo case",
    ),
    ("https://github.com/Owner", "https://github.com/owner", True, "gh user case"),
    ("https://github.com/o/r.git", "https://github.com/o/r", True, ".git"),
    (
        "https://github.com/o/r/tree/master",
        "https://github.com/o/r",
        True,
        "tree/master",
    ),
    ("https://github.com/o/r/tree/main/", "https://github.com/o/r", True, "tree/main/"),
    ("https://github.com/o/r/tree/HEAD", "https://github.com/o/r", True, "tree/HEAD"),
    (
        "https://github.com/o/r/blob/master/README.md",
        "https://github.com/o/r",
        True,
        "root README blob is the repository page",
    ),
    (
        "https://github.com/o/r/blob/main/readme.rst",
        "https://github.com/o/r",
        True,
        "README name case and extension",
    ),
    ("https://github.com/o/r#readme", "https://github.com/o/r", True, "repo #readme"),
    (
        "https://github.com/o/r?tab=readme-ov-file",
        "https://github.com/o/r",
        True,
        "GitHub's default README tab",
    ),
    (
        "https://github.com/O/R/blob/main/docs/Guide.md",
        "https://github.com/o/r/blob/main/docs/Guide.md",
        True,
        "only owner/repo case folds",
    ),
    (
        "https://github.com/o/r/blob/main/docs/Guide.md",
        "https://github.com/o/r/blob/main/docs/guide.md",
        False,
        "file path case matters on GitHub",
    ),
    ("https://github.com/o/r/issues", "https://github.com/o/r", False, "subpage"),
    ("https://github.com/a/x", "https://github.com/b/x", False, "fork"),
    ("https://github.com/o/x", "https://github.com/o/y", False, "other repo"),
    ("https://github.com/o/r/tree/dev", "https://github.com/o/r", False, "branch"),
    (
        "https://github.com/o/r/blob/master/docs/README.md",
        "https://github.com/o/r",
        False,
        "a README below the root is another file",
    ),
    (
        "https://github.com/o/r/blob/master/index.html",
        "https://github.com/o/r/blob/master",
        False,
        "index.html in a repository is a file",
    ),
    (
        "https://github.com/o/r/blob/main/x.py#L10",
        "https://github.com/o/r/blob/main/x.py",
        False,
        "line anchors are kept",
    ),
    ("http://o.github.io/r/", "https://github.com/o/r", False, "Pages site"),
    ("https://github.com/topics/Go", "https://github.com/topics/go", False, "topic"),
    # GitLab.
    (
        "https://gitlab.com/G/Sub/P",
        "https://gitlab.com/g/sub/p",
        True,
        "GitLab namespace case",
    ),
    ("https://gitlab.com/g/p.git", "https://gitlab.com/g/p", True, "GitLab .git"),
    ("https://gitlab.com/g/p/-/tree/main", "https://gitlab.com/g/p", True, "/-/tree"),
    (
        "https://gitlab.com/g/p/tree/master",
        "https://gitlab.com/g/p",
        True,
        "legacy tree",
    ),
    (
        "https://gitlab.com/g/p/-/blob/master/README.md",
        "https://gitlab.com/g/p",
        True,
        "GitLab root README",
    ),
    (
        "https://gitlab.com/g/p/issues",
        "https://gitlab.com/g/p/-/issues",
        True,
        "GitLab legacy pages redirect to /-/",
    ),
    (
        "https://gitlab.com/g/p/-/blob/main/Doc.md",
        "https://gitlab.com/g/p/-/blob/main/doc.md",
        False,
        "file path case matters on GitLab",
    ),
    (
        "https://gitlab.com/g/a",
        "https://gitlab.com/g/a/b",
        False,
        "project vs subgroup project",
    ),
    # DOI.
    ("https://dx.doi.org/10.1000/X", "https://doi.org/10.1000/x", True, "dx.doi.org"),
    ("http://www.doi.org/10.1000/x", "https://doi.org/10.1000/x", True, "www.doi.org"),
    ("https://doi.org/10.1000/a%2Fb", "https://doi.org/10.1000/a/b", True, "DOI %2F"),
    (
        "https://doi.org/10.1002/(SICI)1097",
        "https://doi.org/10.1002/%28sici%291097",
        True,
        "DOI percent-encoding and case",
    ),
    ("https://doi.org/10.1000/1", "https://doi.org/10.1000/2", False, "other DOI"),
    # arXiv.
    (
        "https://arxiv.org/pdf/1234.5678v2.pdf",
        "https://arxiv.org/abs/1234.5678",
        True,
        "arXiv pdf, version and .pdf",
    ),
    (
        "https://arxiv.org/abs/2101.00001v3",
        "http://arxiv.org/abs/2101.00001",
        True,
        "arXiv version on abs",
    ),
    (
        "https://arxiv.org/html/2401.12345v1",
        "https://arxiv.org/abs/2401.12345",
        True,
        "arXiv html view",
    ),
    (
        "https://export.arxiv.org/abs/1234.5678",
        "https://arxiv.org/abs/1234.5678",
        True,
        "export.arxiv.org mirror",
    ),
    (
        "https://arxiv.org/pdf/q-bio/0601001v1",
        "https://arxiv.org/abs/q-bio/0601001",
        True,
        "old-style arXiv id",
    ),
    (
        "https://arxiv.org/abs/1234.5678",
        "https://arxiv.org/abs/1234.5679",
        False,
        "other arXiv id",
    ),
    (
        "https://arxiv.org/abs/hep-th/9901001",
        "https://arxiv.org/abs/hep-ph/9901001",
        False,
        "old-style ids differ by archive",
    ),
    # bioRxiv / medRxiv.
    (
        "https://www.biorxiv.org/content/10.1101/331181v1.full.pdf",
        "https://biorxiv.org/content/10.1101/331181",
        True,
        "bioRxiv .full.pdf and version",
    ),
    (
        "https://www.biorxiv.org/content/10.1101/331181v2.full",
        "https://www.biorxiv.org/content/10.1101/331181v1",
        True,
        "bioRxiv versions and .full",
    ),
    (
        "https://www.biorxiv.org/content/early/2018/05/25/331181",
        "https://www.biorxiv.org/content/10.1101/331181v1",
        True,
        "bioRxiv early-style URL",
    ),
    (
        "https://www.biorxiv.org/content/biorxiv/early/2018/05/25/331181.full.pdf",
        "https://www.biorxiv.org/content/10.1101/331181",
        True,
        "bioRxiv early-style PDF",
    ),
    (
        "https://www.medrxiv.org/content/10.1101/2020.03.15.20036707v2.abstract",
        "https://medrxiv.org/content/10.1101/2020.03.15.20036707",
        True,
        "medRxiv date-style id",
    ),
    (
        "https://www.biorxiv.org/content/10.1101/331181",
        "https://www.biorxiv.org/content/10.1101/331182",
        False,
        "different preprints",
    ),
    # PyPI and npm.
    (
        "https://pypi.python.org/pypi/Foo_Bar",
        "https://pypi.org/project/foo-bar/",
        True,
        "legacy PyPI URL and PEP 503 name",
    ),
    (
        "https://pypi.org/project/a.-_b",
        "https://pypi.org/project/A-B",
        True,
        "PEP 503 separators",
    ),
    (
        "https://pypi.org/project/a/1.0",
        "https://pypi.org/project/a",
        False,
        "PyPI release page",
    ),
    (
        "https://www.npmjs.org/package/left-pad",
        "https://npmjs.com/package/left-pad",
        True,
        "npmjs.org is npmjs.com",
    ),
    (
        "https://www.npmjs.com/package/JSONStream",
        "https://www.npmjs.com/package/jsonstream",
        False,
        "npm names are case-sensitive",
    ),
    # Things that stay distinct.
    ("https://example.com/A", "https://example.com/a", False, "path case"),
    ("https://example.com/a", "https://example.com/a/b", False, "deeper path"),
    ("https://example.com/a", "https://example.org/a", False, "other host"),
    ("https://example.com/a", "https://sub.example.com/a", False, "subdomain"),
    ("http://example.com:443/a", "https://example.com/a", False, "non-default port"),
    ("https://example.com:8080/", "https://example.com/", False, "explicit port"),
    ("https://example.com/a?q=1", "https://example.com/a?q=2", False, "query value"),
    (
        "https://example.com/a?x=1&y=2",
        "https://example.com/a?y=2&x=1",
        False,
        "query order",
    ),
    ("https://example.com/a#intro", "https://example.com/a", False, "fragment kept"),
    ("https://example.com/#!/a", "https://example.com/#!/b", False, "hash routing"),
    ("https://example.com/index.php", "https://example.com", False, "index.php"),
    ("https://example.com/a/b.git", "https://example.com/a/b", False, ".git elsewhere"),
    ("https://example.com/a%2Fb", "https://example.com/a/b", False, "escaped slash"),
    (
        "https://example.com/a?reference=1",
        "https://example.com/a",
        False,
        "only exact names are tracking",
    ),
    ("https://example.com/a", "ftp://example.com/a", False, "other scheme"),
    ("git+https://github.com/o/r", "https://github.com/o/r", False, "git+https"),
    ("http://example.com:8080/", "https://example.com:8080/", False, "TLS on port"),
]

# (url_a, url_b, equal, why): is project_key(url_a) == project_key(url_b)?
SAME_PROJECT = [
    ("https://github.com/o/r/issues", "https://github.com/O/R.git", True, "issues"),
    ("https://github.com/o/r/wiki/Home", "https://github.com/o/r", True, "wiki"),
    ("https://github.com/a/x", "https://github.com/b/x", False, "forks"),
    ("https://github.com/o/x", "https://github.com/o/xy", False, "other repo"),
    (
        "https://gitlab.com/g/s/p/-/issues/1",
        "https://gitlab.com/G/S/P",
        True,
        "gl issue",
    ),
    ("https://gitlab.com/g/s/p", "https://gitlab.com/g/s/q", False, "GitLab repos"),
    (
        "https://arxiv.org/pdf/1234.5678v2",
        "https://arxiv.org/abs/1234.5678",
        True,
        "arXiv pdf",
    ),
    (
        "https://arxiv.org/abs/1234.5678",
        "https://arxiv.org/abs/1234.5677",
        False,
        "arXiv ids",
    ),
    (
        "https://www.biorxiv.org/content/early/2018/05/25/331181.full.pdf",
        "https://doi.org/10.1101/331181",
        True,
        "a bioRxiv preprint is its DOI",
    ),
    (
        "https://www.medrxiv.org/content/10.1101/2020.03.15.20036707v1",
        "https://dx.doi.org/10.1101/2020.03.15.20036707",
        True,
        "a medRxiv preprint is its DOI",
    ),
    (
        "https://pypi.org/project/Foo/1.0/",
        "https://pypi.python.org/pypi/foo",
        True,
        "PyPI release page and legacy URL",
    ),
    (
        "https://pypi.org/project/foo",
        "https://pypi.org/project/foo2",
        False,
        "PyPI names",
    ),
    (
        "https://www.npmjs.com/package/@scope/name/v/1.0.0",
        "https://npmjs.org/package/@scope/name",
        True,
        "npm scoped package version page",
    ),
    (
        "https://npmjs.com/package/@scope/a",
        "https://npmjs.com/package/@scope/b",
        False,
        "npm packages in one scope",
    ),
    ("https://doi.org/10.1000/ABC", "https://dx.doi.org/10.1000/abc", True, "DOI case"),
]

PROJECT_KEYS = [
    ("https://www.github.com/Owner/Repo/pull/3", "github.com/owner/repo"),
    ("https://gitlab.com/Group/Sub/Proj/-/tree/dev", "gitlab.com/group/sub/proj"),
    ("https://arxiv.org/pdf/1234.5678v2.pdf", "arxiv.org/abs/1234.5678"),
    ("https://arxiv.org/abs/q-bio/0601001v3", "arxiv.org/abs/q-bio/0601001"),
    ("https://pypi.python.org/pypi/Zope.Interface", "pypi.org/project/zope-interface"),
    ("https://www.npmjs.com/package/left-pad", "npmjs.com/package/left-pad"),
    ("https://doi.org/10.1038/NATURE14539", "doi.org/10.1038/nature14539"),
    ("https://www.biorxiv.org/content/10.1101/331181v2", "doi.org/10.1101/331181"),
    ("https://github.com/owner", None),
    ("https://github.com/topics/rust", None),
    ("https://gitlab.com/group", None),
    ("https://o.github.io/r/", None),
    ("https://arxiv.org/list/cs.LG/recent", None),
    ("https://pypi.org/", None),
    ("https://doi.org/", None),
    ("https://example.com/o/r", None),
    ("mailto:someone@example.com", None),
    ("", None),
]

HOSTS = [
    ("https://WWW.Example.COM:8080/x", "example.com"),
    ("http://user@example.com./", "example.com"),
    ("https://[::1]:8080/", "[::1]"),
    ("//cdn.example.com/x", "cdn.example.com"),
    ("https://wwwexample.com/", "wwwexample.com"),
    ("mailto:someone@example.com", ""),
    ("/relative/path", ""),
    ("#fragment", ""),
    ("", ""),
    ("http://[::1/", ""),
]

# Non-http(s) input is its own identity, stripped of surrounding whitespace.
OTHER_INPUT = [
    ("", ""),
    ("   ", ""),
    ("#section", "#section"),
    (" ./docs/Guide.md ", "./docs/Guide.md"),
    ("mailto:someone@example.com", "mailto:someone@example.com"),
    ("ftp://example.com/a/", "ftp://example.com/a/"),
    ("https://", "https://"),
    ("http:///path", "http:///path"),
    ("http://[::1/", "http://[::1/"),
    ("github.com/o/r", "github.com/o/r"),
]


def _ids(rows: list[tuple[str, str, bool, str]]) -> list[str]:
    return [f"{'==' if equal else '!='} {why}" for _, _, equal, why in rows]


@pytest.mark.parametrize(("url_a", "url_b", "equal", "why"), SAME_RESOURCE, ids=_ids(SAME_RESOURCE))
def test_normalize_url(url_a: str, url_b: str, equal: bool, why: str) -> None:
    key_a, key_b = normalize_url(url_a), normalize_url(url_b)
    assert (key_a == key_b) is equal, f"{why}: {key_a!r} vs {key_b!r}"


@pytest.mark.parametrize(("url_a", "url_b", "equal", "why"), SAME_PROJECT, ids=_ids(SAME_PROJECT))
def test_project_key_equality(url_a: str, url_b: str, equal: bool, why: str) -> None:
    key_a, key_b = project_key(url_a), project_key(url_b)
    assert key_a is not None and key_b is not None
    assert (key_a == key_b) is equal, f"{why}: {key_a!r} vs {key_b!r}"


@pytest.mark.parametrize(("url", "key"), PROJECT_KEYS)
def test_project_key(url: str, key: str | None) -> None:
    assert project_key(url) == key


@pytest.mark.parametrize(("url", "host"), HOSTS)
def test_host_of(url: str, host: str) -> None:
    assert host_of(url) == host


@pytest.mark.parametrize(("url", "key"), OTHER_INPUT)
def test_non_http_input_is_its_own_key(url: str, key: str) -> None:
    assert normalize_url(url) == key
    assert project_key(url) is None


ALL_URLS = [url for row in SAME_RESOURCE + SAME_PROJECT for url in row[:2]]


@pytest.mark.parametrize("url", ALL_URLS)
def test_key_normalizes_to_itself(url: str) -> None:
    assert normalize_url(normalize_url(url)) == normalize_url(url)


def test_key_example() -> None:
    key = normalize_url("HTTP://WWW.GitHub.com:80/Owner/Repo.git/tree/master/#readme")
    assert key == "https://github.com/owner/repo"
    assert normalize_url(key) == key


def test_subpage_is_same_project_but_not_same_url() -> None:
    issues, repo = "https://github.com/o/r/issues", "https://github.com/o/r"
    assert project_key(issues) == project_key(repo) == "github.com/o/r"
    assert normalize_url(issues) != normalize_url(repo)


HOSTILE = [
    "/" * 100_000,
    "%" * 100_000,
    "%2" * 50_000,
    "?&=" * 33_000,
    ":" * 100_000,
    "http://" + ":" * 100_000,
    "http://" + "@:" * 50_000,
    "http://[" + ":" * 100_000,
    "https://example.com/" + "%41" * 33_000,
    "https://example.com/?" + "utm_x=1&" * 12_000,
    "https://example.com/#" + "%" * 100_000,
    "https://github.com/" + "a/" * 50_000,
    "https://github.com/o/r/" + "tree/" * 20_000,
    "https://gitlab.com/" + "a/" * 50_000,
    "https://gitlab.com/" + "-/" * 50_000,
    "https://arxiv.org/abs/" + "1" * 100_000,
    "https://arxiv.org/abs/" + "a-" * 50_000 + "/1",
    "https://biorxiv.org/content/early/" + "1" * 100_000,
    "https://biorxiv.org/content/10.1101/" + "1v" * 50_000,
    "https://doi.org/10." + "%" * 100_000,
    "https://pypi.org/project/" + "-_." * 33_000,
    "https://npmjs.com/package/" + "@/" * 50_000,
    "https://example.com/\ud800" * 1_000,
    "https://ex\u00e4mple.com/\u00e9" * 10_000,
]


@pytest.mark.parametrize("url", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_returns(url: str) -> None:
    assert isinstance(normalize_url(url), str)
    assert project_key(url) is None or isinstance(project_key(url), str)
    assert isinstance(host_of(url), str)
