"""The ``bijverdienplanner`` command: its headless commands never load Qt, and no screen is said plainly.

Each command runs in a fresh Python process, as a user starts it, so the
modules it loads are its own and not those of the test session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.launch import EXIT_NO_DISPLAY, display_problem, prepare_bundle

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = str(ROOT / "examples" / "schoonmaker-amsterdam.bvp.json")

#: Runs ui.launch.main on the arguments, then prints every loaded module of Qt or matplotlib to stderr.
PROBE = """
import sys
from ui.launch import main
code = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "matplotlib"))
print("LOADED:" + ",".join(loaded), file=sys.stderr)
optional = sorted(m for m in sys.modules if m.split(".")[0] in ("numpy", "cryptography", "yaml") or m == "planner.risk")
print("OPTIONAL:" + ",".join(optional), file=sys.stderr)
sys.exit(code)
"""


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of a user's shell, with its own empty settings and no screen unless ``extra`` gives one."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    for name in ("LANG", "LANGUAGE", "LC_MESSAGES"):
        env.pop(name, None)
    env.update(extra)
    return env


def _probe(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=ROOT, env=_env(tmp_path, **env),
        capture_output=True, text=True, timeout=120, check=False,
    )


def _loaded(stderr: str, kind: str = "LOADED") -> list[str]:
    line = next(line for line in stderr.splitlines() if line.startswith(f"{kind}:"))
    return [m for m in line.removeprefix(f"{kind}:").split(",") if m]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("--help",), "bijverdienplanner compute PLAN"),
        (("--version",), "bijverdienplanner "),
        (("compute", EXAMPLE, "--lang", "en"), "Bijverdienplanner: your months, in euros"),
        (("compute", EXAMPLE, "--format", "json"), '"format": "bijverdienplanner.compute"'),
        (("compare", EXAMPLE, EXAMPLE, "--lang", "nl"), "Plan A:"),
    ],
)
def test_the_commands_without_a_window_never_load_qt(tmp_path: Path, args: tuple[str, ...], expected: str) -> None:
    result = _probe(tmp_path, *args)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout
    assert _loaded(result.stderr) == []


@pytest.mark.parametrize(
    ("args", "simulated"),
    [
        (("compute", EXAMPLE), False),
        (("compute", EXAMPLE, "--format", "json"), False),
        (("compare", EXAMPLE, EXAMPLE), False),
        (("compute", EXAMPLE, "--risk", "--samples", "200", "--lang", "en"), True),
    ],
)
def test_only_the_risk_simulation_loads_numpy(tmp_path: Path, args: tuple[str, ...], simulated: bool) -> None:
    """numpy and the simulation cost a cold start about 100 ms: loaded for --risk, and only then."""
    result = _probe(tmp_path, *args)
    assert result.returncode == 0, result.stderr
    loaded = [m for m in _loaded(result.stderr, "OPTIONAL") if m.split(".")[0] in ("numpy", "planner")]
    assert ("planner.risk" in loaded and "numpy" in loaded) == simulated, loaded
    assert bool(loaded) == simulated, loaded
    assert ("Risk: what can happen if shifts change" in result.stdout) == simulated


def test_only_the_first_start_parses_the_rule_files(tmp_path: Path) -> None:
    """The first start parses the YAML rule files (and caches them); later starts read the cache, without PyYAML."""
    cache = str(tmp_path / "cache")
    for first in (True, False):
        result = _probe(tmp_path, "compute", EXAMPLE, "--lang", "en", BIJVERDIENPLANNER_CACHE_DIR=cache)
        assert result.returncode == 0, result.stderr
        assert "Bijverdienplanner: your months, in euros" in result.stdout
        assert ("yaml" in _loaded(result.stderr, "OPTIONAL")) == first


def test_only_a_protected_plan_loads_the_cryptography(tmp_path: Path) -> None:
    """A plan without a password is read without the cryptography library (10-15 ms of every start); one with a
    password is opened with it."""
    plain = _probe(tmp_path, "compute", EXAMPLE, "--lang", "en")
    assert plain.returncode == 0, plain.stderr
    assert not [m for m in _loaded(plain.stderr, "OPTIONAL") if m.startswith("cryptography")]

    from planner.storage import load_plan, save_plan

    protected = tmp_path / "protected.bvp.json"
    save_plan(load_plan(EXAMPLE), protected, password="een lang wachtwoord")
    password = tmp_path / "password.txt"
    password.write_text("een lang wachtwoord\n", encoding="utf-8")
    opened = _probe(tmp_path, "compute", str(protected), "--password-file", str(password), "--lang", "en")
    assert opened.returncode == 0, opened.stderr
    assert "Bijverdienplanner: your months, in euros" in opened.stdout
    assert "cryptography" in _loaded(opened.stderr, "OPTIONAL")


def test_help_names_the_app_and_both_commands(tmp_path: Path) -> None:
    result = _probe(tmp_path, "-h")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: bijverdienplanner [PLAN.bvp.json]")
    assert "bijverdienplanner compare PLAN_A PLAN_B" in result.stdout
    assert f"{EXIT_NO_DISPLAY} no screen" in result.stdout


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("nl_NL.UTF-8", "Bijverdienplanner kan geen venster openen: er is geen scherm gevonden"),
        ("en_GB.UTF-8", "Bijverdienplanner cannot open its window: no screen was found"),
    ],
)
def test_the_app_without_a_screen_says_so_in_the_users_language(tmp_path: Path, locale: str, expected: str) -> None:
    result = _probe(tmp_path, LC_ALL=locale)
    assert result.returncode == EXIT_NO_DISPLAY, result.stderr
    assert expected in result.stderr
    assert "bijverdienplanner compute PLAN.bvp.json" in result.stderr
    assert "xcb" not in result.stderr.lower()  # Qt never got as far as its own abort
    assert "Traceback" not in result.stderr


def test_without_a_screen_the_saved_language_wins(tmp_path: Path) -> None:
    conf = tmp_path / "config" / "Bijverdienplanner" / "Bijverdienplanner.conf"
    conf.parent.mkdir(parents=True)
    conf.write_text("[ui]\nlanguage=en\n", encoding="utf-8")
    result = _probe(tmp_path, LC_ALL="nl_NL.UTF-8")
    assert result.returncode == EXIT_NO_DISPLAY
    assert "cannot open its window" in result.stderr


def test_the_console_script_without_a_screen(tmp_path: Path) -> None:
    """The installed command itself (the venv's entry point), as a user types it."""
    script = Path(sys.executable).with_name("bijverdienplanner")
    assert script.is_file(), "the project is not installed in this environment"
    result = subprocess.run([str(script)], cwd=tmp_path, env=_env(tmp_path, LC_ALL="nl_NL.UTF-8"),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == EXIT_NO_DISPLAY
    assert "geen scherm gevonden" in result.stderr


@pytest.mark.parametrize(
    ("env", "args", "platform", "problem"),
    [
        ({}, [], "linux", "no_display"),
        ({"QT_QPA_PLATFORM": "offscreen"}, [], "linux", None),
        ({}, ["-platform", "offscreen"], "linux", None),
        ({"QT_QPA_PLATFORM": "xcb"}, [], "linux", "no_display"),
        ({"WAYLAND_DISPLAY": "wayland-0"}, [], "linux", None),
        ({"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, [], "linux", "no_display"),
        ({}, [], "win32", None),
        ({}, [], "darwin", None),
    ],
)
def test_display_problem(env: dict[str, str], args: list[str], platform: str, problem: str | None) -> None:
    assert display_problem(args, env, platform) == problem


def test_a_missing_xcb_cursor_library_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctypes.util

    real = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name == "xcb-cursor" else real(name))
    assert display_problem([], {"DISPLAY": ":0"}, "linux") == "no_xcb_cursor"
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: f"lib{name}.so.0")
    assert display_problem([], {"DISPLAY": ":0"}, "linux") is None


def test_a_bundle_finds_qts_plugins_and_keeps_matplotlibs_font_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    environ = {"MPLCONFIGDIR": str(tmp_path / "pyinstaller-temp")}
    prepare_bundle(environ)
    assert environ == {"MPLCONFIGDIR": str(tmp_path / "pyinstaller-temp")}  # not frozen: left alone
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    prepare_bundle(environ)
    assert environ["MPLCONFIGDIR"] == str(tmp_path / "cache" / "bijverdienplanner" / "matplotlib")
    assert Path(environ["MPLCONFIGDIR"]).is_dir()
    assert environ["QT_PLUGIN_PATH"] == str(tmp_path / "_internal" / "PySide6" / "Qt" / "plugins")


@pytest.mark.parametrize("args", [("compute", EXAMPLE, "--format", "json"), ("compute", EXAMPLE, "--format", "csv")])
def test_a_reader_that_stops_early_is_no_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    """``bijverdienplanner compute PLAN | head`` : the pipe is closed before all is written. No message of a
    program error (exit 70), no Python complaint; Python's own exit code for it."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte
    try:
        result = subprocess.run(
            [sys.executable, "-m", "ui.launch", *args], cwd=ROOT, env=_env(tmp_path), stdout=write_end,
            stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        )
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 1
