"""Whether a process on this machine is still running, asked without disturbing it.

Used to tell an import job left "running" by a HubDesk that was killed from one another
HubDesk on this machine is still running. A process id can be reused after its process
ended; where the system says when a process started (Linux), a process younger than the job
is known not to be the one that ran it.
"""

from __future__ import annotations

import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path


def this_host() -> str:
    return socket.gethostname()[:255]


def is_running(pid: int, *, started_before: datetime | None = None) -> bool:
    """True when process `pid` exists on this machine and is not a zombie. With
    `started_before` (naive UTC), a process that started after it is another one that
    reused the id, so False."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    alive = _windows_running(pid) if os.name == "nt" else _posix_running(pid)
    if not alive or started_before is None:
        return alive
    started = _linux_start_time(pid)
    # One second of slack: the start time is counted in clock ticks, the job's in
    # microseconds by another clock reading.
    return started is None or (started - started_before).total_seconds() < 1


def _posix_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether it could be sent
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: it exists
    except OSError:
        return False
    return not _linux_zombie(pid)


def _linux_stat(pid: int) -> list[str] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        text = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces or parentheses.
    return text[text.rfind(")") + 2:].split()


def _linux_zombie(pid: int) -> bool:
    # A killed process stays a zombie until its parent reaps it: it runs nothing any more.
    fields = _linux_stat(pid)
    return bool(fields) and fields[0] in ("Z", "X")


def _linux_start_time(pid: int) -> datetime | None:
    fields = _linux_stat(pid)
    if not fields or len(fields) < 20:
        return None
    try:
        ticks = int(fields[19])  # field 22 of the whole line: start time after boot
        boot = next(int(line.split()[1]) for line in
                    Path("/proc/stat").read_text(encoding="ascii").splitlines()
                    if line.startswith("btime "))
        per_second = os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, StopIteration):
        return None
    return datetime.fromtimestamp(boot + ticks / per_second, UTC).replace(tzinfo=None)


def _windows_running(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() == access_denied  # exists, but not ours to ask
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
