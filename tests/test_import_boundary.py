"""The domain (planner/) never imports Qt, matplotlib or ui/.

Two independent checks: import-linter's contracts from pyproject.toml (the
import graph, as in scripts/run-tests), and a plain walk over planner/ with
``ast`` that also sees imports inside functions, under ``TYPE_CHECKING``,
relative imports and ``importlib.import_module("...")`` calls.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANNER = ROOT / "planner"

#: Top-level packages the domain may not import.
FORBIDDEN = ("PySide6", "PySide2", "shiboken6", "shiboken2", "PyQt5", "PyQt6", "qtpy", "matplotlib", "pylab", "ui")


def _lint_imports_command() -> list[str]:
    beside = Path(sys.executable).with_name("lint-imports")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("lint-imports")
    assert found, "lint-imports (import-linter) is not installed; run `bash scripts/run-tests`"
    return [found]


def test_import_linter_contracts_are_kept():
    result = subprocess.run(
        [*_lint_imports_command(), "--no-cache", "--no-logo"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"lint-imports failed:\n{result.stdout}\n{result.stderr}"
    assert "0 broken" in result.stdout, result.stdout


def _module_name(path: Path) -> tuple[str, bool]:
    """Dotted module name of ``path`` and whether it is a package ``__init__``."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    if is_package:
        parts.pop()
    return ".".join(parts), is_package


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
    return ".".join([*base, node.module] if node.module else base)


def _imported_names(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    module, is_package = _module_name(path)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(node, module, is_package)
            found.append((node.lineno, target))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in ("import_module", "__import__") and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def _is_forbidden(name: str) -> bool:
    top = name.split(".")[0]
    return top in FORBIDDEN


def test_planner_imports_no_qt_matplotlib_or_ui():
    files = sorted(PLANNER.rglob("*.py"))
    assert files, f"no Python files under {PLANNER}"
    offences = [
        f"{path.relative_to(ROOT)}:{lineno}: imports {name}"
        for path in files
        for lineno, name in _imported_names(path)
        if _is_forbidden(name)
    ]
    assert not offences, "planner/ must stay free of Qt, matplotlib and ui/:\n" + "\n".join(offences)


def test_the_ast_check_sees_each_kind_of_import(tmp_path, monkeypatch):
    """The walker above finds what it should (guards the guard)."""
    source = (
        "import PySide6.QtCore\n"
        "from matplotlib import pyplot\n"
        "def f():\n"
        "    from ui import launch\n"
        "    import importlib\n"
        "    importlib.import_module('PyQt6.QtWidgets')\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    import shiboken6\n"
        "from ..money import Money\n"
        "import planner.money\n"
    )
    fake_root = tmp_path
    module = fake_root / "planner" / "sub" / "mod.py"
    module.parent.mkdir(parents=True)
    module.write_text(source, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", fake_root)
    names = [name for _lineno, name in _imported_names(module)]
    assert sorted(n for n in names if _is_forbidden(n)) == [
        "PyQt6.QtWidgets",
        "PySide6.QtCore",
        "matplotlib",
        "shiboken6",
        "ui",
    ]
    assert names.count("planner.money") == 2  # the relative import resolved, and the absolute one
