"""Code health: no planner module uses another planner module's private names (a leading underscore).

A private helper may change or go without notice; a module that needs one from elsewhere should get it as
public API (named without the underscore, with a docstring). ``_`` itself (gettext) is public by convention.
"""

from __future__ import annotations

import ast
from pathlib import Path

PLANNER = Path(__file__).resolve().parents[2] / "planner"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PLANNER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _private(name: str) -> bool:
    return name.startswith("_") and name != "_" and not (name.startswith("__") and name.endswith("__"))


def private_imports(path: Path, own: str | None = None) -> list[str]:
    """Every use in ``path`` (the module ``own``, by default named after its place in planner/) of a private
    name of another planner module: ``from planner.x import _y``, and ``x._y`` where ``x`` is a planner module
    imported by name."""
    own = own or _module_name(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[str] = []
    modules: dict[str, str] = {}  # local name -> planner module
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 and node.module.split(".")[0] == "planner":
            for alias in node.names:
                if node.module != own and _private(alias.name):
                    found.append(f"{path.name}:{node.lineno}: from {node.module} import {alias.name}")
                # ``from planner import vrijlating as vr``: vr is a module
                if (PLANNER.parent / node.module.replace(".", "/") / f"{alias.name}.py").exists() or \
                        (PLANNER.parent / node.module.replace(".", "/") / alias.name / "__init__.py").exists():
                    modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "planner" and alias.asname:
                    modules[alias.asname] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules \
                and modules[node.value.id] != own and _private(node.attr):
            found.append(f"{path.name}:{node.lineno}: {node.value.id}.{node.attr}")
    return found


def test_no_planner_module_imports_a_private_name_of_another() -> None:
    files = sorted(PLANNER.rglob("*.py"))
    assert len(files) > 20  # the walk found the package
    found = [hit for path in files for hit in private_imports(path)]
    assert found == []


def test_the_check_finds_a_private_import(tmp_path: Path) -> None:
    """The check itself can fail: a module written like planner/risk.py was before it used public names."""
    probe = tmp_path / "probe.py"
    probe.write_text("from planner.settlement import _expenses\nfrom planner import vrijlating as vr\n"
                     "from planner.i18n import _\nvr._clock\nvr.Clock\n", encoding="utf-8")
    hits = private_imports(probe, own="planner.probe")
    assert [h.split(": ", 1)[1] for h in hits] == ["from planner.settlement import _expenses", "vr._clock"]
