"""Treatment heat map: counts per muscle over the chosen dates, fills and legend."""

from __future__ import annotations

from datetime import timedelta

from review_factory import needles_at

from bodymap.ui.review.heatmap import RAMP, HeatMapView, ramp_color


def test_counts_equal_the_needles_charted_per_muscle(qtbot, records, course):
    view = HeatMapView(records, course.patient.id)
    qtbot.addWidget(view)
    canvas = view.canvas
    assert canvas.count_for("posterior.piriformis.L") == needles_at("posterior.piriformis.L") == 7
    assert canvas.count_for("posterior.piriformis.R") == 1
    assert canvas.count_for("posterior.gluteus_medius.R") == 3
    assert canvas.count_for("posterior.gluteus_medius.L") == 0
    assert canvas.fill_for("posterior.gluteus_medius.L") is None  # untreated: no colour
    # the most needled muscle gets the darkest colour
    assert canvas.fill_for("posterior.piriformis.L") == RAMP[-1]
    assert view.counts_list.item(0).text().split() == ["7", "Piriformis", "(left)"]
    assert view.summary.text() == "15 needles in 5 muscles"


def test_date_range_changes_the_counts_inclusively(qtbot, records, course):
    view = HeatMapView(records, course.patient.id)
    qtbot.addWidget(view)
    first = course.starts[3].astimezone().date()
    view.set_range(first, first)  # one day: the 4th visit only
    assert view.canvas.count_for("posterior.piriformis.L") == 3
    assert view.canvas.count_for("posterior.gluteus_medius.R") == 0
    view.date_from.setDate(view.date_from.date().addDays(-7))  # back to the 3rd visit
    assert view.canvas.count_for("posterior.gluteus_medius.R") == 2
    view.set_range(first + timedelta(days=60), first + timedelta(days=90))
    assert view.canvas.maximum == 0 and view.summary.text() == "0 needles in 0 muscles"


def test_ramp_reads_in_grayscale_light_to_dark(qapp):
    lum = [0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
           for c in (ramp_color(f / 10) for f in range(11))]
    assert all(a > b for a, b in zip(lum, lum[1:]))
    assert lum[0] - lum[-1] > 150


def test_paints_the_counts_on_the_diagram(qtbot, records, course):
    view = HeatMapView(records, course.patient.id)
    qtbot.addWidget(view)
    view.resize(900, 760)
    view.show()
    qtbot.waitExposed(view)
    image = view.canvas.grab().toImage()
    darkest = RAMP[-1]
    hits = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
               if image.pixelColor(x, y) == darkest)
    assert hits > 5  # the piriformis region is filled with the darkest colour


def test_count_labels_of_neighbouring_muscles_do_not_cover_each_other():
    from PySide6.QtCore import QPointF

    from bodymap.ui.review.heatmap import place_count_labels

    boxes = place_count_labels([(QPointF(100, 100), "1"), (QPointF(104, 102), "5"),
                                (QPointF(98, 97), "2"), (QPointF(300, 300), "3")])
    assert [t for _, _, t in boxes] == ["5", "3", "2", "1"]  # the highest stays in place
    assert boxes[0][0].center() == QPointF(104, 102)
    for i, (a, _, _) in enumerate(boxes):
        for b, _, _ in boxes[i + 1:]:
            assert not a.intersects(b)
