"""bodymap: body-map charting for dry needling."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata (pyproject is the one place it is
    # written). importlib.metadata costs tens of milliseconds to import, so it is looked up
    # only when someone asks (--version, About), never on the way to the first window.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("bodymap")
        except PackageNotFoundError:  # a source tree that was never installed
            value = "0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'bodymap' has no attribute {name!r}")
