"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C vc-di-eddsa).

Signing, per the cryptosuite: canonicalise the proof configuration (the proof options with the
document's ``@context``) and the unsecured document with RDFC-1.0 (pyld's URDNA2015, N-Quads out),
hash each with SHA-256, concatenate ``hash(proof config) || hash(document)``, sign those 64 bytes with
Ed25519 and encode the signature as base58btc multibase (``proofValue``, ``z...``). Verification
redoes the same from the signed document. Every JSON-LD step uses the offline loader.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from pyld import jsonld

from qualbridge.statements.documentloader import pyld_options
from qualbridge.statements.errors import InvalidCredential, InvalidKey, UnknownContext
from qualbridge.statements.multikey import (
    KeyPair,
    multibase_b58_decode,
    multibase_b58_encode,
    resolve_verification_method,
)

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
KeyResolver = Callable[[str], KeyPair]


def xsd_datetime(moment: datetime | None = None) -> str:
    """``2023-02-24T23:36:38Z``: an XMLSchema dateTime in UTC, to the second."""
    moment = (moment or datetime.now(UTC)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def unwrap_jsonld_error(exc: BaseException) -> BaseException:
    """The qualbridge error behind a pyld error (pyld wraps whatever the loader raised)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, UnknownContext):
            return current
        details = getattr(current, "details", None)
        cause = details.get("cause") if isinstance(details, dict) else None
        current = cause if isinstance(cause, BaseException) else (current.__cause__ or current.__context__)
    return exc


def jsonld_failure(exc: BaseException) -> Exception:
    """The error to raise for a failed pyld call: an unknown context as such, else invalid JSON-LD."""
    inner = unwrap_jsonld_error(exc)
    if isinstance(inner, UnknownContext):
        return inner
    return InvalidCredential(f"The document is not valid JSON-LD: {getattr(exc, 'args', [exc])[0]}")


def canonicalize(document: Mapping[str, Any]) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document (offline)."""
    try:
        result = jsonld.normalize(
            copy.deepcopy(dict(document)),
            pyld_options(algorithm="URDNA2015", format="application/n-quads"),
        )
    except jsonld.JsonLdError as exc:
        raise jsonld_failure(exc) from None
    if not isinstance(result, str):
        raise InvalidCredential("Canonicalisation did not produce N-Quads.")
    return result


def hash_data(canonical_proof_config: str, canonical_document: str) -> bytes:
    """``SHA-256(proof config) || SHA-256(document)``: the 64 bytes that are signed."""
    return (
        hashlib.sha256(canonical_proof_config.encode("utf-8")).digest()
        + hashlib.sha256(canonical_document.encode("utf-8")).digest()
    )


def proof_configuration(document: Mapping[str, Any], proof_options: Mapping[str, Any]) -> dict[str, Any]:
    """The proof options without ``proofValue``, carrying the document's ``@context``."""
    config = {k: copy.deepcopy(v) for k, v in proof_options.items() if k not in ("proofValue", "@context")}
    if config.get("type") != PROOF_TYPE or config.get("cryptosuite") != CRYPTOSUITE:
        raise InvalidCredential(
            f"Proof type {config.get('type')!r} / cryptosuite {config.get('cryptosuite')!r} is not "
            f"{PROOF_TYPE!r} / {CRYPTOSUITE!r}."
        )
    created = config.get("created")
    if created is not None and not _is_datetime(created):
        raise InvalidCredential(f"Proof 'created' {created!r} is not an XMLSchema dateTime.")
    config["@context"] = copy.deepcopy(proof_options.get("@context", document.get("@context")))
    return config


def _is_datetime(value: Any) -> bool:
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def create_proof(
    document: Mapping[str, Any],
    key: KeyPair,
    *,
    created: str | None = None,
    verification_method: str | None = None,
    proof_purpose: str = "assertionMethod",
    proof_id: str | None = None,
) -> dict[str, Any]:
    """A ``DataIntegrityProof`` over ``document`` (which must not carry a proof yet).

    ``proof_id`` names the proof so a later proof can chain to it (``previousProof``).
    """
    if "proof" in document:
        raise InvalidCredential("The document already has a proof; sign the unsecured document.")
    options: dict[str, Any] = {
        **({"id": proof_id} if proof_id else {}),
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created or xsd_datetime(),
        "verificationMethod": verification_method or key.verification_method,
        "proofPurpose": proof_purpose,
    }
    config = proof_configuration(document, options)
    signature = key.sign(hash_data(canonicalize(config), canonicalize(document)))
    return {**options, "proofValue": multibase_b58_encode(signature)}


def sign(document: Mapping[str, Any], key: KeyPair, **options: Any) -> dict[str, Any]:
    """``document`` with an ``eddsa-rdfc-2022`` proof added (the input is not modified)."""
    return {**copy.deepcopy(dict(document)), "proof": create_proof(document, key, **options)}


def split_proof(secured: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(unsecured document, proof) of a secured document with a single proof."""
    proof = secured.get("proof")
    if not isinstance(proof, Mapping):
        kind = "a proof set" if isinstance(proof, list) else "no proof"
        raise InvalidCredential(f"The document has {kind}; exactly one proof object is expected.")
    unsecured = {k: copy.deepcopy(v) for k, v in secured.items() if k != "proof"}
    return unsecured, dict(proof)


def proofs_of(secured: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The document's proofs: one object, or every member of a proof set (W3C Data Integrity §2.1.1)."""
    proof = secured.get("proof")
    items: list[Any] = proof if isinstance(proof, list) else [proof]
    found = [dict(p) for p in items if isinstance(p, Mapping)]
    if not found or len(found) != len(items):
        raise InvalidCredential("proof must be a proof object or a non-empty list of them.")
    return found


def _chain_input(unsecured: dict[str, Any], proof: Mapping[str, Any], proofs: list[dict[str, Any]]) -> None:
    """For a chained proof, put the proofs it names (``previousProof``) into the document it signed."""
    previous = proof.get("previousProof")
    if previous is None:
        return
    wanted = previous if isinstance(previous, list) else [previous]
    by_id = {p.get("id"): p for p in proofs if isinstance(p.get("id"), str)}
    missing = [w for w in wanted if w not in by_id]
    if missing or not all(isinstance(w, str) for w in wanted):
        raise InvalidCredential(
            f"previousProof names proofs that are not in the proof set: {missing or wanted}."
        )
    unsecured["proof"] = [copy.deepcopy(by_id[w]) for w in wanted]


def add_proof(
    secured: Mapping[str, Any], key: KeyPair, *, previous_proof: str | list[str] | None = None, **options: Any
) -> dict[str, Any]:
    """``secured`` with one more proof (a proof set; chained to ``previous_proof`` when given)."""
    existing = proofs_of(secured) if "proof" in secured else []
    unsecured = {k: copy.deepcopy(v) for k, v in secured.items() if k != "proof"}
    if previous_proof is None:
        proof = create_proof(unsecured, key, **options)
    else:
        chained = dict(unsecured)
        _chain_input(chained, {"previousProof": previous_proof}, existing)
        body = {k: v for k, v in chained.items() if k != "proof"}
        config_extra = {"previousProof": previous_proof}
        proof = _create_chained(body, chained["proof"], key, config_extra, **options)
    return {**unsecured, "proof": [*existing, proof] if existing else proof}


def _create_chained(
    body: dict[str, Any], previous: list[dict[str, Any]], key: KeyPair, extra: dict[str, Any], **options: Any
) -> dict[str, Any]:
    proof = create_proof(body, key, **options)
    proof.pop("proofValue")
    proof.update(extra)
    config = proof_configuration(body, proof)
    signed_doc = {**body, "proof": previous}
    signature = key.sign(hash_data(canonicalize(config), canonicalize(signed_doc)))
    return {**proof, "proofValue": multibase_b58_encode(signature)}


def verify_proof(
    secured: Mapping[str, Any], *, resolve_key: KeyResolver = resolve_verification_method
) -> bool:
    """Whether the document's one ``eddsa-rdfc-2022`` signature is valid (see :func:`verify_proofs`)."""
    unsecured, proof = split_proof(secured)
    return verify_one(unsecured, proof, [proof], resolve_key)


def verify_proofs(
    secured: Mapping[str, Any], *, resolve_key: KeyResolver = resolve_verification_method
) -> list[tuple[dict[str, Any], bool]]:
    """Each proof of the document (a single proof, a set, a chain) with whether its signature is valid.

    Malformed proofs, unknown contexts and unresolvable keys raise typed errors; a well-formed
    proof that does not match the document is reported False.
    """
    proofs = proofs_of(secured)
    unsecured = {k: copy.deepcopy(v) for k, v in secured.items() if k != "proof"}
    return [(proof, verify_one(unsecured, proof, proofs, resolve_key)) for proof in proofs]


def verify_one(
    unsecured: Mapping[str, Any],
    proof: Mapping[str, Any],
    proofs: list[dict[str, Any]],
    resolve_key: KeyResolver,
) -> bool:
    """Whether one proof of a document (without its proofs) is a valid ``eddsa-rdfc-2022`` signature."""
    document = copy.deepcopy(dict(unsecured))
    proof_context = proof.get("@context")
    if proof_context is not None:
        doc_context = document.get("@context")
        wanted = proof_context if isinstance(proof_context, list) else [proof_context]
        have = doc_context if isinstance(doc_context, list) else [doc_context]
        if have[: len(wanted)] != wanted:
            raise InvalidCredential("The proof's @context does not start the document's @context.")
        document["@context"] = proof_context
    value = proof.get("proofValue")
    try:
        signature = multibase_b58_decode(str(value), "proofValue")
    except InvalidKey as exc:
        raise InvalidCredential(str(exc)) from None
    if len(signature) != 64:
        raise InvalidCredential(f"proofValue decodes to {len(signature)} bytes; an Ed25519 signature has 64.")
    config = proof_configuration(document, proof)
    _chain_input(document, proof, proofs)
    key = resolve_key(str(proof.get("verificationMethod")))
    return key.verify(signature, hash_data(canonicalize(config), canonicalize(document)))
