"""Console entry point: ``bijverdienplanner`` opens the app; ``bijverdienplanner compute …`` runs headless.

This module imports no Qt, so ``compute`` works on a machine without a screen.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("compute", "compare"):
        from planner.cli import main as cli_main

        return cli_main(args)
    from ui.app import run

    return run(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
