#!/usr/bin/env python3
"""Set up and run the app, or run every gate, from a fresh checkout.

    python3 dev.py start [pos-app arguments]   install what is missing, then start the till
    python3 dev.py test  [pytest arguments]    install what is missing, then ruff, mypy, lint-imports, pytest
    python3 dev.py mutate [--record] [--last] [--jobs N] [MODULE…]
                                               mutation testing (mutmut) of the money core; prints the score per
                                               module and fails when one is below mutation-scores.json;
                                               --record writes the new scores; --last reports the last run
                                               again (MODULE: pos_app/money.py, pos_app.money, or a folder
                                               such as pos_app/thai)

Standard library only, so it runs before anything is installed.  It creates ``.venv`` beside this
file and installs the project into it (again only when ``pyproject.toml`` changed).  On Debian it
installs missing system packages (Qt's libraries; PostgreSQL for the tests) with apt-get when run as
root, or prints the exact apt-get command otherwise.  Works on Windows too (no apt step there).
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path
from typing import Any

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
APT_TEST = ["postgresql", "poppler-utils", "zbar-tools"]  # zbar-tools: an independent QR decoder for the tests


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


SCORES = HERE / "mutation-scores.json"
SURVIVORS = HERE / "docs" / "mutation-survivors.md"  # one table row per equivalent mutant: module | name | why
# mutmut's exit codes per mutant (mutmut/stats.py): what counts as caught, what as escaped.
CAUGHT = {1, 3, 24, -24, 36, 37, 152, 255, -9, -11}  # a test failed, timed out, type check, crashed
SKIPPED = {34}


def mutation_modules() -> list[str]:
    """Every module ``[tool.mutmut] only_mutate`` in pyproject.toml names (globs expanded), as paths."""
    config = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    found: list[str] = []
    for root in config["source_paths"]:
        for path in sorted((HERE / root).rglob("*.py")):
            rel = path.relative_to(HERE).as_posix()
            if any(fnmatch.fnmatch(rel, pattern) for pattern in config["only_mutate"]) and rel not in found:
                found.append(rel)
    return found


def chosen_modules(names: list[str]) -> list[str]:
    known = mutation_modules()
    if not names:
        return known
    chosen: list[str] = []
    for name in names:
        rel = name.replace("\\", "/").strip("/")
        if not rel.endswith(".py") and "/" not in rel:
            rel = rel.replace(".", "/")
        hits = [m for m in known if m == rel or m == rel + ".py" or m.startswith(rel.rstrip("/") + "/")]
        if not hits:
            say(f"{name} is not a module mutation testing covers; these are:\n    " + "\n    ".join(known))
            sys.exit(2)
        chosen += [h for h in hits if h not in chosen]
    return chosen


def test_selection(modules: list[str]) -> list[str] | None:
    """The pytest arguments choosing the tests for ``modules`` (``[tool.mutate-tests]``), or None (all of them)."""
    table = tomllib.loads((HERE / "pyproject.toml").read_text(encoding="utf-8"))["tool"].get("mutate-tests", {})
    files: list[str] = []
    for module in modules:
        if module not in table:
            return None
        files += [f for f in table[module] if f not in files]
    return [*files, "-k", "not postgres"]


# mutmut reads its settings from pyproject.toml once; this runs it on the chosen modules only (no time spent
# making the other modules' mutants) and, when they list their tests, with that narrower test selection
MUTMUT_NARROWED = (
    "import json, sys\n"
    "from mutmut.configuration import config\n"
    "wanted = json.loads(sys.argv.pop(1))\n"
    "config().only_mutate = wanted['modules']\n"
    "if wanted['tests'] is not None:\n"
    "    config().pytest_add_cli_args_test_selection = wanted['tests']\n"
    "from mutmut.__main__ import cli\n"
    "sys.argv[0] = 'mutmut'\n"
    "sys.exit(cli())\n"
)


def mutant_glob(module: str) -> str:
    dotted = module.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
    return dotted + ".x*"  # mutmut names mutants <module>.x_<function>__mutmut_N / <module>.xǁClassǁ…


def survivor_notes() -> dict[str, str]:
    """Full mutant name → why it is harmless, from the table in docs/mutation-survivors.md."""
    notes: dict[str, str] = {}
    if SURVIVORS.exists():
        for line in SURVIVORS.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 3 and cells[1].startswith("`x"):
                dotted = cells[0].removesuffix(".py").replace("/", ".").removesuffix(".__init__")
                notes[f"{dotted}.{cells[1].strip('`')}"] = cells[2]
    return notes


def module_result(module: str) -> dict[str, Any]:  # score, killed, total, survivors, unchecked
    meta = HERE / "mutants" / (module + ".meta")
    if not meta.exists():  # not in the last run (``--last`` for another module): nothing to report or record
        return {"score": 0.0, "killed": 0, "total": 0, "survivors": [], "unchecked": ["(not in the last run)"]}
    codes: dict[str, int | None] = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    counted = {name: code for name, code in codes.items() if code not in SKIPPED}
    unchecked = sorted(name for name, code in counted.items() if code is None)
    survivors = sorted(name for name, code in counted.items() if code is not None and code not in CAUGHT)
    killed = len(counted) - len(survivors) - len(unchecked)
    score = round(100.0 * killed / len(counted), 1) if counted else 100.0
    return {"score": score, "killed": killed, "total": len(counted), "survivors": survivors, "unchecked": unchecked}


def mutate(args: list[str]) -> int:
    record = "--record" in args
    last = "--last" in args  # no new run: report (and --record) the results mutants/ holds from the last one
    jobs = str(min(2, os.cpu_count() or 2))  # the machine is shared: two at most unless asked
    names: list[str] = []
    rest = iter(a for a in args if a not in ("--record", "--last"))
    for arg in rest:
        if arg == "--jobs":
            jobs = next(rest, jobs)
        elif arg.startswith("--jobs="):
            jobs = arg.split("=", 1)[1]
        else:
            names.append(arg)
    modules = chosen_modules(names)
    ensure_system(APT_RUN + APT_TEST)
    ensure_venv()
    if os.name == "nt":
        say("mutmut needs fork(): run `python3 dev.py mutate` on Linux, macOS or WSL")
        return 2
    mutmut = str(BIN / "mutmut")
    if not last:
        shutil.rmtree(HERE / "mutants", ignore_errors=True)  # a fresh copy: no result from older code or tests
        # pytest's temp folders of the many runs (the databases the tests write): in memory when the system
        # has a tmpfs (an SQLite commit's fsync then costs nothing), else in mutants/; removed after the run
        shm = Path("/dev/shm")
        in_memory = shm.is_dir() and os.access(shm, os.W_OK)
        temp = shm / f"pos-mutate-{os.getpid()}" if in_memory else HERE / "mutants" / "tmp"
        temp.mkdir(parents=True)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1",
                   PYTEST_DEBUG_TEMPROOT=str(temp))
        wanted = json.dumps({"modules": modules, "tests": test_selection(modules)})
        try:
            finished = run([str(PY), "-c", MUTMUT_NARROWED, wanted, "run", "--max-children", jobs,
                            *(mutant_glob(m) for m in modules)], env) == 0
        finally:
            shutil.rmtree(temp, ignore_errors=True)
        if not finished:
            say("mutmut did not finish (see above)")
            return 1
    recorded: dict[str, dict[str, Any]] = json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.exists() else {}
    explained = survivor_notes()
    below: list[str] = []
    print(f"\n{'module':<34} {'killed':>7} {'total':>6} {'score':>7} {'recorded':>9}")
    for module in modules:
        result = module_result(module)
        before = recorded.get(module, {})
        was = before.get("score")
        mark = ""
        if result["unchecked"] or (isinstance(was, (int, float)) and result["score"] < was):
            below.append(module)
            mark = "  <-- BELOW" if not result["unchecked"] else "  <-- NOT CHECKED"
        shown = f"{was:.1f}" if isinstance(was, (int, float)) else "-"
        print(f"{module:<34} {result['killed']:>7} {result['total']:>6} {result['score']:>6.1f}% {shown:>8}%{mark}")
        notes = before.get("survivors", {})
        notes = {**(notes if isinstance(notes, dict) else {}), **explained}
        for name in result["survivors"]:
            why = notes.get(name, "")
            unexplained = "  (unexplained: kill it or explain it in docs/mutation-survivors.md)"
            print(f"    survived: {name}" + (f"  ({why})" if why else unexplained))
        if record and result["unchecked"]:
            say(f"{module}: not recorded (mutants not checked: {', '.join(result['unchecked'][:3])})")
        elif record:
            recorded[module] = {
                "score": result["score"], "killed": result["killed"], "total": result["total"],
                "survivors": {name: notes.get(name, "") for name in result["survivors"]},
            }
    print(f"\nsee a mutant: {mutmut} show NAME   (from {HERE})")
    if record:
        SCORES.write_text(json.dumps(dict(sorted(recorded.items())), ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
        say(f"recorded the scores in {SCORES.name}")
        return 0
    if below:
        say("FAILED: below the recorded mutation score: " + ", ".join(below))
        return 1
    say("every module at or above its recorded mutation score")
    return 0


def main() -> int:
    commands = {"start": start, "test": test, "mutate": mutate}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        return 2
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
