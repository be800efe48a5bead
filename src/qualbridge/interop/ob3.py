"""Open Badges 3.0: a micro-credential and a recognition statement as an OpenBadgeCredential, and an
OpenBadgeCredential read back as a micro-credential to evaluate.

The mapping: ``achievement.name`` is the title; ``creditsAvailable`` the credits (Open Badges has no term for the
credit system, so it rides in an alignment of ``targetFramework: "qualbridge credit system"``); the framework level is an alignment whose
``targetCode`` is the level id (``nz-nzqcf:5``) and ``targetUrl`` the framework's level URI where one is
published; learning outcomes are alignments of ``targetType: "ceasn:Competency"``; assessment, form of
participation, quality assurance and review date are ``resultDescription`` / ``tag`` entries named by
qualbridge terms. The importer refuses a document that is not an OpenBadgeCredential or whose fields
are malformed, naming the JSON path (``credentialSubject.achievement.alignment[0].targetUrl``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from qualbridge.errors import QualbridgeError
from qualbridge.microcredentials.model import InvalidMicroCredential, MicroCredential, from_mapping

FORMAT = "ob3"
CONTEXT = [
    "https://www.w3.org/ns/credentials/v2",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
]
LEVEL_FRAMEWORK = "qualbridge framework level"
CREDIT_FRAMEWORK = "qualbridge credit system"
OUTCOME_FRAMEWORK = "qualbridge learning outcome"
BASE = "https://qualbridge.org/micro-credentials/"
TAGS = ("assessment", "participation", "quality_assurance", "review_date", "country", "listing")


class InvalidDocument(QualbridgeError):
    """A document that cannot be read as an OpenBadgeCredential; ``path`` is the offending field."""

    code = "invalid-document"

    def __init__(self, path: str, message: str) -> None:
        self.path = path
        super().__init__(f"{path}: {message}")


def detects(document: Mapping[str, Any]) -> bool:
    """True for a document typed OpenBadgeCredential or AchievementCredential."""
    types = document.get("type") if isinstance(document, Mapping) else None
    types = [types] if isinstance(types, str) else types or []
    return isinstance(types, list) and bool({"OpenBadgeCredential", "AchievementCredential"} & set(types))


def _level_uri(level: str) -> str:
    try:
        from qualbridge.registry.loader import get_registry

        reg = get_registry()
        fw = reg.framework_of_level(level)
        if fw.level_uri_template:
            return fw.level_uri_template.format(notation=level.split(":", 1)[1])
    except QualbridgeError:
        pass
    return f"{BASE}levels/{level}"


def _issuer(name: str, country: str) -> dict[str, Any]:
    slug = "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-")
    return {
        "id": f"{BASE}issuers/{slug}",
        "type": ["Profile"],
        "name": name,
        "address": {"type": ["Address"], "addressCountry": country},
    }


def export_micro_credential(mc: MicroCredential, *, issued: dt.datetime | None = None) -> dict[str, Any]:
    """``mc`` as an (unsigned) OpenBadgeCredential."""
    alignment: list[dict[str, Any]] = []
    if mc.level:
        alignment.append(
            {"type": ["Alignment"], "targetName": mc.level, "targetCode": mc.level, "targetUrl": _level_uri(mc.level),
             "targetFramework": LEVEL_FRAMEWORK}
        )  # fmt: skip
    if mc.credit_system:
        alignment.append(
            {"type": ["Alignment"], "targetName": mc.credit_system, "targetCode": mc.credit_system,
             "targetUrl": f"{BASE}credit-systems/{mc.credit_system}", "targetFramework": CREDIT_FRAMEWORK}
        )  # fmt: skip
    for i, outcome in enumerate(mc.outcomes):
        alignment.append(
            {"type": ["Alignment"], "targetName": outcome, "targetUrl": f"{BASE}{mc.id}/outcomes/{i + 1}",
             "targetType": "ceasn:Competency", "targetFramework": OUTCOME_FRAMEWORK}
        )  # fmt: skip
    for target in mc.stacks_toward:
        alignment.append(
            {"type": ["Alignment"], "targetName": target, "targetCode": target, "targetType": "ceterms:Credential",
             "targetUrl": f"{BASE}qualifications/{target}"}
        )  # fmt: skip
    values = mc.as_json()
    tags = [f"{key}={values[key]}" for key in TAGS if values.get(key)]
    achievement: dict[str, Any] = {
        "id": f"{BASE}{mc.id}",
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": mc.title,
        "description": mc.title,
        "criteria": {"narrative": "; ".join(mc.outcomes) or mc.title},
        "creator": _issuer(mc.provider, mc.country),
        "tag": tags,
    }
    if mc.credits is not None:
        achievement["creditsAvailable"] = mc.credits
    if alignment:
        achievement["alignment"] = alignment
    when = (issued or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat().replace("+00:00", "Z")
    return {
        "@context": list(CONTEXT),
        "id": f"{BASE}{mc.id}/credential",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": mc.title,
        "issuer": _issuer(mc.provider, mc.country),
        "validFrom": when,
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": achievement},
    }


def _get(node: Any, path: str, key: str, kind: type | tuple[type, ...], *, required: bool = True) -> Any:
    if not isinstance(node, Mapping):
        raise InvalidDocument(path, "must be an object.")
    value = node.get(key)
    where = f"{path}.{key}" if path != "$" else key
    if value is None:
        if required:
            raise InvalidDocument(where, "is required and missing.")
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise InvalidDocument(where, f"has the wrong type ({type(value).__name__}).")
    return value


def import_document(document: Mapping[str, Any]) -> MicroCredential:
    """Read an OpenBadgeCredential as a micro-credential (the badge's own claims, unverified until
    its proof is checked)."""
    if not isinstance(document, Mapping) or not detects(document):
        raise InvalidDocument(
            "type", "is not an OpenBadgeCredential (type must include 'OpenBadgeCredential')."
        )
    subject = _get(document, "$", "credentialSubject", Mapping)
    achievement = _get(subject, "credentialSubject", "achievement", Mapping)
    base = "credentialSubject.achievement"
    raw: dict[str, Any] = {"title": _get(achievement, base, "name", str)}
    issuer = document.get("issuer")
    creator = achievement.get("creator") if isinstance(achievement.get("creator"), Mapping) else None
    profile = creator or (issuer if isinstance(issuer, Mapping) else None)
    if profile is None:
        raise InvalidDocument(
            f"{base}.creator", "names no provider (neither creator nor issuer is a profile)."
        )
    raw["provider"] = profile.get("name") or profile.get("id")
    address = profile.get("address")
    raw["country"] = address.get("addressCountry") if isinstance(address, Mapping) else None
    credits = achievement.get("creditsAvailable")
    if credits is not None:
        if isinstance(credits, bool) or not isinstance(credits, int | float):
            raise InvalidDocument(f"{base}.creditsAvailable", f"{credits!r} is not a number.")
        raw["credits"] = credits
    outcomes, stacks = [], []
    alignments = _get(achievement, base, "alignment", list, required=False) or []
    for i, item in enumerate(alignments):
        where = f"{base}.alignment[{i}]"
        name = _get(item, where, "targetName", str)
        url = _get(item, where, "targetUrl", str)
        if not url.startswith(("http://", "https://", "urn:", "did:")):
            raise InvalidDocument(f"{where}.targetUrl", f"{url!r} is not a URI.")
        framework = item.get("targetFramework")
        code = item.get("targetCode") or name
        if framework == LEVEL_FRAMEWORK or url.startswith("http://data.europa.eu/snb/eqf/"):
            raw["level"] = code if ":" in code else f"eu-eqf:{url.rsplit('/', 1)[-1]}"
        elif framework == CREDIT_FRAMEWORK:
            raw["credit_system"] = code
        elif item.get("targetType") == "ceasn:Competency":
            outcomes.append(name)
        elif item.get("targetType") == "ceterms:Credential":
            stacks.append(code)
    raw["outcomes"], raw["stacks_toward"] = outcomes, stacks
    for i, tag in enumerate(_get(achievement, base, "tag", list, required=False) or []):
        if isinstance(tag, str) and "=" in tag:
            key, _, value = tag.partition("=")
            if key in TAGS:
                raw[key] = value
        elif not isinstance(tag, str):
            raise InvalidDocument(f"{base}.tag[{i}]", "must be text.")
    if raw.get("credits") is not None and not raw.get("credit_system"):
        raw["credit_system"] = "ects" if raw.get("country") not in (None, "NZ") else "nz-credit"
        raw["verified"] = False
    raw["id"] = str(achievement.get("id") or "").rsplit("/", 1)[-1] or None
    try:
        return from_mapping(raw)
    except InvalidMicroCredential as exc:
        mapped = {
            "title": f"{base}.name",
            "provider": f"{base}.creator.name",
            "country": f"{base}.creator.address.addressCountry",
        }
        raise InvalidDocument(
            mapped.get(exc.path, f"{base}.{exc.path}"), str(exc).split(": ", 1)[-1]
        ) from None


def export_statement(credential: Mapping[str, Any]) -> dict[str, Any]:
    """A signed recognition statement (its credentialSubject in qualbridge's statement terms) as an
    OpenBadgeCredential whose achievement is the recognition and whose alignment is the home level."""
    subject = credential.get("credentialSubject") or {}
    qualification = subject.get("qualification") or {}
    decision = subject.get("decision") or {}
    issuer = credential.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, Mapping) else issuer
    levels = decision.get("comparableLevel") or []
    alignment = [
        {"type": ["Alignment"], "targetName": lv, "targetCode": lv, "targetUrl": _level_uri(lv),
         "targetFramework": LEVEL_FRAMEWORK}
        for lv in levels
    ]  # fmt: skip
    names = decision.get("names") or {}
    achievement: dict[str, Any] = {
        "id": f"{credential.get('id', BASE + 'statement')}#recognition",
        "type": ["Achievement"],
        "achievementType": "Achievement",
        "name": names.get("en") or decision.get("outcome") or "Recognition statement",
        "description": " ".join(decision.get("reasons") or []) or str(decision.get("outcome", "")),
        "criteria": {"narrative": f"Recognition of {qualification.get('qualificationType', 'a qualification')} "
                     f"for {decision.get('purpose', 'recognition')} by {decision.get('decidingBody', issuer_id)}"},
        "tag": [f"outcome={decision.get('outcome')}", f"qualification={qualification.get('qualificationType')}"],
    }  # fmt: skip
    if alignment:
        achievement["alignment"] = alignment
    return {
        "@context": list(CONTEXT),
        "id": str(credential.get("id") or f"{BASE}statement"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": str(issuer_id), "type": ["Profile"]},
        "validFrom": str(credential.get("validFrom") or dt.datetime.now(dt.UTC).isoformat()),
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": achievement},
    }


def export_default() -> dict[str, Any]:
    """The first micro-credential of the shipped sample (by id) as an OpenBadgeCredential: what
    ``qualbridge interop export --format ob3`` writes (``qualbridge microcredentials export REF`` exports
    any one of them)."""
    from qualbridge.microcredentials.sample import load_sample

    sample = load_sample()
    return export_micro_credential(sample[min(sample)])
