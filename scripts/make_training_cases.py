"""Write the training cases of ``src/qualbridge/data/training/`` from the scenarios below (h18).

Each scenario is a fictional case file on a qualification type whose placements are verified in the
registry; the reference answer is the engine's assessment of it on the registry's sourced data (and
says so), except where a published statement (MEXT) or a worked example of the EAR manual is the
source of an element or of the decision, which the scenario names. A scenario whose engine answer
rests on an unverified fact is refused (a reference must not teach a guess).

Run: ``python scripts/make_training_cases.py`` (then ``qualbridge data check``).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

from qualbridge.compare import compare
from qualbridge.evaluate.policy import get_policy
from qualbridge.registry import get_registry
from qualbridge.registry.recognition import RecognitionFile
from qualbridge.training.derive import engine_reference, type_sources

OUT = Path(__file__).resolve().parent.parent / "src" / "qualbridge" / "data" / "training"
CONSULTED = dt.date(2026, 12, 3)
JA = Locale("ja")
EN = Locale("en")

FIELDS = {
    "0222": ("history and archaeology", "歴史学・考古学"),
    "0311": ("economics", "経済学"),
    "0413": ("management and administration", "経営・管理"),
    "0421": ("law", "法学"),
    "0533": ("physics", "物理学"),
    "0541": ("mathematics", "数学"),
    "0511": ("biology", "生物学"),
    "0313": ("psychology", "心理学"),
}

EAR = {
    "ear-ch5": ("http://ear.enic-naric.net/emanual/Chapter5/examples.aspx",
                "European Area of Recognition manual, chapter 5 (purpose of recognition), examples"),
    "ear-ch10": ("http://ear.enic-naric.net/emanual/Chapter10/examples.aspx",
                 "European Area of Recognition manual, chapter 10 (substantial differences), examples"),
    "ear-ch12": ("http://ear.enic-naric.net/emanual/Chapter12/examples.aspx",
                 "European Area of Recognition manual, chapter 12 (refugees), examples"),
}  # fmt: skip
MEXT = (
    "https://internationaleducation.gov.au/News/Latest-News/Pages/Japanese-Government-recognises-Australian-"
    "bachelor%E2%80%99s-degrees.aspx"
)

#: the worked examples' principles, in our words (never the manual's text), for the element they address
EXAMPLE_REASONS = {
    ("ear-ch10", "learning-outcomes"): {
        "en": "EAR manual ch. 10, example 2: a bachelor's degree in history presented for a master's programme in "
        "history shows no substantial difference in learning outcomes; differences in national content are "
        "expected and not substantial, because the holder can extend the knowledge gained.",
        "ja": "EARマニュアル第10章の例2：歴史学の学士号で歴史学の修士課程に出願する場合、学修成果に実質的な差異はない。"
        "各国の内容の違いは当然あり、保持者は得た知識を広げることができるため、実質的な差異とはみなさない。",
    },
    ("ear-ch10-orientation", "learning-outcomes"): {
        "en": "EAR manual ch. 10, example 3: a change of field between the bachelor's and the master's degree is "
        "not by itself a substantial difference when the goals of the two programmes are coherent.",
        "ja": "EARマニュアル第10章の例3：学士課程と修士課程の間で分野を変えることは、両課程の目標が整合していれば、"
        "それ自体では実質的な差異ではない。",
    },
    ("ear-ch5", "profile"): {
        "en": "EAR manual ch. 5, example 2: the lack of research training in a professionally oriented bachelor's "
        "programme matters less when the purpose is employment than for admission to postgraduate study.",
        "ja": "EARマニュアル第5章の例2：職業志向の学士課程に研究訓練がないことは、大学院入学よりも就職を目的とする"
        "場合のほうが重要性が低い。",
    },
    ("ear-ch12", "decision"): {
        "en": "EAR manual ch. 12, example 1: a refugee without the diploma may be recognised on a background paper "
        "that describes the education from the information and evidence available.",
        "ja": "EARマニュアル第12章の例1：学位記を持たない難民は、入手できる情報と証拠から学歴を記述した背景書類"
        "（バックグラウンド・ペーパー）に基づき承認されうる。",
    },
}


def a(name: str) -> str:
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name


def names(code: str) -> tuple[str, str]:
    return EN.territories[code], JA.territories[code]


def type_names(type_id: str) -> tuple[str, str]:
    qt = get_registry().qualifications[type_id]
    en = qt.names.get("en") or next(iter(qt.names.values()))
    original = next((v for k, v in qt.names.items() if k not in ("en", "ja")), None)
    ja = qt.names.get("ja") or (f"{original}（{en}）" if original else en)
    return en, ja


def documents(kinds: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    return [{"kind": k, "description": {"en": en, "ja": ja}} for k, en, ja in kinds]


def scenario(spec: dict[str, Any]) -> dict[str, Any]:
    """One training case file from a scenario spec."""
    reg = get_registry()
    tid, field, kind = spec["type"], spec.get("field", "0413"), spec["template"]
    qt = reg.qualifications[tid]
    country = tid.split("/")[0].upper()
    c_en, c_ja = names(country)
    t_en, t_ja = type_names(tid)
    f_en, f_ja = FIELDS[field]
    years = qt.duration.max_years if qt.duration else None
    credential: dict[str, Any] = {
        "country": country,
        "qualification": tid,
        "title": f"{t_en} ({f_en})",
        "programme": {"name": f_en.capitalize(), "field": field},
        "awarded": "2024-06-30",
    }
    if years:
        credential["duration_years"] = years
    if qt.credits:
        credential["credits"] = {"amount": qt.credits.amount, "system": qt.credits.system}
    purpose: dict[str, Any] = {"kind": "further-study", "requested": "jp/gakushi", "field": field}
    docs = [("diploma", True), ("transcript", True), ("identity", False)]
    extra: dict[str, Any] = {}
    dur_en = f" over {years:g} years" if years else ""
    dur_ja = f"{years:g}年間の" if years else ""
    if kind == "master-admission":
        title = (
            f"{t_en} ({c_en}) for admission to a master's programme",
            f"修士課程への入学：{t_ja}（{c_ja}）",
        )
        story = (
            f"An applicant holding {a(t_en)} from {c_en} in {f_en} applies for admission to a master's programme in "
            f"the same field at a Japanese university.",
            f"{c_ja}の{t_ja}（{f_ja}）を持つ申請者が、日本の大学の同じ分野の修士課程への入学を申請する。",
        )
    elif kind == "doctoral-admission":
        purpose["requested"] = "jp/shushi"
        title = (
            f"{t_en} ({c_en}) for admission to a doctoral programme",
            f"博士課程への入学：{t_ja}（{c_ja}）",
        )
        story = (
            f"An applicant holding {a(t_en)} from {c_en} in {f_en} applies for admission to a doctoral programme in "
            f"the same field.",
            f"{c_ja}の{t_ja}（{f_ja}）を持つ申請者が、同じ分野の博士課程への入学を申請する。",
        )
    elif kind == "partial-studies":
        credential["completed"] = False
        credential.pop("awarded")
        credential["started"] = "2022-09-01"
        docs = [("transcript", True), ("identity", False)]
        title = (f"Incomplete {t_en} studies ({c_en}) for transfer", f"未修了の{t_ja}（{c_ja}）の学修：編入")
        story = (
            f"An applicant studied towards {a(t_en)} in {f_en} in {c_en} for two years without completing it, and "
            f"asks for the studies to be recognised for transfer into a Japanese bachelor's programme.",
            f"申請者は{c_ja}で{t_ja}（{f_ja}）の課程を2年間履修したが修了しておらず、日本の学士課程への編入のため"
            f"その学修の承認を求める。",
        )
    elif kind == "professional-other-field":
        purpose = {"kind": "professional-practice", "requested": "jp/gakushi", "field": spec["sought"]}
        docs = [
            ("diploma", True),
            ("transcript", True),
            ("identity", False),
            ("programme-description", False),
        ]
        s_en, s_ja = FIELDS[spec["sought"]]
        title = (f"{t_en} ({c_en}) in {f_en} for professional practice in {s_en}",
                 f"{s_ja}の職業実践：{f_ja}の{t_ja}（{c_ja}）")  # fmt: skip
        story = (
            f"An applicant holding {a(t_en)} in {f_en} from {c_en} asks for recognition for professional practice "
            f"in {s_en}.",
            f"{c_ja}の{f_ja}の{t_ja}を持つ申請者が、{s_ja}分野での職業実践のための承認を求める。",
        )
    elif kind == "short-cycle-for-master":
        title = (f"Short-cycle {t_en} ({c_en}) presented for a master's programme",
                 f"短期高等教育の{t_ja}（{c_ja}）で修士課程に出願")  # fmt: skip
        story = (
            f"An applicant holding {a(t_en)} from {c_en} in {f_en} applies for admission to a master's programme, "
            f"which requires a bachelor's degree.",
            f"{c_ja}の{t_ja}（{f_ja}）を持つ申請者が、学士の学位を要件とする修士課程への入学を申請する。",
        )
    elif kind == "employment-professional":
        purpose = {"kind": "employment", "field": field}
        docs = [("diploma", True), ("identity", False)]
        title = (f"Professional {t_en} ({c_en}) for employment", f"就職のための職業志向の{t_ja}（{c_ja}）")
        story = (
            f"An applicant holding a professionally oriented {t_en} from {c_en} in {f_en} asks for recognition "
            f"for employment in that field.",
            f"{c_ja}の職業志向の{t_ja}（{f_ja}）を持つ申請者が、その分野での就職のための承認を求める。",
        )
    elif kind == "field-change":
        purpose["field"] = spec["sought"]
        s_en, s_ja = FIELDS[spec["sought"]]
        title = (
            f"{t_en} ({c_en}) in {f_en} for a master's in {s_en}",
            f"{f_ja}の{t_ja}（{c_ja}）で{s_ja}の修士課程へ",
        )
        story = (
            f"An applicant holding {a(t_en)} in {f_en} from {c_en} applies for a master's programme in {s_en}, a "
            f"field whose goals are coherent with the first degree.",
            f"{c_ja}の{f_ja}の{t_ja}を持つ申請者が、最初の学位と目標が整合する{s_ja}の修士課程に出願する。",
        )
    elif kind == "refugee":
        purpose = {"kind": "employment", "field": field}
        docs = [("identity", False)]
        extra["applicant"] = {"refugee": True}
        extra["background_paper"] = {
            "prepared_by": "Training office evaluator (model)",
            "summary": f"The applicant describes {years or 3:g} years of full-time study in {f_en} towards "
            f"{a(t_en)}, completed in 2023, and the courses of each year; the account is consistent with the "
            f"structure of the degree.",
            "evidence": [
                "structured interview",
                "photograph of the degree certificate",
                "course descriptions",
            ],
        }
        title = (f"Refugee with a {t_en} ({c_en}) and no diploma", f"学位記のない難民：{t_ja}（{c_ja}）")
        story = (
            f"A refugee who completed {a(t_en)} in {f_en} in {c_en} cannot obtain the diploma; the office prepares a "
            f"background paper from an interview and the evidence available, for employment.",
            f"{c_ja}で{t_ja}（{f_ja}）を修了した難民が学位記を入手できない。機関は面接と入手できる証拠から"
            f"背景書類を作成する（就職目的）。",
        )
    else:
        raise SystemExit(f"unknown template {kind}")
    credential["documents"] = [{"kind": k, **({"certified": True} if c else {})} for k, c in docs]
    described = {
        "diploma": (f"Degree certificate: {t_en}, {f_en}; certified copy.", f"学位記：{t_ja}、{f_ja}。認証謄本。"),
        "transcript": (f"Transcript of records: the courses of the programme{dur_en}.",
                       f"成績証明書：{dur_ja}課程の授業科目。"),
        "identity": ("Passport (identity page).", "旅券（身分事項のページ）。"),
        "programme-description": (f"Programme description: aims and courses of the {f_en} programme.",
                                  f"課程の説明：{f_ja}課程の目的と授業科目。"),
    }  # fmt: skip
    if kind == "partial-studies":
        described["transcript"] = (
            "Transcript of records: two years of courses; the programme was not completed.",
            "成績証明書：2年間の授業科目。課程は修了していない。",
        )
    case_file = {
        "reference": f"TR-{spec['id']}",
        "policy": "jp-nic",
        "purpose": purpose,
        "credentials": [credential],
        **extra,
    }
    doc_list = [(k, *described[k]) for k, _ in docs]
    if kind == "refugee":
        doc_list.append(("background-paper", "Background paper prepared by the office from a structured "
                         "interview, a photograph of the certificate and course descriptions.",
                         "機関が構造化面接、学位記の写真、授業科目の説明から作成した背景書類。"))  # fmt: skip
    return reference_for(spec, case_file, country, title, story, doc_list)


def _plain(source: Any) -> dict[str, Any]:
    fields = ("url", "title", "publisher", "published", "consulted", "note")
    return {k: getattr(source, k) for k in fields if getattr(source, k, None) is not None}


def _by_url() -> dict[str, Any]:
    reg = get_registry()
    found: dict[str, Any] = {}
    for file in reg.qualification_files.values():
        for src in file.sources.values():
            found.setdefault(src.url, src)
    for path in sorted((OUT.parent / "recognition").glob("*.yaml")):
        for src in RecognitionFile.model_validate(
            yaml.safe_load(path.read_text(encoding="utf-8"))
        ).sources.values():
            found.setdefault(src.url, src)
    for alignment in reg.alignments.values():
        for src in getattr(alignment, "sources", {}).values():
            found.setdefault(src.url, src)
    return found


def route_sources(tid: str, sources: dict[str, Any], facts: list[dict[str, Any]]) -> list[str]:
    """The sources of each step of the comparison's best route into the JEQF (as the registry holds them)."""
    best = next((r for r in compare(tid, "jp-jeqf").routes if r.best), None)
    if best is None:
        return []
    known, keys = _by_url(), []
    for i, step in enumerate(best.steps, start=1):
        src = known.get(step.evidence.address or "")
        if src is None or not step.evidence.verified:
            raise SystemExit(
                f"{tid}: route step {step.from_id} -> {step.to_id} has no verified registry source"
            )
        key = f"route-{i}"
        sources[key] = _plain(src)
        facts.append({"id": f"{step.from_id} -> {step.to_id}", "kind": "route-step", "sources": [key]})
        keys.append(key)
    return keys


