"""Chart marks: trigger points, needle sites, referred-pain zones and text notes.

Marks are immutable values: an edit replaces a mark with a changed copy
(``dataclasses.replace``), which re-runs validation. Positions are in the diagram units of
the mark's view (SVG user units), so a chart is independent of window size, zoom and DPI.
``side`` is always the patient's side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import ClassVar, TypeAlias

from bodymap.model._validate import (
    check_aware,
    check_coord,
    check_float,
    check_id,
    check_int,
    check_text,
    checking_new_records,
    new_id,
    utcnow,
)
from bodymap.model.errors import ValidationError
from bodymap.model.limits import limit

# The limits of a mark's numbers, declared once: the validation below and the widgets that
# edit them (their ranges, their messages) read these. (low, high); lengths, depths and
# durations must be more than the low bound, counts and grades at least it.
LIMITS: dict[str, tuple[float, float]] = {
    "needle_length_mm": (0, 200), "needle_diameter_mm": (0.1, 0.5), "depth_mm": (0, 200),
    "needle_count": (1, 100), "dwell_min": (0, 120), "ltr_count": (0, 1000),
    "frequency_hz": (0, 1000), "intensity_ma": (0, 100), "duration_min": (0, 120),
    "tenderness": (0, 3), "intensity": (0, 10),
}


def _int_limits(name: str) -> tuple[int, int]:
    lo, hi = LIMITS[name]
    return int(lo), int(hi)


class Side(str, Enum):
    """The patient's side (never the viewer's)."""

    LEFT = "L"
    RIGHT = "R"

    @property
    def label(self) -> str:
        return "left" if self is Side.LEFT else "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


class TriggerPointKind(str, Enum):
    ACTIVE = "active"  # reproduces the patient's complaint
    LATENT = "latent"  # tender, no spontaneous pain


class Technique(str, Enum):
    PISTONING = "pistoning"
    STATIC = "static"  # left in place; dwell time recorded
    ROTATION = "rotation"  # rotation / winding
    ESTIM = "estim"  # electrical stimulation between needles or needle and pad

    @property
    def label(self) -> str:
        return {"pistoning": "Pistoning", "static": "Static (dwell)",
                "rotation": "Rotation / winding", "estim": "Electrical stimulation"}[self.value]


class PainQuality(str, Enum):
    ACHING = "aching"
    BURNING = "burning"
    SHARP = "sharp"
    TINGLING = "tingling"
    NUMBNESS = "numbness"


def _enum(field_name: str, cls: type[Enum], value: object, label: str) -> Enum:
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in cls)
        raise ValidationError(field_name,
                              f"{label} must be one of {allowed} (got {value!r})") from None


@dataclass(frozen=True, kw_only=True)
class Mark:
    """Fields every mark has. ``region_id``/``muscle``/``side`` come from the atlas at the
    click and can be corrected by the clinician; they may be None off the muscles."""

    kind: ClassVar[str] = "mark"

    id: str = field(default_factory=new_id)
    view: str
    region_id: str | None = None
    muscle: str | None = None
    side: Side | None = None
    note: str = ""
    created_at: datetime = field(default_factory=utcnow)

    def __post_init__(self) -> None:
        object.__setattr__(self, "id", check_id("id", self.id))
        check_text("view", self.view, limit=limit("view"), required=True, label="View")
        for name in ("region_id", "muscle"):
            value = getattr(self, name)
            if value is not None:
                check_text(name, value, limit=limit(name), required=True)
        if self.side is not None:
            object.__setattr__(self, "side", _enum("side", Side, self.side, "Side"))
        check_text("note", self.note, limit=limit("note"), label="Note")
        check_aware("created_at", self.created_at)
        if self.region_id is not None and checking_new_records():
            self._check_region(self.region_id)
        self._validate()

    def _check_region(self, region_id: str) -> None:
        """A region id is ``view.muscle.side`` (the patient's side). A mark whose region
        says one side, muscle or view and whose own fields say another would be printed
        and counted wrongly: a swapped side is a clinical error. Not applied to records
        already stored (they open as they were written; see stored_records)."""
        parts = region_id.split(".")
        if len(parts) != 3 or not all(parts) or parts[2] not in {s.value for s in Side}:
            raise ValidationError("region_id", f"Region {region_id!r} is not a body region "
                                               "(expected view.muscle.side, e.g. "
                                               "posterior.upper_trapezius.L)")
        view, muscle, side = parts[0], parts[1], Side(parts[2])
        if view != self.view:
            raise ValidationError("region_id", f"Region {region_id} is in the {view} view, "
                                               f"but the mark is on the {self.view} view")
        if self.muscle is not None and muscle != self.muscle:
            raise ValidationError("muscle", f"Region {region_id} is the "
                                            f"{muscle.replace('_', ' ')}, but the mark names "
                                            f"{self.muscle.replace('_', ' ')}")
        if self.side is not None and side is not self.side:
            raise ValidationError("side", f"Region {region_id} is on the patient's "
                                          f"{side.label}, but the mark's side is "
                                          f"{self.side.label}: one of them is wrong (check "
                                          "which side was treated)")

    def _validate(self) -> None:
        """Type-specific checks (subclasses)."""

    @property
    def anchor(self) -> tuple[float, float]:
        """A representative point in diagram units (where a label would go)."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class PointMark(Mark):
    x: float
    y: float

    def _validate(self) -> None:
        object.__setattr__(self, "x", check_coord("x", self.x))
        object.__setattr__(self, "y", check_coord("y", self.y))

    @property
    def anchor(self) -> tuple[float, float]:
        return (self.x, self.y)


@dataclass(frozen=True, kw_only=True)
class TriggerPoint(PointMark):
    """A hyperirritable spot in a taut band. ``tenderness`` is graded 0-3
    (0 none, 1 mild, 2 moderate, 3 severe / jump sign)."""

    kind: ClassVar[str] = "trigger_point"

    tp_kind: TriggerPointKind = TriggerPointKind.ACTIVE
    tenderness: int | None = None

    def _validate(self) -> None:
        super()._validate()
        object.__setattr__(self, "tp_kind", _enum("tp_kind", TriggerPointKind, self.tp_kind,
                                                   "Trigger point type"))
        check_int("tenderness", self.tenderness, *_int_limits("tenderness"),
                  label="Tenderness grade")


@dataclass(frozen=True, kw_only=True)
class EStim:
    """Electrical stimulation parameters."""

    frequency_hz: float
    intensity_ma: float | None = None
    duration_min: float | None = None

    def __post_init__(self) -> None:
        check_float("estim.frequency_hz", self.frequency_hz, *LIMITS["frequency_hz"],
                    lo_open=True, optional=False, label="E-stim frequency (Hz)")
        check_float("estim.intensity_ma", self.intensity_ma, *LIMITS["intensity_ma"],
                    label="E-stim intensity (mA)")
        check_float("estim.duration_min", self.duration_min, *LIMITS["duration_min"],
                    lo_open=True,
                    label="E-stim duration (min)")


@dataclass(frozen=True, kw_only=True)
class NeedleSite(PointMark):
    """Where a solid filiform needle was inserted, with the details the record needs."""

    kind: ClassVar[str] = "needle_site"

    needle_length_mm: float | None = None
    needle_diameter_mm: float | None = None  # e.g. 0.25 or 0.30 mm (32 G / 30 G)
    depth_mm: float | None = None
    needle_count: int = 1
    technique: Technique = Technique.PISTONING
    dwell_min: float | None = None
    estim: EStim | None = None
    ltr_elicited: bool | None = None
    ltr_count: int | None = None
    response: str = ""

    def _validate(self) -> None:
        super()._validate()
        check_float("needle_length_mm", self.needle_length_mm, *LIMITS["needle_length_mm"],
                    lo_open=True,
                    label="Needle length (mm)")
        check_float("needle_diameter_mm", self.needle_diameter_mm, *LIMITS["needle_diameter_mm"],
                    label="Needle diameter (mm)")
        check_float("depth_mm", self.depth_mm, *LIMITS["depth_mm"], lo_open=True,
                    label="Depth (mm)")
        if (self.depth_mm is not None and self.needle_length_mm is not None
                and self.depth_mm > self.needle_length_mm):
            raise ValidationError("depth_mm", f"Depth ({self.depth_mm:g} mm) cannot exceed the "
                                              f"needle length ({self.needle_length_mm:g} mm)")
        check_int("needle_count", self.needle_count, *_int_limits("needle_count"),
                  label="Number of needles",
                  optional=False)
        object.__setattr__(self, "technique", _enum("technique", Technique, self.technique,
                                                     "Technique"))
        check_float("dwell_min", self.dwell_min, *LIMITS["dwell_min"], lo_open=True,
                    label="Dwell time (min)")
        if self.estim is not None and not isinstance(self.estim, EStim):
            raise ValidationError("estim", "E-stim parameters are malformed")
        if self.estim is not None and self.technique is not Technique.ESTIM:
            raise ValidationError("estim", "E-stim parameters given but the technique is "
                                           f"{self.technique.label.lower()}")
        if self.ltr_elicited is not None and not isinstance(self.ltr_elicited, bool):
            raise ValidationError("ltr_elicited", "LTR elicited must be yes, no or unrecorded")
        check_int("ltr_count", self.ltr_count, *_int_limits("ltr_count"), label="LTR count")
        if self.ltr_count and self.ltr_elicited is False:
            raise ValidationError("ltr_count", f"{self.ltr_count} local twitch responses "
                                               "recorded but LTR marked as not elicited")
        check_text("response", self.response, limit=limit("response"), label="Patient response")


@dataclass(frozen=True, kw_only=True)
class PainZone(Mark):
    """A referred-pain area drawn as a polygon, with intensity (0-10) and quality.
    ``source_id`` links the trigger point that produces it."""

    kind: ClassVar[str] = "pain_zone"

    points: tuple[tuple[float, float], ...]
    intensity: int = 5
    quality: PainQuality = PainQuality.ACHING
    source_id: str | None = None

    def _validate(self) -> None:
        try:
            if any(len(p) != 2 for p in self.points):
                raise ValidationError("points", "Each point of a pain zone's outline is one "
                                                "[x, y] pair of numbers")
            pts = tuple((check_coord("points", p[0]), check_coord("points", p[1]))
                        for p in self.points)
        except (TypeError, IndexError):
            raise ValidationError("points", "A pain zone's outline must be a list of "
                                            "[x, y] points") from None
        if len(pts) < 3:
            raise ValidationError("points", "A pain zone needs at least 3 points")
        if len(pts) > 20_000:
            raise ValidationError("points", f"A pain zone has too many points ({len(pts):,})")
        object.__setattr__(self, "points", pts)
        check_int("intensity", self.intensity, *_int_limits("intensity"), label="Pain intensity",
                  optional=False)
        object.__setattr__(self, "quality", _enum("quality", PainQuality, self.quality,
                                                   "Pain quality"))
        if self.source_id is not None:
            check_id("source_id", self.source_id)

    @property
    def anchor(self) -> tuple[float, float]:
        n = len(self.points)
        return (sum(p[0] for p in self.points) / n, sum(p[1] for p in self.points) / n)


@dataclass(frozen=True, kw_only=True)
class TextNote(PointMark):
    """A free-text annotation placed on the diagram."""

    kind: ClassVar[str] = "text_note"

    text: str

    def _validate(self) -> None:
        super()._validate()
        check_text("text", self.text, limit=limit("text"), required=True, label="Text")


AnyMark: TypeAlias = TriggerPoint | NeedleSite | PainZone | TextNote
MARK_TYPES: dict[str, type[Mark]] = {
    cls.kind: cls for cls in (TriggerPoint, NeedleSite, PainZone, TextNote)
}
