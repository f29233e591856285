"""The dependency direction of ARCHITECTURE.md, checked two ways: the import-linter
contracts in pyproject.toml, and importing the core in a process where Qt cannot load."""

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_linter_contracts_hold() -> None:
    lint = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint, "import-linter is a test dependency; reinstall with the test extras"
    proc = subprocess.run([lint, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_imports_without_qt() -> None:
    # A meta-path hook makes any PySide6/pyqtgraph import fail, as on a machine with no Qt.
    child = textwrap.dedent("""
        import importlib, pkgutil, sys
        class NoQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "pyqtgraph", "shiboken6"):
                    raise ImportError("Qt is not available in this test")
        sys.meta_path.insert(0, NoQt())
        import bodymap
        for pkg in ("bodymap.model", "bodymap.storage", "bodymap.services"):
            mod = importlib.import_module(pkg)
            for info in pkgutil.walk_packages(mod.__path__, pkg + "."):
                importlib.import_module(info.name)
        print("ok")
    """)
    proc = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr


def test_nothing_above_the_services_reaches_the_database() -> None:
    """Import-linter sees imports, not attribute access: ``records._db.transaction()`` in a
    widget would pass it. Every ``.db`` / ``._db`` outside storage and services fails here,
    as does a public ``db`` on Records."""
    import ast

    from bodymap.services.records import Records

    offenders = []
    for path in sorted((ROOT / "src" / "bodymap").rglob("*.py")):
        rel = path.relative_to(ROOT / "src" / "bodymap")
        if rel.parts[0] in ("storage", "services"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("db", "_db"):
                offenders.append(f"{rel}:{node.lineno}")
    assert offenders == [], "storage reached past the services at " + ", ".join(offenders)
    assert not hasattr(Records, "db")

