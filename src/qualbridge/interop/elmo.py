"""ELMO (the EMREX learning-opportunity report, EN 15981 EuroLMAI): a transcript in, for the transcript
converter.

Student-mobility systems exchange results as ELMO XML (namespace
``https://github.com/emrex-eu/elmo-schemas/tree/v1``). Each ``learningOpportunitySpecification`` of type
``Course`` with a result (``resultLabel``) becomes one course row (name, credits, grade), so an ELMO
report converts exactly like a CSV transcript (:func:`qualbridge.grades.transcript.convert_rows`).
Degree programmes and modules are containers (their credits are the courses' sum) and classes are parts
of a course, so neither is counted twice. Read with lxml without entities or network access.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from lxml import etree

from qualbridge.interop.base import MAX_DOCUMENT_BYTES, InteropError

FORMAT = "elmo"
NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: the ELMO schema's learning-opportunity types; only courses carry a result of their own
CONTAINERS = {"Degree Programme", "Module"}
COURSE = "Course"


@dataclasses.dataclass(frozen=True)
class ElmoCourse:
    path: str  # where in the document, for messages
    title: dict[str, str]
    credits: float
    credit_scheme: str
    result: str
    status: str | None
    eqf_level: str | None

    def name(self, lang: str = "en") -> str:
        return self.title.get(lang) or next(iter(self.title.values()))


@dataclasses.dataclass(frozen=True)
class ElmoReport:
    issuer: dict[str, str]
    issuer_country: str | None
    courses: tuple[ElmoCourse, ...]
    #: courses with a result but no credit (ELMO makes credit optional): the path of each; a
    #: credit-weighted average cannot count them, so they are listed rather than guessed
    without_credit: tuple[str, ...] = ()

    def rows(self) -> Iterator[list[str]]:
        """Course rows as the CSV reader gives them: name, credits, grade."""
        for course in self.courses:
            yield [course.name(), f"{course.credits:g}", course.result]

    def credit_schemes(self) -> set[str]:
        return {c.credit_scheme for c in self.courses}

    def as_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "issuer": self.issuer,
            "issuer_country": self.issuer_country,
            "courses": [dataclasses.asdict(c) for c in self.courses],
            "without_credit": list(self.without_credit),
        }


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def parse(document: bytes | str) -> etree._Element:
    """The root element of an XML document, read safely (no entities, no DTD, no network)."""
    data = document.encode("utf-8") if isinstance(document, str) else document
    if len(data) > MAX_DOCUMENT_BYTES:
        raise InteropError("/", "interop.too-large", limit=MAX_DOCUMENT_BYTES)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InteropError(f"/ (line {exc.lineno})", "interop.bad-xml", problem=str(exc.msg)) from None


def detects(document: Any) -> bool:
    """An ELMO document: XML whose root is ``elmo`` in the ELMO namespace."""
    if isinstance(document, etree._Element):
        return bool(document.tag == _q("elmo"))
    if isinstance(document, bytes | str):
        head = document[:4096]
        text = head.decode("utf-8", "replace") if isinstance(head, bytes) else head
        return "<elmo" in text and NS in text
    return False


def _plain_path(element: etree._Element) -> str:
    parts = []
    node: etree._Element | None = element
    while node is not None:
        parent = node.getparent()
        name = etree.QName(node).localname
        if parent is None:
            parts.append(name)
        else:
            same = [c for c in parent if isinstance(c.tag, str) and c.tag == node.tag]
            parts.append(f"{name}[{same.index(node) + 1}]")
        node = parent
    return "/" + "/".join(reversed(parts))


def _texts(parent: etree._Element, tag: str) -> dict[str, str]:
    return {
        (e.get(XML_LANG) or "und"): (e.text or "").strip()
        for e in parent.findall(_q(tag))
        if (e.text or "").strip()
    }


def _one(parent: etree._Element, tag: str) -> str | None:
    element = parent.find(_q(tag))
    return (element.text or "").strip() or None if element is not None else None


def import_document(document: Any) -> ElmoReport:
    root = document if isinstance(document, etree._Element) else parse(document)
    if root.tag != _q("elmo"):
        raise InteropError(
            f"/{etree.QName(root).localname}",
            "interop.elmo.not-elmo",
            found=str(etree.QName(root)),
            expected=f"{{{NS}}}elmo",
        )
    reports = root.findall(_q("report"))
    if not reports:
        raise InteropError("/elmo/report", "interop.missing-field")
    courses: list[ElmoCourse] = []
    without_credit: list[str] = []
    issuer: dict[str, str] = {}
    country = None
    for report in reports:
        issuer_el = report.find(_q("issuer"))
        if issuer_el is None:
            raise InteropError(_plain_path(report) + "/issuer", "interop.missing-field")
        issuer = issuer or _texts(issuer_el, "title")
        country = country or _one(issuer_el, "country")
        for spec in report.iter(_q("learningOpportunitySpecification")):
            course = _course(spec)
            if isinstance(course, ElmoCourse):
                courses.append(course)
            elif course is not None:
                without_credit.append(course)
    if not courses:
        raise InteropError("/elmo/report", "interop.elmo.no-courses")
    return ElmoReport(
        issuer=issuer, issuer_country=country, courses=tuple(courses), without_credit=tuple(without_credit)
    )


def _course(spec: etree._Element) -> ElmoCourse | str | None:
    """A course; its path when it has a result but no credit; None for a container or a class."""
    kind = _one(spec, "type")
    path = _plain_path(spec)
    if kind in CONTAINERS or kind == "Class":
        return None
    if kind is None and spec.find(f"{_q('hasPart')}/{_q('learningOpportunitySpecification')}") is not None:
        return None  # an untyped container: its parts are the courses
    if kind not in (None, COURSE):
        raise InteropError(
            path + "/type",
            "interop.elmo.bad-type",
            found=kind,
            valid="Degree Programme, Module, Course, Class",
        )
    instance = spec.find(f"{_q('specifies')}/{_q('learningOpportunityInstance')}")
    if instance is None:
        raise InteropError(path + "/specifies/learningOpportunityInstance", "interop.missing-field")
    result = _one(instance, "resultLabel")
    if result is None:
        raise InteropError(_plain_path(instance) + "/resultLabel", "interop.missing-field")
    title = _texts(spec, "title")
    if not title:
        raise InteropError(path + "/title", "interop.missing-field")
    credit = instance.find(_q("credit"))
    if credit is None:
        return path
    value = _one(credit, "value")
    try:
        credits = float(value or "")
    except ValueError:
        raise InteropError(
            _plain_path(credit) + "/value", "interop.expected-number", found=value or ""
        ) from None
    scheme = (_one(credit, "scheme") or "").lower()
    if not scheme:
        raise InteropError(_plain_path(credit) + "/scheme", "interop.missing-field")
    eqf = None
    for level in instance.findall(_q("level")):
        if _one(level, "type") == "EQF":
            eqf = _one(level, "value")
    return ElmoCourse(
        path=path,
        title=title,
        credits=credits,
        credit_scheme=scheme,
        result=result,
        status=_one(instance, "status"),
        eqf_level=f"eu-eqf:{eqf}" if eqf else None,
    )


def export_report(report: ElmoReport) -> bytes:
    """An ELMO document of a report's courses (what qualbridge read; for round trips and hand-offs)."""
    elmo = etree.Element(_q("elmo"), nsmap={None: NS})
    rep = etree.SubElement(elmo, _q("report"))
    issuer = etree.SubElement(rep, _q("issuer"))
    if report.issuer_country:
        etree.SubElement(issuer, _q("country")).text = report.issuer_country
    for lang, text in report.issuer.items():
        etree.SubElement(issuer, _q("title"), {XML_LANG: lang}).text = text
    for course in report.courses:
        spec = etree.SubElement(rep, _q("learningOpportunitySpecification"))
        for lang, text in course.title.items():
            etree.SubElement(spec, _q("title"), {XML_LANG: lang}).text = text
        etree.SubElement(spec, _q("type")).text = COURSE
        instance = etree.SubElement(
            etree.SubElement(spec, _q("specifies")), _q("learningOpportunityInstance")
        )
        if course.status:
            etree.SubElement(instance, _q("status")).text = course.status
        etree.SubElement(instance, _q("resultLabel")).text = course.result
        credit = etree.SubElement(instance, _q("credit"))
        etree.SubElement(credit, _q("scheme")).text = course.credit_scheme
        etree.SubElement(credit, _q("value")).text = f"{course.credits:g}"
        if course.eqf_level:
            level = etree.SubElement(instance, _q("level"))
            etree.SubElement(level, _q("type")).text = "EQF"
            etree.SubElement(level, _q("value")).text = course.eqf_level.split(":", 1)[1]
    return bytes(etree.tostring(elmo, xml_declaration=True, encoding="UTF-8", pretty_print=True))