def reference_for(
    spec: dict[str, Any],
    case_file: dict[str, Any],
    country: str,
    title: tuple[str, str],
    story: tuple[str, str],
    docs: list[tuple[str, str, str]],
) -> dict[str, Any]:
    reg = get_registry()
    engine = engine_reference(case_file)
    if engine.unverified:
        raise SystemExit(f"{spec['id']}: the engine's answer rests on unverified facts: {engine.unverified}")
    tid = spec["type"]
    sources: dict[str, Any] = {}
    for key, src in type_sources(tid, reg).items():
        sources[f"type-{key}"] = _plain(src)
    policy = get_policy("jp-nic")
    policy_keys = []
    for key, src in policy.sources.items():
        sources[f"policy-{key}"] = _plain(src)
        policy_keys.append(f"policy-{key}")
    facts = [
        {"id": tid, "kind": "qualification-type", "sources": [k for k in sources if k.startswith("type-")]},
        {"id": "jp-nic", "kind": "policy", "sources": policy_keys},
    ]
    engine_keys = [k for k in sources if k.startswith("type-")] + policy_keys
    route_keys = route_sources(tid, sources, facts)
    elements: dict[str, Any] = {}
    for name, el in engine.elements.items():
        elements[name] = {
            "substantial": el.substantial, "code": el.code, "reasons": el.reasons, "basis": "engine",
            "sources": sorted({*engine_keys, *route_keys}) if name == "level" else engine_keys,
        }  # fmt: skip
    decision: dict[str, Any] = {
        "outcome": engine.outcome, "reasons": engine.reasons, "basis": "engine", "sources": engine_keys,
    }  # fmt: skip
    example = spec.get("example")
    if example:
        key = example.split("-orientation")[0]
        url, ear_title = EAR[key]
        sources[key] = {"url": url, "title": ear_title, "publisher": "ENIC-NARIC networks (EAR project)",
                        "published": "2012", "consulted": CONSULTED}  # fmt: skip
        for (ex, target), reasons in EXAMPLE_REASONS.items():
            if ex != example:
                continue
            if target == "decision":
                decision.update(reasons={k: f"{reasons[k]} {engine.reasons[k]}".strip() for k in reasons},
                                basis="worked-example", sources=[key, *engine_keys])  # fmt: skip
            else:
                if elements[target]["substantial"]:
                    raise SystemExit(f"{spec['id']}: the engine finds {target} substantial, unlike {example}")
                elements[target].update(reasons=reasons, basis="worked-example", sources=[key])
    if spec.get("published") == "mext-au":
        sources["mext-au"] = {"url": MEXT, "title": "Japanese Government recognises Australian bachelor's degrees",
                              "publisher": "Australian Government, Department of Education and Training",
                              "published": "2015-12", "consulted": CONSULTED}  # fmt: skip
        facts.append({"id": "jp-mext:au-bachelor", "kind": "recognition-statement", "sources": ["mext-au"]})
        elements["level"].update(basis="published", sources=["mext-au"])
        if engine.outcome != "full":
            raise SystemExit("mext-au: the engine does not recommend full recognition")
        decision.update(
            basis="published",
            sources=["mext-au", *engine_keys],
            reasons={
                "en": "Japan recognises Australian bachelor's degrees for entry to Japanese postgraduate programmes "
                "(leaders' joint statement of December 2015, from April 2016): the degree is comparable to the "
                "学士 at JEQF level 6. " + engine.reasons["en"],
                "ja": "日本はオーストラリアの学士号を日本の大学院への入学資格として認めている（2015年12月の首脳共同声明、"
                "2016年4月から）。この学位はJEQFレベル6の学士に相当する。" + engine.reasons["ja"],
            },
        )
    _c_en, _c_ja = names(country)
    return {
        "id": spec["id"],
        "country": country,
        "title": {"en": title[0], "ja": title[1]},
        "scenario": {
            "en": f"{story[0]} Fictional applicant; the office applies the model policy jp-nic.",
            "ja": f"{story[1]}申請者は架空。機関はモデル方針 jp-nic を適用する。",
        },
        "case_file": case_file,
        "documents": documents(docs),
        "reference": {"elements": elements, "decision": decision},
        "facts": facts,
        "sources": sources,
    }


