"""The format registry: every listed format that is in the build detects its own export and reads it
back; foreign documents are detected as nothing."""

from __future__ import annotations

import json
from types import ModuleType

import pytest

from qualbridge.interop import (
    FORMAT_MODULES,
    InteropError,
    detect,
    format_module,
    formats,
    import_any,
    missing_formats,
)

#: the formats that ship in this package; ob3 comes from the micro-credentials work (see FORMAT_MODULES)
OWN = {"elm", "ctdl", "elmo"}


def test_the_formats_of_this_package_are_listed_and_present() -> None:
    assert set(FORMAT_MODULES) >= OWN
    assert set(formats()) >= OWN
    assert set(missing_formats()) <= set(FORMAT_MODULES) - OWN


def _exported(module: ModuleType) -> bytes:
    if module.FORMAT == "elmo":
        from pathlib import Path

        return (Path(__file__).parent / "fixtures" / "elmo-example.xml").read_bytes()
    return json.dumps(module.export_default()).encode()


@pytest.mark.parametrize("name", sorted(formats()))
def test_every_listed_format_round_trips_through_detection(name: str) -> None:
    """Every format of the build (ob3 too, once its module is in the tree) detects its own export."""
    module = formats()[name]
    data = _exported(module)
    found, result = import_any(data)
    assert found == name
    assert detect(json.loads(data) if data.lstrip()[:1] != b"<" else data) is module
    assert result is not None


@pytest.mark.parametrize(
    "data", [b'{"@context": "https://schema.org/", "@type": "Person"}', b"[1, 2]", b"\xff\xfe\x00x"]
)
def test_a_foreign_document_is_refused(data: bytes) -> None:
    with pytest.raises(InteropError):
        import_any(data)


def test_an_unknown_format_names_the_valid_ones() -> None:
    with pytest.raises(InteropError) as caught:
        format_module("xlsx")
    assert "elm" in str(caught.value) and "ctdl" in str(caught.value)
