"""LL591 unknown-suppression-rule."""

from collections.abc import Iterator, Sequence

from listlint.rule import Problem, SuppressionContext, suppression_rule
from listlint.suppress import Directive


@suppression_rule("LL591", "unknown-suppression-rule", severity="error", tags=("suppression",))
def check(directives: Sequence[Directive], ctx: SuppressionContext) -> Iterator[Problem]:
    """A suppression comment must name rules that exist.

    Why: a misspelt code (`LL2O1`) suppresses nothing, so the finding it was meant to silence still
    appears, or a later one slips through unnoticed.

    Example: `<!-- listlint-disable LL999 -->`

    Fix: use a code, prefix or name from `listlint rules`, or no code at all to mean every rule.
    """
    for directive in directives:
        if directive.unknown and not directive.foreign:
            names = ", ".join(directive.unknown)
            yield Problem(
                directive.span,
                f"suppression names no known rule: {names}; run `listlint rules` for the codes",
            )
