"""Console entry point: ``bijverdienplanner`` opens the app; ``bijverdienplanner compute …`` runs headless.

Only the app itself imports Qt: ``--help``, ``--version``, ``compute`` and
``compare`` never do (tests/ui/test_launch.py checks it in a fresh process),
so they work and start fast on a machine without a screen or without Qt's
system libraries.

Before the app starts, a machine on which Qt cannot open a window is told so
in the user's language, with exit code :data:`EXIT_NO_DISPLAY`, instead of
Qt's own abort ("could not connect to display", "xcb-cursor0 is needed"):

- on Linux and the other X11/Wayland systems, when neither ``DISPLAY`` nor
  ``WAYLAND_DISPLAY`` is set and ``QT_QPA_PLATFORM`` (or ``-platform``) does not
  choose another platform, such as ``offscreen``;
- when Qt would use X11 (xcb) and the system library ``libxcb-cursor`` that
  Qt's xcb plugin needs since Qt 6.5 is missing (not checked in a bundle,
  which carries its own libraries).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, MutableMapping, Sequence

#: Exit code when the app cannot open a window on this machine.
EXIT_NO_DISPLAY = 3

HELP = """\
usage: bijverdienplanner [PLAN.bvp.json]
       bijverdienplanner compute PLAN [--format table|json|csv] [--lang nl|en] [--from YYYY-MM --months N]
       bijverdienplanner compare PLAN_A PLAN_B [--format table|json] [--lang nl|en]
       bijverdienplanner --version

Without a command: open the app (and the plan, if one is given).
compute: print a plan month by month, without a window.
compare: compare two plans month by month, without a window.

Exit codes: 0 done; 2 bad input (compute, compare); 3 no screen to show the app on.
"""


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _version

    try:
        return _version("bijverdienplanner")
    except PackageNotFoundError:  # a bundle or a bare checkout without package metadata
        return "unknown"


def display_problem(args: Sequence[str], environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> str | None:
    """Why Qt cannot open a window here (``"no_display"``, ``"no_xcb_cursor"``), or ``None``."""
    if platform in ("win32", "cygwin", "darwin"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if "-platform" in args:
        following = list(args)[list(args).index("-platform") + 1 :]
        chosen = following[0] if following else chosen
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, vnc, …: Qt says itself what is wrong with it
    wayland = bool(environ.get("WAYLAND_DISPLAY")) and not chosen
    if not environ.get("DISPLAY") and not wayland:
        return "no_display"
    if environ.get("DISPLAY") and not wayland and not getattr(sys, "frozen", False):
        import ctypes.util

        if ctypes.util.find_library("xcb-cursor") is None:
            return "no_xcb_cursor"
    return None


def _user_language():  # noqa: ANN202 - planner.i18n.Language
    """The language the app would start in: the saved preference, or the system's language."""
    try:
        from ui.settings import Settings  # QtCore only: works without a screen

        return Settings().language()
    except ImportError:  # Qt itself cannot be loaded: go by the environment
        from planner.i18n import DEFAULT_LANGUAGE

        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "")
            if value:
                return "en" if value.startswith("en") else DEFAULT_LANGUAGE
        return DEFAULT_LANGUAGE


def explain_display_problem(problem: str) -> str:
    from planner.i18n import _, use_language

    with use_language(_user_language()):
        if problem == "no_xcb_cursor":
            return _(
                "Bijverdienplanner cannot open its window: the system library libxcb-cursor0 is missing. "
                "Ask the person who looks after this computer to install it "
                "(Debian and Ubuntu: sudo apt install libxcb-cursor0)."
            )
        return _(
            "Bijverdienplanner cannot open its window: no screen was found (DISPLAY and WAYLAND_DISPLAY are empty). "
            "Start it on a computer with a desktop. "
            "To compute a plan without a window, use: bijverdienplanner compute PLAN.bvp.json"
        )


def prepare_bundle(environ: MutableMapping[str, str] = os.environ) -> None:
    """In a PyInstaller bundle, before the app imports Qt and matplotlib: where Qt's plugins are, and a kept font cache.

    - ``QT_PLUGIN_PATH``: what PyInstaller's run-time hook for PySide6 sets.
      The spec leaves that hook out, because it imports QtCore on every start
      (some 140 ms of CPU, and Qt loaded for ``compute`` too); PySide6's own
      embedded qt.conf does the rest of its work.
    - ``MPLCONFIGDIR``: PyInstaller's run-time hook for matplotlib points it
      at a new temporary folder on every start (so no matplotlibrc of the
      user's reaches the bundle), and matplotlib then builds its list of
      fonts again each time: half a second here with 22 fonts, seconds on a
      laptop with hundreds. Our own cache folder keeps the user's
      matplotlibrc out just as well.
    """
    if not getattr(sys, "frozen", False):
        return
    base = getattr(sys, "_MEIPASS", os.path.dirname(sys.executable))
    qt = os.path.join(base, "PySide6") if sys.platform.startswith("win") else os.path.join(base, "PySide6", "Qt")
    environ["QT_PLUGIN_PATH"] = os.path.join(qt, "plugins")
    from platformdirs import user_cache_dir

    folder = os.path.join(user_cache_dir("bijverdienplanner", appauthor=False), "matplotlib")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return  # the temporary folder still works, only slower
    environ["MPLCONFIGDIR"] = folder


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in ("compute", "compare"):
        from planner.cli import main as cli_main

        return cli_main(args)
    if args and args[0] in ("-h", "--help", "help"):
        sys.stdout.write(HELP)
        return 0
    if args and args[0] == "--version":
        print(f"bijverdienplanner {version()}")
        return 0
    problem = display_problem(args)
    if problem is not None:
        print(explain_display_problem(problem), file=sys.stderr)
        return EXIT_NO_DISPLAY
    prepare_bundle()
    from ui.app import run

    return run(args)


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
