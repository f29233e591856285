"""Patient: identification, contact and standing precautions for dry needling."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from bodymap.model._validate import (
    check_aware,
    check_date,
    check_id,
    check_text,
    new_id,
    utcnow,
)
from bodymap.model.errors import ValidationError
from bodymap.model.limits import limit


class Sex(str, Enum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Precaution(str, Enum):
    """Precautions and contraindications screened before needling (shared DOMAIN.md list)."""

    PREGNANCY = "pregnancy"
    ANTICOAGULANTS = "anticoagulants"  # bleeding disorder or anticoagulant use
    ELECTRICAL_IMPLANT = "electrical_implant"  # pacemaker or other: no e-stim
    RECENT_SURGERY = "recent_surgery"  # within about six weeks
    LYMPHOEDEMA = "lymphoedema"  # do not needle the affected limb
    IMMUNOCOMPROMISED = "immunocompromised"
    DIABETES = "diabetes"
    MALIGNANCY = "malignancy"
    LOW_BLOOD_PRESSURE = "low_blood_pressure"  # or history of fainting
    FRAILTY = "frailty"
    INFECTION_OR_LESION = "infection_or_lesion"  # active infection or skin lesion at the site
    NEEDLE_PHOBIA = "needle_phobia"
    PRIOR_REACTION = "prior_reaction"  # prior abnormal reaction to needling

    @property
    def label(self) -> str:
        return PRECAUTION_LABELS[self]


PRECAUTION_LABELS: dict[Precaution, str] = {
    Precaution.PREGNANCY: "Pregnancy",
    Precaution.ANTICOAGULANTS: "Bleeding disorder or anticoagulant use",
    Precaution.ELECTRICAL_IMPLANT: "Pacemaker or other electrical implant (no e-stim)",
    Precaution.RECENT_SURGERY: "Recent surgery (within about six weeks)",
    Precaution.LYMPHOEDEMA: "Lymphoedema (name the limb)",
    Precaution.IMMUNOCOMPROMISED: "Compromised immunity or immunosuppressants",
    Precaution.DIABETES: "Diabetes",
    Precaution.MALIGNANCY: "Malignancy",
    Precaution.LOW_BLOOD_PRESSURE: "Low blood pressure or history of fainting",
    Precaution.FRAILTY: "Extreme frailty",
    Precaution.INFECTION_OR_LESION: "Active infection or skin lesion at the site",
    Precaution.NEEDLE_PHOBIA: "Needle phobia",
    Precaution.PRIOR_REACTION: "Prior abnormal reaction to needling",
}


def display_name(family_name: str, given_names: str) -> str:
    """"Family, Given" (or the family name alone), as every list of patients shows it."""
    return f"{family_name}, {given_names}" if given_names else family_name


@dataclass(kw_only=True)
class Patient:
    """A patient. ``id`` is a stable UUID; ``chart_number`` is the clinic's own identifier.

    ``precautions`` maps each precaution that applies to a free-text note (e.g. "warfarin",
    "left arm"); a precaution that does not apply is absent.
    """

    id: str = field(default_factory=new_id)
    chart_number: str
    family_name: str
    given_names: str = ""
    date_of_birth: date | None = None
    sex: Sex = Sex.UNKNOWN
    phone: str = ""
    email: str = ""
    address: str = ""
    precautions: dict[Precaution, str] = field(default_factory=dict)
    notes: str = ""
    is_demo: bool = False
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)

    def __post_init__(self) -> None:
        self.validate()

    def validate(self) -> None:
        """Raise ValidationError naming the first impossible value."""
        self.id = check_id("id", self.id)
        self.chart_number = check_text("chart_number", self.chart_number,
                                       limit=limit("chart_number"),
                                       required=True, label="Chart number").strip()
        self.family_name = check_text("family_name", self.family_name, limit=limit("family_name"),
                                      required=True, label="Family name")
        check_text("given_names", self.given_names, limit=limit("given_names"), label="Given names")
        check_date("date_of_birth", self.date_of_birth, label="Date of birth")
        if not isinstance(self.sex, Sex):
            try:
                self.sex = Sex(self.sex)
            except ValueError:
                raise ValidationError("sex", f"Unknown sex value {self.sex!r}") from None
        for name in ("phone", "email", "address", "notes"):
            check_text(name, getattr(self, name), limit=limit(name), label=name.capitalize())
        if not isinstance(self.precautions, dict):
            raise ValidationError("precautions", "Precautions must be a mapping")
        fixed: dict[Precaution, str] = {}
        for key, note in self.precautions.items():
            try:
                flag = Precaution(key)
            except ValueError:
                raise ValidationError("precautions", f"Unknown precaution {key!r}") from None
            fixed[flag] = check_text("precautions", note, limit=limit("precautions"),
                                     label=f"Note on {flag.label}")
        self.precautions = dict(sorted(fixed.items(), key=lambda kv: list(Precaution).index(kv[0])))
        if not isinstance(self.is_demo, bool):
            raise ValidationError("is_demo", "is_demo must be true or false")
        check_aware("created_at", self.created_at)
        check_aware("updated_at", self.updated_at)

    @property
    def display_name(self) -> str:
        """"Family, Given" as clinic lists show it."""
        return display_name(self.family_name, self.given_names)

    def age_on(self, day: date) -> int | None:
        """Age in whole years on ``day``, or None without a date of birth."""
        dob = self.date_of_birth
        if dob is None:
            return None
        return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))

    def has(self, precaution: Precaution) -> bool:
        return precaution in self.precautions
