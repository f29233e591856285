"""Demo patients so a newcomer sees a populated app (``bodymap --demo``).

Every demo patient has ``is_demo=True``, a chart number starting "DEMO-" and says so in
its notes. Seeding is idempotent: a chart number already present is left alone. Marks sit
at the atlas's region anchors when the atlas knows the region, otherwise at fixed plausible
points of a 600 x 1100 view.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from bodymap.model import (
    Addendum,
    NeedleSite,
    PainQuality,
    PainZone,
    Patient,
    Side,
    Technique,
    TriggerPoint,
    TriggerPointKind,
    Visit,
    add_mark,
    clock,
    set_visit_fields,
)
from bodymap.services.chart_checks import visit_pain_extent
from bodymap.services.records import Records

DEMO_NOTE = "Demo patient: not a real person. Safe to delete."

# Where each region sits when the atlas does not (yet) know it: patient's left is on the
# viewer's left in posterior views and on the viewer's right in anterior views.
_FALLBACK: dict[str, tuple[float, float]] = {
    "posterior.upper_trapezius.L": (252, 196), "posterior.upper_trapezius.R": (348, 196),
    "posterior.levator_scapulae.R": (332, 176), "posterior.infraspinatus.R": (362, 268),
    "posterior.infraspinatus.L": (238, 268), "posterior.quadratus_lumborum.L": (276, 420),
    "posterior.gluteus_medius.R": (350, 478), "posterior.gluteus_medius.L": (250, 478),
    "posterior.piriformis.L": (262, 508), "posterior.gastrocnemius.R": (336, 800),
    "posterior.soleus.R": (334, 878), "anterior.sternocleidomastoid_sternal.L": (316, 150),
    "left_lateral.gluteus_minimus.L": (300, 500),
}
# Where the classic referred pain of each muscle goes (centre, radii) when the atlas has no
# referral outline: DOMAIN.md's patterns.
_REFERRAL: dict[str, tuple[float, float, float, float]] = {
    "posterior.upper_trapezius.L": (262, 110, 22, 45),
    "posterior.levator_scapulae.R": (330, 230, 18, 40),
    "posterior.infraspinatus.R": (395, 300, 20, 60),
    "posterior.quadratus_lumborum.L": (268, 470, 30, 25),
    "posterior.gluteus_medius.R": (320, 440, 40, 22),
    "posterior.piriformis.L": (262, 600, 22, 70),
    "posterior.gastrocnemius.R": (336, 860, 18, 50),
    "anterior.sternocleidomastoid_sternal.L": (318, 70, 25, 25),
    "left_lateral.gluteus_minimus.L": (300, 680, 22, 120),
}


def _atlas(visit: Visit) -> Any:
    try:
        from bodymap.atlas import visit_atlas

        return visit_atlas(visit)
    except Exception:  # the atlas is optional for demo data; fixed points will do
        return None


def _point(atlas: Any, region_id: str, dx: float = 0, dy: float = 0) -> tuple[float, float]:
    try:
        x, y = atlas.region(region_id).anchor
    except Exception:
        x, y = _FALLBACK[region_id]
    return (round(x + dx, 2), round(y + dy, 2))


def _zone(atlas: Any, region_id: str) -> tuple[tuple[float, float], ...]:
    try:
        polygons = atlas.referral(region_id)
        if polygons and len(polygons[0]) >= 3:
            return tuple((float(x), float(y)) for x, y in polygons[0])
    except Exception:
        pass
    cx, cy, rx, ry = _REFERRAL[region_id]
    return tuple((round(cx + rx * math.cos(a * math.pi / 6), 1),
                  round(cy + ry * math.sin(a * math.pi / 6), 1)) for a in range(12))


@dataclass
class _Treatment:
    region_id: str
    needles: int
    length_mm: float
    depth_mm: float
    technique: str = "pistoning"
    ltr: int = 0
    tenderness: int = 2


@dataclass
class _VisitPlan:
    days_ago: int
    nprs: tuple[int, int]
    soap: tuple[str, str, str, str]
    treatments: list[_Treatment]
    sign: bool = True
    addendum: str | None = None
    adverse: frozenset[str] = frozenset()
    adverse_note: str = ""


@dataclass
class _PatientPlan:
    fields: dict[str, Any]
    visits: list[_VisitPlan] = field(default_factory=list)


INSTRUCTIONS = ("Soreness for 24-48 h is expected. Drink water, keep moving gently, avoid "
                "intense exercise today. Call if pain is severe or you feel short of breath.")


def _plans() -> list[_PatientPlan]:
    neck = _Treatment("posterior.upper_trapezius.L", 2, 30, 12, ltr=3, tenderness=3)
    lev = _Treatment("posterior.levator_scapulae.R", 1, 30, 15, ltr=1)
    return [
        _PatientPlan(dict(chart_number="DEMO-001", family_name="Ångström", given_names="Zoë",
                          date_of_birth=date(1988, 4, 12), sex="female",
                          phone="+46 70 555 01 01", email="zoe.demo@example.org"), [
            _VisitPlan(27, (7, 4), ("Left neck pain 3 weeks, desk work 9 h/day; headaches at "
                                    "the left temple in the afternoon.",
                                    "Active TrP left upper trapezius reproduces temple pain; "
                                    "cervical rotation L 55°.",
                                    "Myofascial pain syndrome, left upper trapezius.",
                                    "DN weekly x3, ergonomic review, chin tucks."),
                       [neck, lev], addendum="Patient phoned next day: headache gone, mild "
                                             "soreness only."),
            _VisitPlan(13, (4, 2), ("Headaches 2/week (was daily).",
                                    "TrP left upper trapezius less irritable; rotation L 70°.",
                                    "Improving.", "One more session, then home programme."),
                       [neck]),
        ]),
        _PatientPlan(dict(chart_number="DEMO-002", family_name="Okafor", given_names="Chinedu",
                          date_of_birth=date(1961, 9, 3), sex="male",
                          precautions={"anticoagulants": "apixaban 5 mg twice daily (AF)"},
                          notes="Firm pressure on needle sites for 60 s (anticoagulated)."), [
            _VisitPlan(20, (6, 4), ("Right buttock and low back ache after gardening.",
                                    "TrPs right gluteus medius, left quadratus lumborum.",
                                    "Myofascial low back pain; anticoagulated: 32 G needles.",
                                    "Review in 1 week."),
                       [_Treatment("posterior.gluteus_medius.R", 2, 50, 35, ltr=2),
                        _Treatment("posterior.quadratus_lumborum.L", 1, 60, 40)],
                       adverse=frozenset({"bruising"}), adverse_note="2 cm bruise right buttock.",
                       addendum="Bruise checked at 48 h: fading, no haematoma."),
            _VisitPlan(6, (5, 3), ("Back better; buttock still sore after walking 2 km.",
                                   "TrP right gluteus medius persists.", "Improving slowly.",
                                   "Continue; add hip abductor strengthening."),
                       [_Treatment("posterior.gluteus_medius.R", 2, 50, 30, ltr=1)]),
        ]),
        _PatientPlan(dict(chart_number="DEMO-003", family_name="الحداد", given_names="ليلى",
                          date_of_birth=date(1979, 1, 22), sex="female",
                          phone="+971 50 555 0303"), [
            _VisitPlan(16, (8, 5), ("Pain down the side of the left leg for 6 weeks; MRI "
                                    "lumbar spine normal.",
                                    "TrPs left gluteus minimus and piriformis reproduce the "
                                    "leg pain; SLR negative.",
                                    "Pseudo-sciatica from gluteus minimus TrPs.",
                                    "DN, stretches, review 1 week."),
                       [_Treatment("left_lateral.gluteus_minimus.L", 2, 60, 45, ltr=3),
                        _Treatment("posterior.piriformis.L", 1, 75, 55, technique="static")]),
        ]),
        _PatientPlan(dict(chart_number="DEMO-004", family_name="陈", given_names="伟",
                          date_of_birth=date(1995, 7, 30), sex="male",
                          notes="Marathon in 8 weeks. 🏃"), [
            _VisitPlan(9, (5, 2), ("Right calf tightness after long runs.",
                                   "TrP right medial gastrocnemius; ankle DF 10°.",
                                   "Myofascial calf pain.", "Reduce mileage 20 % this week."),
                       [_Treatment("posterior.gastrocnemius.R", 2, 40, 25, ltr=2)],
                       addendum="Correction: ankle dorsiflexion was 12°, not 10°."),
        ]),
        _PatientPlan(dict(chart_number="DEMO-005", family_name="Müller-Lüdenscheidt",
                          given_names="Hans-Jürgen", date_of_birth=date(1947, 11, 5),
                          sex="male", precautions={
                              "electrical_implant": "pacemaker (2019): no e-stim",
                              "low_blood_pressure": "fainted once at the dentist"}), [
            _VisitPlan(24, (6, 4), ("Right shoulder pain reaching for shelves.",
                                    "TrP right infraspinatus refers to the front of the "
                                    "shoulder; treated lying down (syncope history).",
                                    "Infraspinatus myofascial pain.", "Review 10 days."),
                       [_Treatment("posterior.infraspinatus.R", 2, 40, 20, ltr=2)]),
            _VisitPlan(12, (4, 3), ("Shoulder easier; sleeps on right side again.",
                                    "TrP right infraspinatus less tender.", "Improving.",
                                    "Home stretches; reassess in 2 weeks."),
                       [_Treatment("posterior.infraspinatus.R", 1, 40, 20, tenderness=1)]),
        ]),
        _PatientPlan(dict(chart_number="DEMO-006", family_name="O'Connor",
                          given_names="Siobhán", date_of_birth=date(1990, 3, 17),
                          sex="female"), [
            _VisitPlan(0, (6, 3), ("Headaches around the left eye since a fall.",
                                   "TrP left SCM sternal head reproduces eye pain.",
                                   "Myofascial headache, SCM.", "Review in 1 week."),
                       [_Treatment("anterior.sternocleidomastoid_sternal.L", 1, 25, 8)],
                       sign=False),
        ]),
    ]


def _chart(visit: Any, plan: _VisitPlan, atlas: Any) -> int:
    needles = 0
    for t in plan.treatments:
        view, muscle, side = t.region_id.split(".")
        x, y = _point(atlas, t.region_id)
        common: dict[str, Any] = dict(view=view, region_id=t.region_id, muscle=muscle,
                                      side=Side(side))
        tp = TriggerPoint(x=x, y=y, tp_kind=TriggerPointKind.ACTIVE, tenderness=t.tenderness,
                          **common)
        add_mark(visit, tp)
        nx, ny = _point(atlas, t.region_id, 4, 3)
        add_mark(visit, NeedleSite(x=nx, y=ny, needle_length_mm=t.length_mm,
                                   needle_diameter_mm=0.25 if t.length_mm <= 40 else 0.30,
                                   depth_mm=t.depth_mm, needle_count=t.needles,
                                   technique=Technique(t.technique),
                                   dwell_min=10 if t.technique == "static" else None,
                                   ltr_elicited=t.ltr > 0, ltr_count=t.ltr,
                                   response="Familiar pain reproduced", **common))
        points = _zone(atlas, t.region_id)
        under = atlas.region_under(view, points)  # named as the chart names a drawn zone
        add_mark(visit, PainZone(view=view, points=points, intensity=6, quality=PainQuality.ACHING,
                                 source_id=tp.id, region_id=under.id if under else None,
                                 muscle=under.muscle if under else None,
                                 side=under.side if under else None))
        needles += t.needles
    return needles


def seed_demo(records: Records) -> list[Patient]:
    """Add the demo patients and their visits unless their chart numbers exist already;
    returns the demo patients (existing or new)."""
    now = clock.now().replace(second=0, microsecond=0)
    seeded = []
    for plan in _plans():
        existing = records.find_patient_by_chart_number(plan.fields["chart_number"])
        if existing is not None:
            seeded.append(existing)
            continue
        fields = dict(plan.fields)
        fields["notes"] = (fields.get("notes", "") + "\n" + DEMO_NOTE).strip()
        patient = records.create_patient(**fields, is_demo=True)
        for vp in plan.visits:
            start = (now - timedelta(days=vp.days_ago, hours=2) if vp.days_ago else
                     now - timedelta(minutes=40))
            visit = records.start_visit(patient.id, clinician="Anna Berg, PT (demo)",
                                        started_at=start)
            atlas = _atlas(visit)  # the anatomy and figure the visit is charted on
            needles = _chart(visit, vp, atlas)
            set_visit_fields(visit, consent_obtained=True, consent_date=start.astimezone().date(),
                             precautions_reviewed=True, nprs_before=vp.nprs[0],
                             nprs_after=vp.nprs[1], needles_used=needles,
                             needles_removed=needles, subjective=vp.soap[0],
                             objective=vp.soap[1], assessment=vp.soap[2], plan=vp.soap[3],
                             instructions=INSTRUCTIONS, adverse_events=vp.adverse,
                             adverse_event_notes=vp.adverse_note)
            # Derived from the zones as the chart editor stores it, so the timeline and
            # plots show the demo's pain extent rather than "–".
            visit.pain_extent = visit_pain_extent(visit, atlas)
            records.save_visit(visit)
            if vp.sign:
                # Demo history is signed when the visit ended, not at seeding time; the
                # public API always signs "now", so this goes to the repository directly.
                records._visits.sign(visit.id, visit.clinician,
                                     at=start + timedelta(minutes=45))
            if vp.addendum:
                records._visits.add_addendum(Addendum(
                    visit_id=visit.id, author=visit.clinician, text=vp.addendum,
                    created_at=min(now, start + timedelta(days=1))))
        seeded.append(patient)
    return seeded
