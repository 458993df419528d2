"""LL590 unused-suppression."""

from collections.abc import Iterator, Sequence

from listlint.rule import Problem, SuppressionContext, suppression_rule
from listlint.suppress import Directive


@suppression_rule("LL590", "unused-suppression", tags=("suppression",))
def check(directives: Sequence[Directive], ctx: SuppressionContext) -> Iterator[Problem]:
    """A `listlint-disable…` comment that suppresses nothing should be removed.

    Why: a stale suppression hides the next real problem on that line or block, and tells readers
    something is wrong where nothing is (like ruff's unused `noqa`, RUF100). A comment is unused
    when none of the rules it names that ran on the file reported anything it covers; a
    `listlint-enable` comment, and one naming an unknown rule (LL591), are not reported.

    Example: `<!-- listlint-disable-next-line LL101 -->` above a line with no LL101 finding.

    Fix: delete the comment, or narrow it to the rule that still fires.
    """
    for directive in directives:
        if directive.foreign or directive.kind == "enable" or directive.unknown or directive.used:
            continue
        named = directive.codes if directive.codes is not None else {"*"}
        if any(code in ctx.enabled or code == "*" for code in named):
            what = ", ".join(directive.selectors) or "every rule"
            yield Problem(
                directive.span,
                f"`listlint-{directive.kind} {what}` suppresses nothing here; remove it",
            )
