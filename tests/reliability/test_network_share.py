"""A database on a network share is detected and warned about (hubdesk.core.fs_check)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from hubdesk.core import fs_check

# Lines of /proc/self/mountinfo: an ext4 root, an NFS home, a CIFS share whose mount point
# has a space (written \040), an sshfs FUSE mount, and a local tmpfs inside the NFS home.
MOUNTINFO = """\
22 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw
40 22 0:45 / /home/ann rw,relatime shared:20 - nfs4 server:/export/ann rw,vers=4.2
41 22 0:46 / /mnt/team\\040share rw,relatime shared:21 - cifs //nas/team rw,vers=3.1.1
42 22 0:47 / /mnt/remote rw,nosuid,nodev shared:22 - fuse.sshfs ann@host:/data rw
43 40 0:48 / /home/ann/scratch rw,relatime shared:23 - tmpfs tmpfs rw,size=1024k
"""
MOUNT_OUTPUT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//ann@nas/team on /Volumes/team (smbfs, nodev, nosuid, mounted by ann)
server:/export on /Volumes/nfs share (nfs, asynchronous)
"""


@pytest.mark.parametrize(("path", "kind"), [
    ("/home/ann/contacts.db", "nfs4"),
    ("/home/ann/deeper/folder/contacts.db", "nfs4"),
    ("/mnt/team share/HubDesk/contacts.db", "cifs"),
    ("/mnt/remote/contacts.db", "fuse.sshfs"),
    ("/home/ann/scratch/contacts.db", None),  # a local mount inside the share wins
    ("/home/annette/contacts.db", None),  # a name that merely starts like the share
    ("/var/lib/contacts.db", None),
])
def test_linux_mount_table_decides(path, kind, monkeypatch):
    monkeypatch.setattr(fs_check, "_existing", Path)  # these folders exist only in the table
    mounts = fs_check.linux_mounts(MOUNTINFO)
    assert fs_check.network_filesystem(path, mounts) == kind
    assert fs_check.is_network_path(path, mounts) is (kind is not None)


@pytest.mark.parametrize(("path", "kind"), [
    ("/Volumes/team/contacts.db", "smbfs"),
    ("/Volumes/nfs share/a/contacts.db", "nfs"),
    ("/Users/ann/Library/contacts.db", None),
])
def test_macos_mount_output_decides(path, kind, monkeypatch):
    monkeypatch.setattr(fs_check, "_existing", Path)
    assert fs_check.network_filesystem(path, fs_check.bsd_mounts(MOUNT_OUTPUT)) == kind


def test_windows_unc_path_is_a_share(monkeypatch):
    monkeypatch.setattr(fs_check, "_WINDOWS", True)
    assert fs_check.is_network_path(r"\\nas\team\HubDesk\contacts.db")
    assert fs_check.is_network_path("//nas/team/contacts.db")


def test_warning_names_the_share_and_is_logged(monkeypatch, caplog):
    monkeypatch.setattr(fs_check, "_existing", Path)
    mounts = fs_check.linux_mounts(MOUNTINFO)
    with caplog.at_level(logging.WARNING, logger="hubdesk.core.fs_check"):
        message = fs_check.warn_if_network("/mnt/team share/contacts.db", mounts)
    assert message is not None
    assert "/mnt/team share/contacts.db" in message and "cifs" in message
    assert message in caplog.text
    assert fs_check.warn_if_network("/var/contacts.db", mounts) is None


@pytest.mark.skipif(sys.platform == "win32", reason="no mount table: drive types decide")
def test_this_machines_temporary_folder_is_local(tmp_path):
    # The real mount table, and a database not created yet (its folder decides).
    assert fs_check.warn_if_network(tmp_path / "not-yet" / "contacts.db") is None
    assert fs_check.filesystem_type(tmp_path) != ""
