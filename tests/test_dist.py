"""The one-folder build (build.spec, `make dist`): the built program starts offscreen on a
fresh embedded database — Alembic migrations run from the bundle — shows its window and
exits 0 (``--smoke``), in Georgian and in English.

dist/kantselaria is reused when it is newer than every source file; otherwise the program
is built into a temporary folder (about 35 s here; dist/ is left alone).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NAME = "kantselaria"
EXE = NAME + (".exe" if sys.platform == "win32" else "")
SOURCES = ("app", "models", "reports", "ui", "resources")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (it is a dev dependency: make test installs it)",
    ),
]


def newest_source() -> float:
    files = [ROOT / "build.spec", ROOT / "pyproject.toml"]
    for top in SOURCES:
        files += [
            p for p in (ROOT / top).rglob("*") if p.is_file() and "__pycache__" not in p.parts
        ]
    return max(p.stat().st_mtime for p in files)


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built program: dist/ when it is up to date, else a fresh build."""
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations"), "compile"], check=True
    )  # the .qm the spec bundles (generated, not in git)
    existing = ROOT / "dist" / NAME / EXE
    if existing.exists() and existing.stat().st_mtime > newest_source():
        yield existing
        return
    work = tmp_path_factory.mktemp("pyinstaller")
    started = time.perf_counter()
    r = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
         str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr[-5000:]
    print(f"\nbuild: {time.perf_counter() - started:.1f} s")
    yield work / "dist" / NAME / EXE
    shutil.rmtree(work, ignore_errors=True)  # 220 MB: not kept with pytest's old temp dirs


def smoke(
    program: Path, tmp_path: Path, *args: str
) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    started = time.perf_counter()
    r = subprocess.run(
        [str(program), "--smoke", "--db", url, *args],
        env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if r.returncode != 0:  # a window program: its traceback goes to the log file
        logs = sorted((tmp_path / "data").rglob("*.log"))
        r.stderr += "".join(p.read_text("utf-8", "replace")[-5000:] for p in logs)
    return r, seconds


def test_the_bundle_holds_translations_migrations_and_fonts(program: Path) -> None:
    internal = program.parent / "_internal"
    assert (internal / "resources" / "translations" / "kantselaria_en.qm").is_file()
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_ka.qm").is_file()
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    shipped = {p.name for p in (internal / "models" / "migrations" / "versions").glob("*.py")}
    in_source = {p.name for p in (ROOT / "models" / "migrations" / "versions").glob("*.py")}
    assert shipped == in_source
    # The package metadata, for app.__version__ in the frozen program.
    assert [*internal.glob("kantselaria-*.dist-info"), *internal.glob("kantselaria*.egg-info")]


@pytest.mark.parametrize("lang", ["ka", "en"])
def test_the_built_program_starts_on_a_fresh_database(
    program: Path, tmp_path: Path, lang: str
) -> None:
    r, seconds = smoke(program, tmp_path, "--lang", lang)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "smoke ok: 0 documents" in r.stdout
    assert (tmp_path / "fresh.sqlite3").stat().st_size > 0  # created and migrated by prepare()
    print(f"\n{lang}: start, first rows, exit: {seconds:.2f} s")


def test_the_command_line_is_in_the_folder_too(program: Path, tmp_path: Path) -> None:
    cli = program.parent / (f"{NAME}-cli" + (".exe" if sys.platform == "win32" else ""))
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(cli), "--db", url, *args], env=env, capture_output=True, text=True,
            timeout=120, input=stdin,
        )  # fmt: skip

    assert run("db", "upgrade").returncode == 0
    checked = run("db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # the first administrator's password, then a login for what reads the database
    first = run("user", "passwd", "admin", "--new-password-stdin", stdin="ადმინის-პაროლი\n")
    assert first.returncode == 0, first.stdout + first.stderr
    audit = run("audit", "verify", "--user", "admin", "--password-stdin", stdin="ადმინის-პაროლი\n")
    assert audit.returncode == 0, audit.stdout + audit.stderr
    script = run("db", "sql", "--dialect", "mssql")
    assert script.returncode == 0 and "NVARCHAR" in script.stdout and "\nGO\n" in script.stdout
