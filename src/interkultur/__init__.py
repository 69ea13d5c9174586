"""interkultur: an intercultural holiday calendar.

Layers, in the only direction data flows:
``calendars`` (conversions to and from ``datetime.date``, computus, astronomy)
-> ``rules`` (the rule grammar of the catalogue) -> ``catalog`` (load and
validate ``holidays.yaml``) -> ``engine`` (occurrences for a range, variants,
cache) -> views (``cli``, ``ical``, ``web``).
"""

__version__ = "0.1.0"
