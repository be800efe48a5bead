"""The office's consistency page: its decisions by country, type, purpose, evaluator and month, and the
decisions unlike their precedents (:mod:`qualbridge.analytics.consistency`), as charts and as CSV."""
