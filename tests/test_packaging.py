"""The wheel carries rules, templates and assets; installed alone it checks text from anywhere."""
from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: build with the hatchling already installed (tests never download).
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    [built] = out.glob("*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_the_data_folders(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("rules", "templates", "assets"):
        assert any(n.startswith(f"composer/_data/{folder}/") for n in names), folder
    assert any(n.startswith("composer/_data/rules/") and n.endswith(".yaml") for n in names)
    assert any(n.endswith("entry_points.txt") for n in names)


@pytest.mark.slow
def test_installed_wheel_runs_check_from_a_fresh_venv(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    # System site-packages supply the dependencies (already installed; no download), while the
    # project itself comes only from the wheel.
    venv.create(env_dir, with_pip=True, system_site_packages=True)
    python = env_dir / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)], check=True)
    message = tmp_path / "msg.txt"
    message.write_text("Please leave us a 5-star review! Visit www.myshop.com", encoding="utf-8")
    where = subprocess.run(
        [python, "-c", "import composer.resources as r; print(r.rules_dir())"], capture_output=True, text=True, cwd=tmp_path
    )
    assert "site-packages" in where.stdout and "_data" in where.stdout
    result = subprocess.run(
        [env_dir / "bin" / "seller-composer", "check", "--format", "json", str(message)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["verdict"] == "block"
    assert {f["category"] for f in report["findings"]} >= {"external-link"}
