"""Shared test set-up: Qt runs offscreen unless a display is asked for explicitly."""

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from bodymap.model.clock import FixedClock, use_clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Every test runs at this instant, never at the wall clock's, so that the suite gives the same
# answers at every hour. `make test` runs the suite in two time zones at opposite ends of the
# day (UTC+14 and UTC-11): there this instant falls on 5 December and on 3 December, local.
TEST_NOW = datetime(2026, 12, 4, 10, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock() -> Iterator[FixedClock]:
    """bodymap's clock for this test: starts at TEST_NOW and moves a microsecond a reading
    (``clock.set(...)``/``clock.advance(...)`` to move it)."""
    with use_clock(FixedClock(TEST_NOW)) as fixed:
        yield fixed  # type: ignore[misc]


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the workstation's time zone for one test (``local_zone("America/Bogota")``),
    as the TZ variable does for the app; restored afterwards."""

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(scope="session")
def _atlas_release(tmp_path_factory):
    from synthetic_atlas import make_release

    return make_release(tmp_path_factory.mktemp("anatomy"))


@pytest.fixture
def atlas_v2(_atlas_release):
    """Atlas version 2 released beside today's version 1 (tests/synthetic_atlas.py): for
    the test's duration the app ships both and version 2 is current."""
    from bodymap.atlas import load_atlas
    from bodymap.atlas.versions import use_anatomy_root

    use_anatomy_root(_atlas_release)
    try:
        yield load_atlas(2)
    finally:
        use_anatomy_root(None)


@pytest.fixture(scope="session")
def _atlas_v1_only(tmp_path_factory):
    """A folder shipping version 1 alone, as bodymap did before atlas version 2."""
    import shutil

    from bodymap.atlas import assets_dir

    root = tmp_path_factory.mktemp("anatomy_v1")
    shutil.copytree(str(assets_dir(1)), root / "v1")
    return root


@pytest.fixture
def atlas_upgrade(_atlas_release, _atlas_v1_only):
    """Bodymap as it was with version 1 alone, and a function that, called mid-test,
    releases atlas version 2 beside it (as `atlas_v2` does) and returns it: what was
    charted before the call was charted on version 1, as on a clinic's machine before the
    update."""
    from bodymap.atlas import load_atlas
    from bodymap.atlas.versions import use_anatomy_root

    def upgrade():
        use_anatomy_root(_atlas_release)
        return load_atlas(2)

    use_anatomy_root(_atlas_v1_only)
    try:
        yield upgrade
    finally:
        use_anatomy_root(None)


# Tests that read no clock and no time zone: the atlas's geometry, the crash-kill trials and
# the lint gates. `make test` runs them in the first time zone only (the Makefile passes
# -m "not zone_free" to the second, which runs beside the first), keeping CI well under
# its limit.
ZONE_FREE = ("tests/atlas/", "tests/test_lint.py", "tests/storage/test_crash.py")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    root = str(config.rootpath)
    for item in items:
        path = str(item.path)[len(root) + 1:]
        if path.startswith(ZONE_FREE):
            item.add_marker(pytest.mark.zone_free)


@pytest.fixture(autouse=True)
def collect_windows_between_tests(request) -> Iterator[None]:
    """A window that only Python holds (a test's local variable, tied up in reference
    cycles by its signal connections) is freed by the cyclic garbage collector whenever it
    next runs: if that is inside Qt's event processing (a view's delayed layout calling its
    model), Qt uses freed memory and the process dies. So no automatic collection runs
    while a Qt test runs; it is done after, outside any Qt call."""
    if not {"qtbot", "qapp"} & set(request.fixturenames):
        yield
        return
    import gc

    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()
