"""Write docs/examples/fhir-bundle.json: the FHIR bundle of a demo patient's signed visit,
as `bodymap export --format fhir` writes it (the PDF included).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/fhir_example.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from bodymap.export.fhir import patient_bundle, write_bundle
from bodymap.printing.pdf import visit_pdf_bytes
from bodymap.services.demo import seed_demo
from bodymap.services.records import Records

OUT = Path(__file__).resolve().parents[1] / "docs" / "examples" / "fhir-bundle.json"
CHART = "DEMO-004"  # one signed visit, names in Chinese script


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841
    with tempfile.TemporaryDirectory() as tmp:
        records = Records.open(Path(tmp), user="Anna Berg, PT (demo)")
        try:
            seed_demo(records)
            patient = records.find_patient_by_chart_number(CHART)
            assert patient is not None
            bundle = patient_bundle(
                records, patient.id,
                pdf_for=lambda v: visit_pdf_bytes(records, patient, [v],
                                                  clinic_name="Example Clinic")[0])
        finally:
            records.close()
    write_bundle(bundle, OUT)
    OUT.chmod(0o644)  # a demo patient, not patient data: readable in the repository
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(bundle['entry'])} resources)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
