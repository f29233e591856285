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
)
from bodymap.atlas.geometry import point_in_polygon, polygon_area
from bodymap.atlas.versions import (
    CURRENT_ATLAS_VERSION,
    UnknownAtlasVersion,
    assets_dir,
    atlas_figures,
    atlas_versions,
    current_atlas_version,
    load_atlas,
    visit_atlas,
)

__all__ = [
    "CURRENT_ATLAS_VERSION",
    "HAZARDS",
    "SEGMENTS",
    "Atlas",
    "Muscle",
    "Region",
    "UnknownAtlasVersion",
    "View",
    "assets_dir",
    "atlas_figures",
    "atlas_versions",
    "current_atlas_version",
    "load_atlas",
    "point_in_polygon",
    "polygon_area",
    "visit_atlas",
]
