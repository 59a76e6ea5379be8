#!/usr/bin/env python3
"""Set up and run the app, or run every gate, from a fresh checkout.

    python3 dev.py start [pos-app arguments]   install what is missing, then start the till
    python3 dev.py test  [pytest arguments]    install what is missing, then ruff, mypy, lint-imports, pytest

Standard library only, so it runs before anything is installed.  It creates ``.venv`` beside this
file and installs the project into it (again only when ``pyproject.toml`` changed).  On Debian it
installs missing system packages (Qt's libraries; PostgreSQL for the tests) with apt-get when run as
root, or prints the exact apt-get command otherwise.  Works on Windows too (no apt step there).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

HERE = Path(__file__).resolve().parent
VENV = HERE / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")

# Debian packages: Qt's runtime libraries for a window, and PostgreSQL for the test suite.
APT_RUN = [
    "libgl1", "libegl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
    "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-shape0",
    "libxcb-render-util0", "libxcb-image0",
]
APT_TEST = ["postgresql", "poppler-utils"]


def say(msg: str) -> None:
    print(f"[dev] {msg}", flush=True)


def apt_missing(packages: list[str]) -> list[str]:
    missing = []
    for pkg in packages:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True, check=False
        )
        if "install ok installed" not in out.stdout:
            missing.append(pkg)
    return missing


def ensure_system(packages: list[str]) -> None:
    if not sys.platform.startswith("linux") or shutil.which("dpkg-query") is None:
        return
    missing = apt_missing(packages)
    if not missing:
        return
    cmd = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing system packages: " + " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env, stdout=subprocess.DEVNULL)
        subprocess.run(cmd, check=True, env=env)
    else:
        say("missing system packages; please run:\n    sudo " + " ".join(cmd))
        sys.exit(1)


def ensure_venv() -> None:
    stamp = VENV / ".pos-app-installed"
    digest = hashlib.sha256((HERE / "pyproject.toml").read_bytes()).hexdigest()
    if PY.exists() and stamp.exists() and stamp.read_text() == digest:
        return
    if not PY.exists():
        say(f"creating the virtual environment in {VENV}")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing the app and its tools (first time only)")
    pip = [str(PY), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{HERE}[dev]"], check=True)
    stamp.write_text(digest)


def run(cmd: list[str], env: dict[str, str] | None = None) -> int:
    say("$ " + " ".join(cmd))
    return subprocess.run(cmd, cwd=HERE, env=env, check=False).returncode


def start(args: list[str]) -> int:
    ensure_system(APT_RUN)
    ensure_venv()
    return run([str(PY), "-m", "ui", *args])


def test(args: list[str]) -> int:
    ensure_system(APT_RUN + APT_TEST)
    ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    gates = [
        ("ruff", [str(PY), "-m", "ruff", "check", "."]),
        ("mypy", [str(PY), "-m", "mypy"]),
        ("lint-imports", [str(PY), "-c", "import sys; from importlinter.cli import lint_imports_command as c; "
                          "sys.argv[0] = 'lint-imports'; sys.exit(c())"]),
        ("pytest", [str(PY), "-m", "pytest", *args]),
    ]
    failed = []
    for name, cmd in gates:
        if run(cmd, env) != 0:
            failed.append(name)
    if failed:
        say("FAILED: " + ", ".join(failed))
        return 1
    say("all gates passed")
    return 0


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {"start", "test"}:
        print(__doc__)
        return 2
    command, args = sys.argv[1], sys.argv[2:]
    return start(args) if command == "start" else test(args)


if __name__ == "__main__":
    sys.exit(main())
