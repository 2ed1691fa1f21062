"""Running HubDesk as a separate program and killing it (SIGKILL, no chance to clean up) at a
chosen moment; and the loop that does so many times, seeded, several at once."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOOPS = int(os.environ.get("HUBDESK_RELIABILITY_LOOPS", "50"))
SEED = int(os.environ.get("HUBDESK_RELIABILITY_SEED", "20251125"))
# Each iteration waits on its own process, so iterations overlap well even on two cores.
JOBS = int(os.environ.get("HUBDESK_RELIABILITY_JOBS", str(min(4, os.cpu_count() or 1))))


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen",
            "HUBDESK_REGION": "JP"}


def hubdesk(*args: str) -> list[str]:
    return [sys.executable, "-m", "hubdesk", *args]


def driver(*args: str) -> list[str]:
    """Actions the command line has no sub-command for, run by tests/reliability/driver.py."""
    return [sys.executable, "-m", "tests.reliability.driver", *args]


@dataclass
class Run:
    argv: list[str]
    delay: float | None  # seconds before the kill; None: ran to its end
    killed: bool
    returncode: int
    seconds: float
    stdout: str
    stderr: str


def run(argv: list[str], *, kill_after: float | None = None, timeout: float = 300) -> Run:
    """Run argv from the repository root; with kill_after, SIGKILL it then if still running."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    killed = False
    try:
        proc.wait(timeout=kill_after if kill_after is not None else timeout)
    except subprocess.TimeoutExpired:
        if kill_after is None:
            proc.kill()
            proc.communicate()
            raise
        proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no cleanup runs
        killed = True
    out, err = proc.communicate()
    return Run(argv, kill_after, killed, proc.returncode, time.perf_counter() - start, out, err)


def run_until(argv: list[str], ready: Callable[[], bool], timeout: float = 120) -> Run:
    """Run argv and SIGKILL it as soon as ready() (polled every 20 ms) says so."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        while proc.poll() is None and not ready():
            if time.perf_counter() - start > timeout:
                raise AssertionError(f"{argv[3:]}: not ready after {timeout} s")
            time.sleep(0.02)
    finally:
        killed = proc.poll() is None
        proc.kill()
        out, err = proc.communicate()
    return Run(argv, time.perf_counter() - start, killed, proc.returncode,
               time.perf_counter() - start, out, err)


def completed(argv: list[str]) -> Run:
    result = run(argv)
    assert result.returncode == 0, f"{argv[3:]} failed ({result.returncode}):\n{result.stderr}"
    return result


@dataclass
class Window:
    """When the action writes: after `start` (the program has loaded and opened the
    database), before `end` (it has finished), in seconds, with JOBS copies at once."""

    start: float
    end: float

    def pick(self, rng: random.Random) -> float:
        # A few kills land before the first write, a few after the end: those states must
        # hold too, but the moments in between are the ones that can go wrong.
        return rng.uniform(self.start * 0.8, self.end * 1.05)


def window(argv: Callable[[int], list[str]], opened: Callable[[int], list[str]],
           prepare: Callable[[int], None]) -> Window:
    """Time the action, and a command that only loads HubDesk and opens the same database,
    JOBS copies at once as in the loop (each i gets a fresh copy from prepare(i))."""

    def timed(command: Callable[[int], list[str]]) -> float:
        for i in range(JOBS):
            prepare(i)
        with ThreadPoolExecutor(JOBS) as pool:
            return max(r.seconds for r in pool.map(lambda i: completed(command(i)),
                                                  range(JOBS)))

    return Window(timed(opened), timed(argv))


def loop(iteration: Callable[[int, random.Random], str], loops: int = LOOPS) -> dict[str, int]:
    """Run `iteration(i, rng)` `loops` times, JOBS at once, each with its own seeded random
    generator; returns how many iterations ended in each state it named. The first failure
    is raised with the iteration and seed that reproduce it."""

    def one(i: int) -> str:
        try:
            return iteration(i, random.Random(SEED * 1000 + i))
        except Exception as exc:
            raise AssertionError(
                f"iteration {i} (HUBDESK_RELIABILITY_SEED={SEED}): {exc}") from exc

    with ThreadPoolExecutor(JOBS) as pool:
        states = list(pool.map(one, range(loops)))
    counts: dict[str, int] = {}
    for state in states:
        counts[state] = counts.get(state, 0) + 1
    return counts
