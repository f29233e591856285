"""The anatomy atlas: muscle-level body diagrams, their region catalogue and hit-testing.

The core (this package minus `bodymap.atlas.qt`) never imports Qt.
"""

from bodymap.atlas.atlas import (
    HAZARDS,
    SEGMENTS,
    Atlas,
    Muscle,
    Region,
    View,
    assets_dir,
    load_atlas,
)
from bodymap.atlas.geometry import point_in_polygon, polygon_area

__all__ = [
    "HAZARDS",
    "SEGMENTS",
    "Atlas",
    "Muscle",
    "Region",
    "View",
    "assets_dir",
    "load_atlas",
    "point_in_polygon",
    "polygon_area",
]
