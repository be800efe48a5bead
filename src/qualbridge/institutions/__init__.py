"""Institution registry: sourced lists of institutions, recognition status, and name matching.

>>> from qualbridge.institutions import match
>>> match("Univ. of Tokyo", country="JP").best.id
'jp/tokyo-daigaku'
"""

from qualbridge.institutions.loader import get_institutions, load_institutions, match, match_many
from qualbridge.institutions.matcher import Candidate, Matcher, MatchResult
from qualbridge.institutions.models import Institution, InstitutionFile, RecognitionStatus

__all__ = [
    "Candidate",
    "Institution",
    "InstitutionFile",
    "MatchResult",
    "Matcher",
    "RecognitionStatus",
    "get_institutions",
    "load_institutions",
    "match",
    "match_many",
]
