"""How much of the world the data cover, and how much of it is confirmed.

``qualbridge data stats`` prints, for each kind of fact a comparison rests on (framework levels,
referencing rows, qualification-type placements), how many are ``verified: false`` (a fact is
unverified when it or the record holding it says so), and the frameworks held per world region. The
regions are UNESCO's five (Africa, Arab States, Asia and the Pacific, Europe and North America, Latin
America and the Caribbean, here shortened and with North America counted under the Americas, as the
issue that asked for them does), plus ``regional`` for frameworks that span countries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qualbridge.registry.loader import Registry


#: ISO 3166-1 alpha-2 codes per region, for the jurisdictions the data may hold
def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


REGIONS: dict[str, frozenset[str]] = {
    "asia-pacific": _codes(
        "AF AU BD BN BT CN FJ HK ID IN JP KG KH KI KR KZ LA LK MM MN MO MV MY NP NZ PG PH PK SB SG TH TJ "
        "TL TM TO TW UZ VN VU WS FM MH NR PW TV CK NU IR"
    ),
    "europe": _codes(
        "AL AM AT AZ BA BE BG BY CH CY CZ DE DK EE ES FI FR GB GE GR HR HU IE IS IT LI LT LU LV MD ME MK "
        "MT NL NO PL PT RO RS RU SE SI SK TR UA XK AD MC SM VA"
    ),
    "arab-states": _codes("AE BH DZ DJ EG IQ JO KW LB LY MA MR OM PS QA SA SD SO SY TN YE KM"),
    "africa": _codes(
        "AO BF BI BJ BW CD CF CG CI CM CV ER ET GA GH GM GN GQ GW KE LR LS MG ML MU MW MZ NA NE NG RW SC "
        "SL SN SS ST SZ TD TG TZ UG ZA ZM ZW"
    ),
    "americas": _codes(
        "AG AR BB BO BR BS BZ CA CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PY SR SV TT US "
        "UY VC VE"
    ),
}


def region_of(jurisdiction: str) -> str:
    """The region of an ISO code (a sub-national code counts as its country); ``regional`` otherwise.

    >>> region_of("GB-SCT"), region_of("NP"), region_of("ASEAN")
    ('europe', 'asia-pacific', 'regional')
    """
    country = jurisdiction.upper().split("-")[0]
    return next((region for region, codes in REGIONS.items() if country in codes), "regional")


@dataclass(frozen=True)
class Share:
    unverified: int
    total: int

    @property
    def percent(self) -> float:
        return 100.0 * self.unverified / self.total if self.total else 0.0

    def as_json(self) -> dict[str, Any]:
        return {"unverified": self.unverified, "total": self.total, "percent": round(self.percent, 1)}


def unverified_shares(registry: Registry) -> dict[str, Share]:
    """Unverified facts per kind: framework levels, referencing rows, placements."""
    levels = [fw.verified and lv.verified for fw in registry.frameworks.values() for lv in fw.levels]
    rows = [al.verified and m.verified for al in registry.alignments.values() for m in al.mappings]
    placements = [
        qt.verified and p.verified for qt in registry.qualifications.values() for p in qt.placements
    ]
    return {
        kind: Share(sum(1 for ok in facts if not ok), len(facts))
        for kind, facts in (
            ("framework levels", levels),
            ("alignment rows", rows),
            ("placements", placements),
        )
    }


def frameworks_by_region(registry: Registry) -> dict[str, list[str]]:
    """Framework ids per region, every region listed (empty ones too)."""
    out: dict[str, list[str]] = {region: [] for region in [*REGIONS, "regional"]}
    for fw in sorted(registry.frameworks.values(), key=lambda f: f.id):
        out[region_of(fw.jurisdiction)].append(fw.id)
    return out
