"""Fixtures for the atlas tests: the atlas is loaded once per test session."""

import pytest

from bodymap.atlas import Atlas, load_atlas


@pytest.fixture(scope="session")
def atlas() -> Atlas:
    return load_atlas()
