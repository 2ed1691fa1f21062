#!/usr/bin/env python3
"""Run HubDesk from a source checkout with nothing but the system Python.

    python3 run.py [--db PATH|URL] [ARGS…]   the app (or a headless sub-command, see README)
    python3 run.py test [pytest args]        ruff, then the test suite, headless
    python3 run.py bench [args]              the benchmark (tests/bench)

The first run makes `.venv` next to this file and installs HubDesk into it (editable, with the
test and build extras); later runs reinstall only when pyproject.toml changed. Standard library
only, and no syntax newer than Python 3.6, so that an old interpreter still gets a clear message
instead of a SyntaxError.
"""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WINDOWS = os.name == "nt"
VENV_PY = VENV / "Scripts" / "python.exe" if WINDOWS else VENV / "bin" / "python"
EXTRAS = ".[test,build]"
# Lives inside .venv so that deleting the venv also forgets that it was installed.
STAMP = VENV / "hubdesk-install.sha256"

# The xcb plugin and the Qt libraries it pulls in; their unresolved dependencies are what make
# Qt abort with "could not load the Qt platform plugin xcb".
XCB_PLUGIN_FILES = (
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/lib/libQt6XcbQpa.so.6",
    "Qt/lib/libQt6Gui.so.6",
)
# Shared libraries Qt's xcb plugin needs that a minimal Debian/Ubuntu often lacks, mapped to
# the package that ships them, so the message can be a command the user can paste.
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}


def die(message):
    print("run.py: " + message, file=sys.stderr)
    sys.exit(1)


def venv_works():
    # A venv outlives the interpreter it was made from (pyenv upgrade, distro upgrade); a
    # broken one is recreated rather than failing later with a confusing pip error.
    if not VENV_PY.exists():
        return False
    try:
        return subprocess.run([str(VENV_PY), "-c", ""], check=False).returncode == 0
    except OSError:
        return False


def create_venv():
    if VENV.exists():
        print("run.py: .venv is broken (its Python no longer runs); recreating it")
        shutil.rmtree(VENV)
    try:
        import ensurepip  # noqa: F401  (Debian strips it out of python3 into python3-venv)
    except ImportError:
        die(
            "cannot create .venv: this Python has no 'ensurepip'. On Debian/Ubuntu install it "
            "with: sudo apt-get install python3-venv"
        )
    print(f"run.py: creating {VENV} with {sys.executable} …", flush=True)
    result = subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=False)
    if result.returncode != 0 or not VENV_PY.exists():
        shutil.rmtree(VENV, ignore_errors=True)  # never leave a half-made venv to be trusted
        die(
            "creating .venv failed (see above). On Debian/Ubuntu the usual cause is a missing "
            "package: sudo apt-get install python3-venv"
        )


def install_stamp():
    # The extras are part of the stamp so that changing EXTRAS here also triggers a reinstall.
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    digest.update(EXTRAS.encode())
    return digest.hexdigest()


