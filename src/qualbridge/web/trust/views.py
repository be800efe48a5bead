"""Public documents a verifier anywhere can fetch: the offices' DID documents and the statement context."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_GET

from qualbridge.statements.documentloader import QUALBRIDGE_V1, QUALBRIDGE_V2, context_bytes
from qualbridge.web.accounts.models import Office
from qualbridge.web.trust.did import did_document

JSONLD = "application/ld+json"


@require_GET
def office_did(request: HttpRequest, slug: str) -> JsonResponse:
    """``/offices/<slug>/did.json``: what ``did:web:<host>:offices:<slug>`` resolves to."""
    office = Office.objects.filter(slug=slug).first()
    if office is None:
        raise Http404(f"No office {slug!r} here.")
    response = JsonResponse(did_document(office), content_type="application/did+json")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=300"
    return response


def _context(document: str) -> HttpResponse:
    """A statement context, byte for byte the bundled copy; versioned, so cached as immutable."""
    response = HttpResponse(context_bytes(document), content_type=JSONLD)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@require_GET
def statement_context(request: HttpRequest) -> HttpResponse:
    """Version 1 of the statement context (recognition statements)."""
    return _context(QUALBRIDGE_V1)


@require_GET
def statement_context_v2(request: HttpRequest) -> HttpResponse:
    """Version 2: version 1's terms and the qualifications passport's."""
    return _context(QUALBRIDGE_V2)
