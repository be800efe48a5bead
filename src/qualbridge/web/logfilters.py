"""Logging filters: a refused request (4xx) is one line in the log, never a traceback.

Django logs a ``PermissionDenied`` or a bad request on ``django.request`` with the exception attached,
so every 403 wrote a full traceback; a refusal is expected traffic, not an error of the server.
"""

from __future__ import annotations

import logging


class ClientErrorsInOneLine(logging.Filter):
    """Drop the traceback of a record about a 4xx response (server errors keep theirs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