SCENARIOS: list[dict[str, Any]] = [
    {"id": "au-bachelor-mext", "type": "au/bachelor", "template": "master-admission", "published": "mext-au",
     "field": "0311"},
    {"id": "au-bachelor-partial", "type": "au/bachelor", "template": "partial-studies"},
    {"id": "at-bachelor-master", "type": "at/bachelor", "template": "master-admission", "field": "0222",
     "example": "ear-ch10"},
    {"id": "at-master-doctorate", "type": "at/master", "template": "doctoral-admission", "field": "0533"},
    {"id": "ch-bachelor-field-change", "type": "ch/bachelor", "template": "field-change", "field": "0533",
     "sought": "0541", "example": "ear-ch10-orientation"},
    {"id": "ch-master-law-practice", "type": "ch/master", "template": "professional-other-field", "field": "0311",
     "sought": "0421"},
    {"id": "cy-ptychio-master", "type": "cy/ptychio", "template": "master-admission", "field": "0313"},
    {"id": "dk-academy-profession-master", "type": "dk/erhvervsakademigrad", "template": "short-cycle-for-master"},
    {"id": "dk-professionsbachelor-employment", "type": "dk/professionsbachelorgrad",
     "template": "employment-professional", "example": "ear-ch5"},
    {"id": "dk-bachelor-partial", "type": "dk/bachelorgrad", "template": "partial-studies", "field": "0511"},
    {"id": "ee-bakalaureus-master", "type": "ee/bakalaureusekraad", "template": "master-admission", "field": "0541"},
    {"id": "fi-amk-employment", "type": "fi/ammattikorkeakoulututkinto", "template": "employment-professional",
     "example": "ear-ch5"},
    {"id": "fi-kandidaatti-history", "type": "fi/kandidaatti", "template": "master-admission", "field": "0222",
     "example": "ear-ch10"},
    {"id": "hr-prvostupnik-master", "type": "hr/sveucilisni-prvostupnik", "template": "master-admission",
     "field": "0511"},
    {"id": "hr-short-cycle-master", "type": "hr/strucni-kratki-studij", "template": "short-cycle-for-master"},
    {"id": "hu-alapfokozat-refugee", "type": "hu/alapfokozat", "template": "refugee", "field": "0541",
     "example": "ear-ch12"},
    {"id": "hu-mesterfokozat-doctorate", "type": "hu/mesterfokozat", "template": "doctoral-admission",
     "field": "0311"},
    {"id": "it-laurea-master", "type": "it/laurea", "template": "master-admission", "field": "0222",
     "example": "ear-ch10"},
    {"id": "it-laurea-law-practice", "type": "it/laurea", "template": "professional-other-field", "field": "0413",
     "sought": "0421"},
    {"id": "it-its-master", "type": "it/diploma-tecnico-superiore", "template": "short-cycle-for-master"},
    {"id": "lu-bachelor-partial", "type": "lu/bachelor", "template": "partial-studies", "field": "0311"},
    {"id": "lv-bakalaurs-field-change", "type": "lv/bakalaurs", "template": "field-change", "field": "0541",
     "sought": "0533", "example": "ear-ch10-orientation"},
    {"id": "mt-bachelor-master", "type": "mt/bachelor", "template": "master-admission", "field": "0413"},
    {"id": "mt-master-doctorate", "type": "mt/master", "template": "doctoral-admission", "field": "0421"},
    {"id": "no-bachelorgrad-refugee", "type": "no/bachelorgrad", "template": "refugee", "field": "0311",
     "example": "ear-ch12"},
    {"id": "no-mastergrad-practice", "type": "no/mastergrad", "template": "professional-other-field",
     "field": "0511", "sought": "0421"},
    {"id": "pl-licencjat-master", "type": "pl/licencjat", "template": "master-admission", "field": "0313"},
    {"id": "pl-licencjat-partial", "type": "pl/licencjat", "template": "partial-studies", "field": "0222"},
    {"id": "pt-licenciatura-field-change", "type": "pt/licenciatura", "template": "field-change", "field": "0311",
     "sought": "0413", "example": "ear-ch10-orientation"},
    {"id": "se-kandidatexamen-master", "type": "se/kandidatexamen", "template": "master-admission",
     "field": "0533"},
    {"id": "se-masterexamen-doctorate", "type": "se/masterexamen", "template": "doctoral-admission",
     "field": "0541"},
    {"id": "si-short-cycle-master", "type": "si/visja-strokovna-izobrazba", "template": "short-cycle-for-master"},
    {"id": "tr-lisans-refugee", "type": "tr/lisans", "template": "refugee", "field": "0413", "example": "ear-ch12"},
    {"id": "tr-onlisans-master", "type": "tr/onlisans", "template": "short-cycle-for-master"},
]  # fmt: skip


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 100 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def main(only: list[str]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for spec in SCENARIOS:
        if only and spec["id"] not in only:
            continue
        data = scenario(spec)
        head = (
            "# A training case (h18): a fictional case file; the reference answer's basis and sources are\n"
            "# given per element. Written by scripts/make_training_cases.py; checked by `qualbridge data check`.\n"
        )
        body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
        (OUT / f"{spec['id']}.yaml").write_text(head + body, encoding="utf-8")
        rec = data["reference"]
        subst = [k for k, v in rec["elements"].items() if v["substantial"]]
        print(f"{spec['id']:<36} {rec['decision']['outcome']:<16} substantial: {', '.join(subst) or '-'}")


if __name__ == "__main__":
    main(sys.argv[1:])
