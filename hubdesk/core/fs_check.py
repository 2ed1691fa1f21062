"""Is a database file on a network share?

SQLite coordinates writers with file locks, and network file systems (NFS, SMB/CIFS, sshfs…)
implement them unreliably or not at all: two computers writing one file over a share can
corrupt it, and WAL mode needs shared memory that only works on one machine. HubDesk warns
rather than refuses, since one computer at a time on a share does work.
"""

from __future__ import annotations

import logging
import ntpath
import os
import subprocess
import sys
from pathlib import Path

log = logging.getLogger(__name__)

# File system types (as Linux's mountinfo and BSD/macOS's mount name them) that live on
# another machine. FUSE file systems carry a "fuse." prefix on Linux.
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "afpfs", "9p",
    "sshfs", "fuse.sshfs", "davfs", "fuse.davfs2", "webdav", "ceph", "fuse.ceph", "glusterfs",
    "fuse.glusterfs", "lustre", "gpfs", "ocfs2", "gfs2", "fuse.rclone", "fuse.s3fs",
    "fuse.gcsfuse", "fuse.smbnetfs", "fuse.curlftpfs", "beegfs", "orangefs",
})
DRIVE_REMOTE = 4  # GetDriveTypeW
_WINDOWS = sys.platform == "win32"


def _unescape(field: str) -> str:
    # mountinfo writes space, tab, newline and backslash in paths as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def linux_mounts(mountinfo: str) -> list[tuple[str, str]]:
    """(mount point, file system type) from the text of /proc/self/mountinfo."""
    out = []
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields, tail = left.split(), right.split()
        if sep and len(fields) >= 5 and tail:
            out.append((_unescape(fields[4]), tail[0]))
    return out


def bsd_mounts(mount_output: str) -> list[tuple[str, str]]:
    """(mount point, type) from `mount` on macOS/BSD: 'SRC on /point (smbfs, nodev, …)'."""
    out = []
    for line in mount_output.splitlines():
        head, sep, options = line.rpartition(" (")
        _, on, point = head.partition(" on ")
        if sep and on:
            out.append((point, options.split(",")[0].rstrip(")").strip()))
    return out


def _mount_table() -> list[tuple[str, str]]:
    if sys.platform.startswith("linux"):
        try:
            return linux_mounts(Path("/proc/self/mountinfo").read_text(errors="replace"))
        except OSError:
            return []
    try:
        text = subprocess.run(["mount"], capture_output=True, text=True, timeout=5,
                              check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return bsd_mounts(text)


def _existing(path: Path) -> Path:
    """The path, or its nearest existing folder (a database not created yet)."""
    path = Path(os.path.abspath(path))
    while not path.exists() and path.parent != path:
        path = path.parent
    return path.resolve()


def filesystem_type(path: Path | str, mounts: list[tuple[str, str]] | None = None) -> str:
    """The type of the file system holding path: that of the longest mount point above it."""
    target = str(_existing(Path(path)))
    best, kind = "", ""
    for point, fstype in mounts if mounts is not None else _mount_table():
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind


def _windows_remote(path: str) -> bool:
    drive = ntpath.splitdrive(path)[0]
    if drive.startswith(("\\\\", "//")):  # \\server\share\… : a UNC path is always remote
        return True
    import ctypes  # a mapped drive letter: Windows knows whether it is remote

    drive = ntpath.splitdrive(ntpath.abspath(path))[0]
    return bool(drive) and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE


def network_filesystem(path: Path | str,
                       mounts: list[tuple[str, str]] | None = None) -> str | None:
    """The network file system path is on ("nfs", "smb3", "UNC share"…), None when local."""
    text = str(path)
    if _WINDOWS:
        return "network share" if _windows_remote(text) else None
    kind = filesystem_type(text, mounts)
    return kind if kind.lower() in NETWORK_TYPES else None


def is_network_path(path: Path | str, mounts: list[tuple[str, str]] | None = None) -> bool:
    return network_filesystem(path, mounts) is not None


def warn_if_network(path: Path | str,
                    mounts: list[tuple[str, str]] | None = None) -> str | None:
    """The warning to show (and logged) when path is on a network share, else None."""
    kind = network_filesystem(path, mounts)
    if kind is None:
        return None
    message = (f"{path} is on a network share ({kind}). A HubDesk database file can be "
               "damaged when computers write to it over a share: keep it on this computer "
               "and share a backup, or let a team use a PostgreSQL server.")
    log.warning(message)
    return message
