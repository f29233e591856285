"""A fixed place for messages (errors, cautions) beside input fields.

A message that pushes fields down when it appears, and pulls them up when it goes, moves
the field under the clinician's pointer: a click aimed at one field lands on the next. A
MessageArea keeps the same height whether it shows nothing, one line or several (a long
text scrolls within it), and never asks for more width than the fields around it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget


def message_label(style: str = "") -> QLabel:
    """A word-wrapped label that takes the width it is given and asks for none."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MessageArea(QScrollArea):
    """``labels`` stacked in a strip of ``lines`` text lines' height, whatever they say."""

    def __init__(self, labels: Sequence[QLabel], lines: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for label in labels:
            label.setWordWrap(True)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setWidget(body)
        # the panel's own background shows through (setWidget turns filling on)
        body.setAutoFillBackground(False)
        self.viewport().setAutoFillBackground(False)
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 8)
