"""A rule value belongs in a rule file with its source, not as a number in the code.

This scans every module of ``planner/`` outside ``planner/rules/`` for amounts
written as literals: ``Decimal("283.17")``, ``Decimal(150)``, or a bare number
used in arithmetic. Structural numbers are allowed (0, 1, a cent, 100 for
percentages, 12 months, 13 / 3 weeks a month, 7 days a week, 24 hours a day); so are numbers
inside ``date(...)``/``timedelta(...)``, schema bounds in ``Field(...)``,
``range(...)`` and indexes, and comparisons of ages, hours, months or days
(counts, not amounts). Anything else needs a comment on its line that
says why it is not a rule value: ``# not a rule value: <why>``.
"""

from __future__ import annotations

import ast
from decimal import Decimal, InvalidOperation
from pathlib import Path

import planner

PLANNER = Path(planner.__file__).resolve().parent
ALLOWED = {Decimal(n) for n in ("0", "1", "2", "0.01", "0.5", "100", "12", "13", "3", "7", "24")}  # 24 hours a day
EXEMPT_CALLS = {"date", "time", "timedelta", "Field", "range", "round", "getattr", "min_length", "max_length"}
MARKER = "# not a rule value:"
NOT_MONEY = ("age", "hours", "months", "weekday", "day")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal_amount(node: ast.expr) -> Decimal | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _literal_amount(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and not isinstance(node.value, bool) and isinstance(node.value, (int, float, str)):
        try:
            return Decimal(str(node.value))
        except InvalidOperation:
            return None
    return None


def offenders(source: str) -> list[tuple[int, str]]:
    tree = ast.parse(source)
    lines = source.splitlines()
    found: list[tuple[int, str]] = []
    exempt: set[int] = set()  # ids of nodes inside exempt calls, subscripts and keyword bounds

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in EXEMPT_CALLS:
            exempt.update(id(n) for arg in [*node.args, *node.keywords] for n in ast.walk(arg))
        elif isinstance(node, ast.Subscript):
            exempt.update(id(n) for n in ast.walk(node.slice))
        elif isinstance(node, ast.keyword):
            exempt.update(id(n) for n in ast.walk(node.value))
        elif isinstance(node, (ast.Expr,)) and isinstance(getattr(node, "value", None), ast.Constant):
            exempt.add(id(node.value))  # docstrings

    def report(node: ast.AST, value: Decimal) -> None:
        if abs(value) in ALLOWED:
            return
        line = lines[node.lineno - 1]  # type: ignore[attr-defined]
        if MARKER not in line:
            found.append((node.lineno, line.strip()))  # type: ignore[attr-defined]

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in ("Decimal", "D") and node.args:
            value = _literal_amount(node.args[0])
            if value is not None:
                report(node, value)
            exempt.update(id(n) for n in ast.walk(node.args[0]))
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp):
            for side in (node.left, node.right):
                if id(side) in exempt or not isinstance(side, (ast.Constant, ast.UnaryOp)):
                    continue
                value = _literal_amount(side)
                if value is not None and not isinstance(getattr(side, "value", None), str):
                    report(side, value)
        elif isinstance(node, ast.Compare):
            text = ast.get_source_segment(source, node) or ""
            if any(word in text for word in NOT_MONEY):
                continue  # ages, hours, months and days are counted, not paid
            for side in (node.left, *node.comparators):
                if id(side) in exempt:
                    continue
                value = _literal_amount(side)
                if value is not None and not isinstance(getattr(side, "value", None), str):
                    report(side, value)
    return found


def test_the_scan_finds_an_amount_written_in_code() -> None:
    code = 'from decimal import Decimal\ncap = Decimal("283.17")\nlimit = 150\nover = amount > 150\nfee = amount * 0.3\n'
    assert [n for n, _ in offenders(code)] == [2, 4, 5]
    assert offenders('x = Decimal("0.20")  # not a rule value: accuracy margin\n') == []
    assert offenders("d = date(2027, 1, 1)\nmonths = amount * 12\n") == []


def test_no_amount_is_written_in_planner_code() -> None:
    problems = []
    for path in sorted(PLANNER.rglob("*.py")):
        if "rules" in path.relative_to(PLANNER).parts[:1]:
            continue
        for lineno, line in offenders(path.read_text(encoding="utf-8")):
            problems.append(f"{path.relative_to(PLANNER.parent)}:{lineno}: {line}")
    assert not problems, "amounts written in code; put rule values in planner/rules/ with a source:\n" + "\n".join(problems)