def ensure_venv():
    # ruff assumes 3.11 (the project's floor), but run.py meets whatever `python3` a user has.
    if sys.version_info < (3, 11):  # noqa: UP036
        die(f"HubDesk needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    if not venv_works():
        create_venv()
    stamp = install_stamp()
    if STAMP.exists() and STAMP.read_text().strip() == stamp:
        return
    print(f'run.py: installing HubDesk into .venv (pip install -e "{EXTRAS}") …', flush=True)
    pip = [str(VENV_PY), "-m", "pip", "install", "--disable-pip-version-check"]
    if not sys.stdout.isatty():
        pip += ["--progress-bar", "off"]  # CI logs: keep them readable
    result = subprocess.run([*pip, "-e", EXTRAS], cwd=ROOT, check=False)
    if result.returncode != 0:
        STAMP.unlink(missing_ok=True)
        die("pip install failed (see above); fix the cause and run this command again.")
    STAMP.write_text(stamp + "\n")


def run(argv, env=None, cwd=ROOT):
    """Run a command (from the repo root unless told otherwise) and return its exit status."""
    return subprocess.run(argv, cwd=cwd, env=env, check=False).returncode


def replace_process(argv, cwd=None):
    # exec on POSIX so signals (Ctrl+C, SIGTERM from a desktop session) reach the app directly;
    # Windows has no real exec, so wait and pass the exit status on instead.
    if WINDOWS:
        sys.exit(run(argv, cwd=cwd))
    if cwd is not None:
        os.chdir(cwd)
    os.execv(argv[0], argv)


def command_test(args):
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    print("run.py: step 1/2: ruff check .", flush=True)
    status = run([str(VENV_PY), "-m", "ruff", "check", "."], env)
    if status != 0:
        print(f"run.py: FAILED at step 1/2: ruff check (exit {status})", file=sys.stderr)
        return status
    print("run.py: step 2/2: pytest", flush=True)
    status = run([str(VENV_PY), "-m", "pytest", *args], env)
    if status != 0:
        print(f"run.py: FAILED at step 2/2: pytest (exit {status})", file=sys.stderr)
    return status


def opens_gui(args):
    """True when the arguments are only `--db X` (or nothing): hubdesk then opens a window."""
    rest = list(args)
    while rest:
        if rest[0] == "--db" and len(rest) >= 2:
            del rest[:2]
        elif rest[0].startswith("--db="):
            del rest[0]
        else:
            return False
    return True


def pyside6_dir():
    code = "import PySide6, os; print(os.path.dirname(PySide6.__file__))"
    result = subprocess.run([str(VENV_PY), "-c", code], capture_output=True, text=True)
    return Path(result.stdout.strip()) if result.returncode == 0 else None


def missing_xcb_libraries():
    """Shared libraries that Qt's xcb platform plugin would fail to load, by soname."""
    qt = pyside6_dir()
    ldd = shutil.which("ldd")
    if qt is None or ldd is None:
        return []  # nothing to check with; let Qt report whatever it finds
    missing = []
    for rel in XCB_PLUGIN_FILES:
        path = qt / rel
        if not path.exists():
            continue
        out = subprocess.run([ldd, str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "=> not found" in line:
                name = line.split("=>")[0].strip()
                if name not in missing:
                    missing.append(name)
    return missing


def check_linux_display():
    """Turn Qt's "could not load the xcb platform plugin" abort into an actionable message."""
    if not sys.platform.startswith("linux"):
        return
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return  # the user picked offscreen, wayland, vnc…: xcb is not involved
    has_x = bool(os.environ.get("DISPLAY"))
    has_wayland = bool(os.environ.get("WAYLAND_DISPLAY"))
    problems = []
    if has_x or not has_wayland:  # a pure Wayland session does not go through xcb
        missing = missing_xcb_libraries()
        if missing:
            packages = sorted({DEBIAN_PACKAGES.get(name, "") for name in missing} - {""})
            unknown = [name for name in missing if name not in DEBIAN_PACKAGES]
            text = (
                "Qt cannot load its window system plugin: missing libraries "
                + ", ".join(missing)
                + "."
            )
            if packages:
                text += " Install them with: sudo apt-get install " + " ".join(packages)
            if unknown:
                text += " (find the package for " + ", ".join(unknown) + " with apt-file search)"
            problems.append(text)
    if not has_x and not has_wayland:
        problems.append(
            "There is no display: neither DISPLAY nor WAYLAND_DISPLAY is set. Run the window "
            "on a virtual screen with `xvfb-run -a python3 run.py`, or use a headless "
            "sub-command such as `python3 run.py stats` (see README.md)."
        )
    if problems:
        die("\n\n".join(problems))


def main(argv):
    ensure_venv()
    if argv[:1] == ["test"]:
        return command_test(argv[1:])
    if argv[:1] == ["bench"]:
        return replace_process([str(VENV_PY), "-m", "tests.bench", *argv[1:]], cwd=ROOT)
    if opens_gui(argv):
        check_linux_display()
    # The user's working directory is kept, so `--db demo.db` or `import ./file.csv` mean
    # what they say.
    return replace_process([str(VENV_PY), "-m", "hubdesk", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
