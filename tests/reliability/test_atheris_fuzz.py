"""Coverage-guided fuzzing (atheris) of every import parser: atheris_harness.py runs each
target in its own process; only the typed import error may escape, and no input may take
over 10 s (libFuzzer -timeout). A crash fails the test with atheris's traceback and the
saved input, which `python tests/reliability/atheris_harness.py TARGET FILE` replays.

HUBDESK_ATHERIS_RUNS sets the runs per target (default: about 5 s of fuzzing each here);
HUBDESK_ATHERIS_SEED the libFuzzer seed (default 1, so a CI run can be repeated; 0 picks one).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("atheris")  # Linux x86_64 wheels only (pyproject's test extra)

HARNESS = Path(__file__).with_name("atheris_harness.py")
REPO = HARNESS.parents[2]
# Runs each target manages in ~5 s on the 2-core development machine (its inputs differ
# in cost: a CSV goes through mapping and field cleaning, a template through SQLite).
RUNS = {"csv": 2000, "vcard": 2500, "xlsx": 4000, "xlsx-xml": 2000, "any": 1500,
        "template": 2500}
SEED = os.environ.get("HUBDESK_ATHERIS_SEED", "1")
# -max_len is the harness's own per target (atheris_harness.MAX_LEN).
LIMITS = ["-timeout=10", "-rss_limit_mb=1024"]
DONE = re.compile(r"#(\d+)\s+DONE\s+cov: (\d+) ft: (\d+) corp: (\d+)/")


def runs(target: str) -> int:
    return int(os.environ.get("HUBDESK_ATHERIS_RUNS") or RUNS[target])


def fuzz(target: str, tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    crashes = tmp_path / "crashes"
    crashes.mkdir(exist_ok=True)
    command = [sys.executable, str(HARNESS), target, *args, f"-artifact_prefix={crashes}/"]
    env = {**os.environ, "HUBDESK_ATHERIS_WORKDIR": str(tmp_path / "work")}
    start = time.monotonic()
    # One stream: atheris prints the Python traceback on stdout, libFuzzer on stderr.
    done = subprocess.run(command, cwd=REPO, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, errors="replace", timeout=3600)
    return done, time.monotonic() - start


def report(done: subprocess.CompletedProcess, tmp_path: Path) -> str:
    saved = sorted(str(p) for p in (tmp_path / "crashes").iterdir())
    lines = [line for line in done.stdout.splitlines()
             if not line.startswith(("INFO: Instrumenting", "WARNING: Failed to find"))]
    return (f"exit code {done.returncode}; saved input(s): {', '.join(saved) or 'none'}\n"
            f"replay: python {HARNESS.relative_to(REPO)} {done.args[2]} "
            f"{saved[0] if saved else 'FILE'}\n" + "\n".join(lines[-80:]))


@pytest.mark.parametrize("target", list(RUNS))
def test_only_the_typed_error_escapes(target, tmp_path, figure):
    n = runs(target)
    done, seconds = fuzz(target, tmp_path, f"-runs={n}", f"-seed={SEED}", *LIMITS)
    assert done.returncode == 0, report(done, tmp_path)
    stats = DONE.findall(done.stdout)
    assert stats, "libFuzzer printed no DONE line:\n" + report(done, tmp_path)
    ran, cov, ft, corpus = stats[-1]
    assert int(ran) >= n  # every run happened: the seeds did not stop it early
    figure(f"atheris {target}: {int(ran):,} runs in {seconds:.1f} s (coverage {int(cov):,} "
           f"edges, {int(ft):,} features, corpus {int(corpus):,}), nothing untyped escaped")


def test_an_untyped_error_is_a_crash_with_the_input_saved(tmp_path):
    """The net itself: the canary target has a planted IndexError behind input "BUG", which
    the fuzzer finds from the seed "BUx"; the run fails and keeps the input."""
    done, _ = fuzz("canary", tmp_path, "-runs=100000", "-seed=1", *LIMITS)
    assert done.returncode != 0
    assert "IndexError: planted bug" in done.stdout
    saved = list((tmp_path / "crashes").glob("crash-*"))
    assert len(saved) == 1 and saved[0].read_bytes().startswith(b"BUG")


def test_an_input_over_the_time_limit_fails_the_run(tmp_path):
    """A parser that hangs: the input is refused as a timeout after -timeout seconds, not
    waited for (the canary would sleep 30 s)."""
    hang = tmp_path / "hang"
    hang.write_bytes(b"HANG")
    done, seconds = fuzz("canary", tmp_path, "-timeout=1", str(hang))
    assert done.returncode != 0
    assert "libFuzzer: timeout" in done.stdout
    assert seconds < 20
