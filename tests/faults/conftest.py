"""Fixtures of the fault-injection suite (see fault_tools)."""

from fault_tools import own_settings, small_disk  # noqa: F401 - fixtures
