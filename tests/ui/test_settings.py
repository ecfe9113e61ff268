"""ui.settings: declared options over QSettings, on a temporary file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ui.settings import LANGUAGE, MAX_RECENT_FILES, OPTIONS, RECENT_FILES, VERSION_KEY, WINDOW_GEOMETRY, Settings


def test_every_option_is_declared_once_with_a_label(qapp):  # noqa: ANN001
    keys = [o.key for o in OPTIONS]
    assert len(keys) == len(set(keys))
    assert all(o.label for o in OPTIONS)


def test_defaults(settings: Settings):
    assert settings.value(LANGUAGE) in ("nl", "en")
    assert settings.value(RECENT_FILES) == []
    assert settings.value(WINDOW_GEOMETRY).isEmpty()
    assert settings.qsettings.value(VERSION_KEY) is not None


def test_values_survive_a_new_settings_object(tmp_path: Path, qapp):  # noqa: ANN001
    path = str(tmp_path / "s.ini")
    first = Settings(QSettings(path, QSettings.Format.IniFormat))
    first.set_value(LANGUAGE, "en")
    first.add_recent_file(tmp_path / "a.bvp.json")
    first.set_value(WINDOW_GEOMETRY, QByteArray(b"geometry"))
    first.sync()
    second = Settings(QSettings(path, QSettings.Format.IniFormat))
    assert second.language() == "en"
    assert second.recent_files() == [str((tmp_path / "a.bvp.json").resolve())]
    assert second.value(WINDOW_GEOMETRY) == QByteArray(b"geometry")


def test_recent_files_newest_first_without_doubles_and_at_most_eight(settings: Settings, tmp_path: Path):
    for i in range(MAX_RECENT_FILES + 3):
        settings.add_recent_file(tmp_path / f"{i}.bvp.json")
    settings.add_recent_file(tmp_path / "5.bvp.json")
    files = settings.recent_files()
    assert len(files) == MAX_RECENT_FILES
    assert files[0].endswith("5.bvp.json")
    assert len(set(files)) == len(files)
    settings.remove_recent_file(tmp_path / "5.bvp.json")
    assert not any(f.endswith("5.bvp.json") for f in settings.recent_files())


def test_a_bad_stored_value_falls_back_to_the_default(settings: Settings):
    settings.qsettings.setValue(LANGUAGE.key, "klingon")
    assert settings.language() in ("nl", "en")


def test_the_default_safety_buffer_is_an_amount_as_text(settings: Settings):
    from ui.settings import DEFAULT_SAFETY_BUFFER

    assert settings.value(DEFAULT_SAFETY_BUFFER) == "0.00"
    settings.set_value(DEFAULT_SAFETY_BUFFER, "150,5")
    assert settings.value(DEFAULT_SAFETY_BUFFER) == "150.50"
    settings.qsettings.setValue(DEFAULT_SAFETY_BUFFER.key, "-3")
    assert settings.value(DEFAULT_SAFETY_BUFFER) == "0.00"


def test_the_consultation_scale_stays_within_its_range(settings: Settings):
    import pytest

    from ui.settings import CONSULTATION_SCALE

    assert settings.value(CONSULTATION_SCALE) == 140
    settings.set_value(CONSULTATION_SCALE, 180)
    assert settings.value(CONSULTATION_SCALE) == 180
    with pytest.raises(ValueError):
        settings.set_value(CONSULTATION_SCALE, 900)
    settings.qsettings.setValue(CONSULTATION_SCALE.key, "abc")
    assert settings.value(CONSULTATION_SCALE) == 140
