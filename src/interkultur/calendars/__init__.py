"""Calendar arithmetic.

Every calendar here converts to and from one spine, ``datetime.date`` (whose
``toordinal()`` is the fixed day number of Calendrical Calculations); no module
converts calendar A to calendar B directly. The arithmetic itself comes from
well-kept libraries (convertdate, hijridate, ephem); these modules only adapt
their interfaces and name their months.
"""
