"""The calendars of the rule grammar, one module each; every module registers itself.

``registry.discover`` imports each module here. A new calendar is one module:
set ``ORDER``, define its ``Rule`` classes, decorate each parser with
``@registry.anchor(calendar, pattern, example)`` and declare the day-number
conversion with ``registry.conversion`` (the date arithmetic itself belongs in
``interkultur.calendars``, which knows nothing of rules).
"""
