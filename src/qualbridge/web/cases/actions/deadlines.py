"""Deadline arithmetic of a case, from the office's policy (``casework`` in ``data/policies``).

The clock starts when the file is complete and runs to the policy's time limit, never more than the
policy's cap in months (the Revised Recommendation: four months). It stops when the case is decided;
an appeal restarts it with the appeal's own limit. The appeal window is the policy's too.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from qualbridge.evaluate.policy import Policy


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, clamped to the month's end.

    >>> add_months(date(2026, 10, 31), 4)
    datetime.date(2027, 2, 28)
    """
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def decision_deadline(policy: Policy, start: date) -> date:
    """The policy's time limit from ``start`` (a complete file), never past its cap in months."""
    cap = add_months(start, policy.casework.time_limit_months)
    return min(cap, start + timedelta(days=policy.time_limit_days))


def appeal_decision_deadline(policy: Policy, lodged: date) -> date:
    """When a decision on an appeal lodged on ``lodged`` is due (the appeal's own limit)."""
    cap = add_months(lodged, policy.casework.time_limit_months)
    return min(cap, lodged + timedelta(days=policy.casework.appeal_time_limit_days))


def appeal_deadline(policy: Policy, decided: date) -> date:
    """The last day to appeal against a decision made on ``decided``."""
    return decided + timedelta(days=policy.casework.appeal_days)
