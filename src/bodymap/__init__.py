"""bodymap: body-map charting for dry needling."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("bodymap")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
