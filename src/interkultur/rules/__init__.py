"""The rule grammar of the catalogue, parsed into objects that compute dates.

Public surface: ``parse_rule``, ``Rule``, ``Start``, ``Context``,
``RuleSyntaxError`` and the Jewish variant names.
"""

from .base import DEFAULT_JEWISH, JEWISH_VARIANTS, Context, Rule, RuleSyntaxError, Start
from .grammar import parse_rule

__all__ = [
    "DEFAULT_JEWISH",
    "JEWISH_VARIANTS",
    "Context",
    "Rule",
    "RuleSyntaxError",
    "Start",
    "parse_rule",
]
