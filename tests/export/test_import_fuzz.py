"""Fuzzing import: thousands of mutated export files. Each is either imported as a valid
record or refused with ImportRejected; never another exception, never a partial write."""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from export_factory import make_patient, row_counts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bodymap.export.json_export import ImportRejected, export_patient, import_patient
from bodymap.export.validate import parse_export
from bodymap.model.codec import patient_from_dict, visit_from_dict
from bodymap.services.records import Records

pytestmark = pytest.mark.slow


class Target:
    """An import target that is replaced by an empty one after each successful import,
    so the next example is not refused merely as a duplicate."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="bodymap-fuzz-"))
        self.n = 0
        self.records = self._open()

    def _open(self) -> Records:
        self.n += 1
        return Records.open(self.root / f"d{self.n}", user="fuzz")

    def renew(self) -> None:
        self.records.close(backup=False)
        self.records = self._open()

    def close(self) -> None:
        self.records.close(backup=False)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def valid() -> dict[str, Any]:
    root = Path(tempfile.mkdtemp(prefix="bodymap-fuzz-src-"))
    try:
        with Records.open(root, user="A") as records:
            patient = make_patient(records, visits=2)
            return export_patient(records, patient.id)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def target() -> Any:
    t = Target()
    yield t
    t.close()


def check_import(target: Target, data: Any) -> None:
    before = row_counts(target.records)
    try:
        patient = import_patient(target.records, data)
    except ImportRejected as exc:
        assert exc.message
        assert row_counts(target.records) == before, "a rejected file wrote something"
        return
    # accepted: what is stored is a valid record that reads back
    stored = export_patient(target.records, patient.id)
    patient_from_dict(stored["patient"], stored=True)
    for visit in stored["visits"]:
        visit_from_dict(visit, stored=True)
    target.renew()


JSON_LEAF = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12),
                      st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
                      st.sampled_from(["", "L", "R", "draft", "signed", "anterior", "moon",
                                       "2026-01-05T09:00:00+00:00", "1900-01-01", "9999-12-31",
                                       "0b7f6a48-5e4c-4d8e-9a57-0d5a0a0e0001", "\ud800"]))
JSON_VALUE = st.recursive(JSON_LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=8)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, prefix + (i,))
    return out


@st.composite
def structural(draw: st.DrawFn, valid: dict[str, Any]) -> Any:
    """1-4 edits anywhere in the tree: replace a value, delete a key or item, duplicate a
    list item (duplicate ids), or swap in a value from elsewhere in the file."""
    data = copy.deepcopy(valid)
    for _ in range(draw(st.integers(1, 4))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths[1:]))
        parent: Any = data
        for key in path[:-1]:
            parent = parent[key]
        key = path[-1]
        action = draw(st.sampled_from(["replace", "delete", "duplicate", "swap"]))
        if action == "replace":
            parent[key] = draw(JSON_VALUE)
        elif action == "delete":
            del parent[key]
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        else:
            other = draw(st.sampled_from(paths[1:]))
            node: Any = data
            try:
                for k in other:
                    node = node[k]
            except (KeyError, IndexError, TypeError):
                continue
            parent[key] = copy.deepcopy(node)
    return data


def fast(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


@fast(1000)
@given(data=st.data())
def test_structural_mutations(valid: dict[str, Any], target: Target, data: st.DataObject):
    check_import(target, data.draw(structural(valid)))


@fast(1200)
@given(data=st.data())
def test_byte_mutations(valid: dict[str, Any], target: Target, data: st.DataObject):
    raw = bytearray(json.dumps(valid, ensure_ascii=False).encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(raw) - 1))
        op = data.draw(st.sampled_from(["flip", "delete", "insert", "truncate"]))
        if op == "flip":
            raw[at] = data.draw(st.integers(0, 255))
        elif op == "delete":
            del raw[at:at + data.draw(st.integers(1, 40))]
        elif op == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=12))
        else:
            del raw[at:]
        if not raw:
            break
    try:
        parsed = parse_export(bytes(raw))
    except ImportRejected:
        return
    check_import(target, parsed)


@fast(500)
@given(value=JSON_VALUE)
def test_arbitrary_json(target: Target, value: Any):
    check_import(target, value)
