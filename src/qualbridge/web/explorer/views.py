"""The frameworks explorer and the JEQF guide: read-only pages over the registry and the engine.

``/frameworks/`` lists every framework; ``/frameworks/<id>`` shows one with its levels, descriptors,
qualification types and referencing decisions; ``/frameworks/<a>/vs/<b>`` draws two side by side with
a table of the same answers; ``/frameworks/decisions/<id>`` shows one referencing decision with its
source; ``/jeqf`` is Japan's framework in Japanese and English with every qualification type and how
it compares to the main foreign frameworks.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from qualbridge.compare import compare
from qualbridge.compare.matrix import row_of
from qualbridge.errors import UnknownFramework, closest
from qualbridge.registry import get_registry
from qualbridge.web.explorer import catalogue, descriptors, picture
from qualbridge.web.i18n import visitor_lang

JEQF = "jp-jeqf"

#: the heading of each kind of framework on the list page, in the order the list shows them
KIND_NAMES = dict(
    [
        ("rqf", gettext_lazy("Regional frameworks")),
        ("nqf", gettext_lazy("National frameworks")),
        ("sub-framework", gettext_lazy("Sub-frameworks")),
        ("classification", gettext_lazy("Classifications")),
    ]
)


def not_found(request: HttpRequest, error: UnknownFramework | str) -> HttpResponse:
    message = str(error)
    suggestions = getattr(error, "suggestions", [])
    return render(
        request, "explorer/not_found.html", {"message": message, "suggestions": suggestions}, status=404
    )


def framework_list(request: HttpRequest) -> HttpResponse:
    registry = get_registry()
    a, b = request.GET.get("a", ""), request.GET.get("b", "")
    if a and b:  # the pair form: resolve both first (free text may hold "/" or any character)
        try:
            fa, fb = registry.framework(a.strip()), registry.framework(b.strip())
        except UnknownFramework as exc:
            return not_found(request, exc)
        return redirect("explorer:pair", a=fa.id, b=fb.id)
    groups: dict[str, list[Any]] = {}
    for fw in catalogue.frameworks(registry):
        groups.setdefault(fw.kind.value, []).append(fw)
    context = {
        "groups": [(KIND_NAMES.get(k, k), fws) for k, fws in groups.items()],
        "choices": catalogue.framework_choices(registry),
        "count": len(registry.frameworks),
    }
    return render(request, "explorer/framework_list.html", context)


def framework_detail(request: HttpRequest, framework_id: str) -> HttpResponse:
    registry = get_registry()
    try:
        fw = registry.framework(framework_id)
    except UnknownFramework as exc:
        return not_found(request, exc)
    if fw.id != framework_id:
        return redirect("explorer:framework", framework_id=fw.id)
    detail = catalogue.detail(fw.id, registry).model_dump()
    levels = []
    for level, data in zip(fw.levels, detail["levels"], strict=True):
        levels.append(
            {
                **data,
                "anchor": picture.row_anchor(data["id"]),
                "descriptors": descriptors.level_descriptors(fw, level),
            }
        )
    partners = sorted(
        {
            al["target_framework"] if al["source_framework"] == fw.id else al["source_framework"]
            for al in detail["alignments"]
        }
    )
    context = {
        "fw": fw,
        "levels": list(reversed(levels)),
        "domain_names": [descriptors.chosen(d.names) for d in fw.domains],
        "has_descriptors": any(lv["descriptors"].has_text for lv in levels),
        "alignments": detail["alignments"],
        "partners": [p for p in partners if p in registry.frameworks],
        "sources": detail["sources"],
        "choices": catalogue.framework_choices(registry),
    }
    return render(request, "explorer/framework_detail.html", context)


def framework_pair(request: HttpRequest, a: str, b: str) -> HttpResponse:
    registry = get_registry()
    try:
        fa, fb = registry.framework(a), registry.framework(b)
    except UnknownFramework as exc:
        return not_found(request, exc)
    if (fa.id, fb.id) != (a, b):
        return redirect("explorer:pair", a=fa.id, b=fb.id)
    # each row is the level's public comparison result, as the estimate page and the API give it
    rows = [row_of(compare(f"{fa.id}:{lv.notation}", fb.id, registry=registry)) for lv in fa.levels]
    table = []
    for row in reversed(rows):
        table.append(
            {
                "row": row,
                "anchor": picture.row_anchor(row.level),
                "match": picture.match_label(str(row.match)),
                "decisions": [{"id": d, "alignment": registry.alignments.get(d)} for d in row.decisions],
            }
        )
    svg = picture.render(registry, fa.id, fb.id, rows)
    linked = [(row.level, list(row.targets)) for row in reversed(rows) if row.match != "noMatch"]
    context = {
        "fa": fa,
        "fb": fb,
        "svg": mark_safe(svg),  # built from escaped text in picture.render
        "table": table,
        "descriptor_blocks": descriptors.pair_blocks(registry, fa, linked),
        "choices": catalogue.framework_choices(registry),
    }
    return render(request, "explorer/framework_pair.html", context)


def decision_detail(request: HttpRequest, alignment_id: str) -> HttpResponse:
    registry = get_registry()
    al = registry.alignments.get(alignment_id)
    if al is None:
        message = _("No referencing decision is called %(id)s.") % {"id": alignment_id}
        context = {"message": message, "decisions": closest(alignment_id, registry.alignments)}
        return render(request, "explorer/not_found.html", context, status=404)
    context = {
        "al": al,
        "source_fw": registry.frameworks.get(al.source_framework),
        "target_fw": registry.frameworks.get(al.target_framework),
        "sources": catalogue.alignment_sources(al),
        "mappings": sorted(
            al.mappings,
            key=lambda m: registry.level_order.get(f"{al.source_framework}:{m.from_level}", 0),
            reverse=True,
        ),
    }
    return render(request, "explorer/decision.html", context)


def _jeqf_rows(lang_code: str) -> list[dict[str, Any]]:
    registry = get_registry()
    if JEQF not in registry.frameworks:
        raise Http404("JEQF is not in the data")
    targets = [fid for fid in catalogue.MAIN_FRAMEWORKS if fid in registry.frameworks]
    rows = []
    for type_id in registry.types_by_jurisdiction.get("JP", []):
        qt = registry.qualifications[type_id]
        jeqf = [p for p in qt.placements if p.level.startswith(JEQF + ":")]
        comparisons = []
        for fid in targets:
            result = compare(type_id, fid, registry=registry)
            comparisons.append({"framework": registry.frameworks[fid], "result": result})
        access = [registry.qualifications.get(a, a) for a in qt.access_to]
        rows.append(
            {
                "qt": qt,
                "jeqf": jeqf,
                "order": max((registry.level_order.get(p.level, 0) for p in jeqf), default=0),
                "access": access,
                "comparisons": comparisons,
            }
        )
    rows.sort(key=lambda r: (-r["order"], r["qt"].id))
    return rows


def jeqf_guide(request: HttpRequest) -> HttpResponse:
    registry = get_registry()
    rows = registry.derive(f"explorer-jeqf-{visitor_lang()}", lambda _r: _jeqf_rows(visitor_lang()))
    fw = registry.frameworks[JEQF]
    levels = []
    for level in reversed(fw.levels):
        level_id = f"{JEQF}:{level.notation}"
        levels.append(
            {
                "id": level_id,
                "level": level,
                "types": [r for r in rows if any(p.level == level_id for p in r["jeqf"])],
            }
        )
    context = {
        "fw": fw,
        "levels": levels,
        "rows": rows,
        "targets": [c["framework"] for c in rows[0]["comparisons"]] if rows else [],
        "source": fw.sources.get(fw.source or "") if fw.source else None,
        "jp_names": registry.qualification_files["JP"].names if "JP" in registry.qualification_files else {},
    }
    return render(request, "explorer/jeqf.html", context)
