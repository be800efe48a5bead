"""Public country profiles: a page, a PDF brief and an API answer per country (:mod:`qualbridge.profiles`)."""
