"""The NinjaAPI instance; routers are attached in :mod:`qualbridge.web.urls`.

The OpenAPI document is made valid and honest here: every error answer (4xx) is declared as
``application/problem+json`` (which is what :mod:`qualbridge.web.api.problems` sends) and every
response has a ``description`` (OpenAPI 3.1 requires one).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from ninja import NinjaAPI

from qualbridge.web.api import problems

PROBLEM_JSON = "application/problem+json"


def _fix_responses(schema: dict[str, Any]) -> dict[str, Any]:
    for item in schema.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            for code, response in operation.get("responses", {}).items():
                if not response.get("description"):
                    status = int(code) if str(code).isdigit() else 0
                    known = status in HTTPStatus._value2member_map_
                    response["description"] = HTTPStatus(status).phrase if known else "Answer"
                content = response.get("content")
                if str(code).startswith("4") and content and PROBLEM_JSON not in content:
                    response["content"] = {PROBLEM_JSON: next(iter(content.values()))}
    return schema


class QualbridgeAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        return _fix_responses(super().get_openapi_schema(*args, **kwargs))


api = QualbridgeAPI(
    title="qualbridge API",
    version="1",
    description="Qualifications frameworks, comparisons, conversions, statement verification and the "
    "W3C VC-API. Errors are RFC 9457 problem documents.",
    urls_namespace="api",
    docs_url="/docs",
)
problems.install(api)
