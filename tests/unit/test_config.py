"""Device configuration: defaults, the user's file, a roll-out file and command-line overrides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared.config import AppConfig, ConfigError, ConfigStore


def test_fresh_device_is_not_configured_and_speaks_russian(tmp_path: Path) -> None:
    config = ConfigStore("pvz", tmp_path / "pvz.json", env={}).load()
    assert config.language == "ru"
    assert not config.configured


def test_saved_settings_come_back(tmp_path: Path) -> None:
    store = ConfigStore("pvz", tmp_path / "cfg" / "pvz.json", env={})
    config = store.load()
    from dataclasses import replace

    store.save(
        replace(
            config,
            site_id="PVZ-DEMO-1",
            device_id="pc-1",
            scanner=replace(config.scanner, port="/dev/ttyACM0"),
        )
    )
    again = store.load()
    assert again.configured
    assert again.scanner.port == "/dev/ttyACM0"
    assert again.scanner.baudrate == 9600


def test_rollout_file_beats_user_file_and_command_line_beats_both(tmp_path: Path) -> None:
    user = tmp_path / "pvz.json"
    user.write_text(json.dumps({"backend_url": "http://old:1", "site_id": "PVZ-A"}))
    rollout = tmp_path / "fleet.toml"
    rollout.write_text(
        '[pvz]\nbackend_url = "https://wb.example:8700"\n[pvz.printer]\nlabel_size = "100x150"\n'
    )
    store = ConfigStore("pvz", user, env={"WB_OPS_CONFIG": str(rollout)})
    config = store.load({"site_id": "PVZ-B", "language": None})
    assert config.backend_url == "https://wb.example:8700"
    assert config.printer.label_size == "100x150"
    assert config.site_id == "PVZ-B"
    assert config.language == "ru"


def test_a_typo_in_a_setting_is_named(tmp_path: Path) -> None:
    user = tmp_path / "pvz.json"
    user.write_text(json.dumps({"backend_ulr": "x"}))
    with pytest.raises(ConfigError, match="backend_ulr"):
        ConfigStore("pvz", user, env={}).load()


def test_a_broken_file_says_which_file(tmp_path: Path) -> None:
    user = tmp_path / "pvz.json"
    user.write_text("{not json")
    with pytest.raises(ConfigError, match=str(user)):
        ConfigStore("pvz", user, env={}).load()


def test_config_never_holds_a_token() -> None:
    assert not any("token" in name or "password" in name for name in AppConfig(app="pvz").to_dict())


def test_folders_follow_platform_rules() -> None:
    from shared.config import config_dir, data_dir

    assert data_dir({"HOME": "/home/ann"}, "linux") == Path("/home/ann/.local/share/wb-ops")
    assert data_dir({"HOME": "/home/ann", "XDG_DATA_HOME": "/data"}, "linux") == Path("/data/wb-ops")
    assert data_dir({"HOME": "/h", "XDG_DATA_HOME": "relative"}, "linux") == Path("/h/.local/share/wb-ops")
    assert config_dir({"HOME": "/home/ann"}, "linux") == Path("/home/ann/.config/wb-ops")
    win = {"APPDATA": "C:/Users/ann/AppData/Roaming", "LOCALAPPDATA": "C:/Users/ann/AppData/Local"}
    assert config_dir(win, "win32") == Path("C:/Users/ann/AppData/Roaming/wb-ops")
    assert data_dir(win, "win32") == Path("C:/Users/ann/AppData/Local/wb-ops")
    assert data_dir({"HOME": "/Users/ann"}, "darwin") == Path("/Users/ann/Library/Application Support/wb-ops")
