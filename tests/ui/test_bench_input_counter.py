"""The input counter of the charting-effort bench (bench/bench_events.py): what it counts as
one event. The bench's figures and goals are not asserted here; `make bench` reports them."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget

from bench.bench_events import Input, NotReachable


@pytest.fixture
def form(qtbot):
    page = QWidget()
    layout = QVBoxLayout(page)
    page.edit = QLineEdit()
    page.button = QPushButton("Go")
    page.clicks = []
    page.button.clicked.connect(lambda: page.clicks.append(1))
    layout.addWidget(page.edit)
    layout.addWidget(page.button)
    page.far = QLineEdit()
    layout.addSpacing(1500)
    layout.addWidget(page.far)
    scroll = QScrollArea()
    scroll.setWidget(page)
    scroll.setWidgetResizable(True)
    scroll.resize(300, 200)
    qtbot.addWidget(scroll)
    scroll.show()
    qtbot.waitExposed(scroll)
    yield page
    scroll.close()


def test_a_click_counts_one_and_a_typed_word_counts_its_keys(form):
    inp = Input()
    with inp.step("fill"):
        inp.click(form.edit, "the field")
        inp.type("Ortega", "a name")
    with inp.step("go"):
        inp.click(form.button, "Go")
    assert form.edit.text() == "Ortega" and form.clicks == [1]
    assert [(s.name, s.events) for s in inp.steps] == [("fill", 7), ("go", 1)]
    assert inp.total == 8


def test_a_widget_scrolled_out_of_view_costs_wheel_notches(form):
    inp = Input()
    with inp.step("far field"):
        inp.click(form.far, "the far field")
    (step,) = inp.steps
    notches = step.events - 1
    assert notches > 0 and form.far.hasFocus()
    assert step.what[0] == f"{notches} wheel notches to scroll QLineEdit into view"


def test_a_hidden_widget_cannot_be_clicked(form):
    form.button.hide()
    inp = Input()
    with pytest.raises(NotReachable), inp.step("hidden"):
        inp.click(form.button, "Go")
    assert inp.total == 0
