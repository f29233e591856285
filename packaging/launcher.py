"""Frozen-bundle entry point: the same `bodymap.app:main` the wheel's scripts call."""

import sys

from bodymap.app import main

if __name__ == "__main__":
    sys.exit(main())
