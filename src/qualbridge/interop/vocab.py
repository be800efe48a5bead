"""Identifiers shared by the exchange formats: the URIs qualbridge gives its own items, the EU's
controlled vocabularies (EQF levels, ISCED-F fields, the ECTS credit framework) and the ISCED-F list.

The EU URIs are the ones the European Learning Model's published samples use
(european-commission-empl/European-Learning-Model, ``Credentials/JSON-LD Examples (ELM v3)``):
``http://data.europa.eu/snb/eqf/6`` in scheme ``http://data.europa.eu/snb/eqf/25831c2``,
``http://data.europa.eu/snb/isced-f/0688`` in scheme ``.../isced-f/25831c2``, and ECTS as
``http://data.europa.eu/snb/education-credit/6fcec5c5af``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from qualbridge.registry import Registry
from qualbridge.registry.fields import FieldClassification
from qualbridge.registry.loader import read_yaml
from qualbridge.registry.models import Framework

QB = "urn:qualbridge:"
EQF_SCHEME = "http://data.europa.eu/snb/eqf/25831c2"
ISCED_F = "http://data.europa.eu/snb/isced-f/"
ISCED_F_SCHEME = "http://data.europa.eu/snb/isced-f/25831c2"
ECTS_CONCEPT = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
ECTS_SCHEME = "http://data.europa.eu/snb/education-credit/25831c2"
FIELDS_FILE = Path(__file__).resolve().parent.parent / "data" / "fields" / "isced-f-2013.yaml"


def framework_uri(framework: Framework) -> str:
    """The framework's URI: qualbridge's URN (the published ``uri`` is a web page, not an identifier)."""
    return f"{QB}framework:{framework.id}"


def level_uri(framework: Framework, notation: str) -> str:
    """A level's URI: the publisher's (EQF: ``http://data.europa.eu/snb/eqf/6``) where the data holds
    one, else qualbridge's URN ``urn:qualbridge:level:jp-jeqf:6``.

    >>> from qualbridge.registry import get_registry
    >>> level_uri(get_registry().framework("eu-eqf"), "6")
    'http://data.europa.eu/snb/eqf/6'
    """
    if framework.level_uri_template:
        return framework.level_uri_template.format(notation=notation)
    return f"{QB}level:{framework.id}:{notation}"


def level_of_uri(registry: Registry, uri: str) -> str | None:
    """The level id (``eu-eqf:6``) a level URI names, or None for a URI qualbridge does not know."""
    if uri.startswith(f"{QB}level:"):
        level_id = uri.removeprefix(f"{QB}level:")
        return level_id if level_id in registry.levels else None
    return _published_level_uris(registry).get(uri)


def _published_level_uris(registry: Registry) -> dict[str, str]:
    def build(reg: Registry) -> dict[str, str]:
        return {
            level_uri(fw, lv.notation): f"{fw.id}:{lv.notation}"
            for fw in reg.frameworks.values()
            if fw.level_uri_template
            for lv in fw.levels
        }

    return registry.derive("interop:level-uris", build)


def type_uri(type_id: str) -> str:
    return f"{QB}qualification:{type_id}"


def type_of_uri(uri: str) -> str | None:
    return uri.removeprefix(f"{QB}qualification:") if uri.startswith(f"{QB}qualification:") else None


@cache
def isced_fields() -> dict[str, str]:
    """ISCED-F 2013 codes and their English names (data/fields)."""
    classification = FieldClassification.model_validate(read_yaml(FIELDS_FILE))
    return {code: item.name for code, item in classification.fields.items()}
