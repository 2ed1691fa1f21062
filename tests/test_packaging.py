"""The packaging files: what can be checked on any machine without building an installer.

The Linux bundle itself is built and run by build/smoke_frozen.sh (CI); here the per-OS configs
are validated for syntax, for the files they reference, for taking the version from the
package metadata, and the icon generator's ICO/ICNS output is parsed byte by byte.
"""

from __future__ import annotations

import ast
import configparser
import plistlib
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path, PurePosixPath

import pytest
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
SPEC = ROOT / "hubdesk.spec"
DESKTOP = BUILD / "linux" / "hubdesk.desktop"
ISS = BUILD / "windows" / "hubdesk.iss"
PLIST_IN = BUILD / "macos" / "Info.plist.in"
SHELL_SCRIPTS = [
    BUILD / "smoke_frozen.sh",
    BUILD / "linux" / "make_tarball.sh",
    BUILD / "linux" / "make_appimage.sh",
    BUILD / "linux" / "install.sh",
    BUILD / "macos" / "make_dmg.sh",
]
POWERSHELL_SCRIPTS = [BUILD / "windows" / "build.ps1", BUILD / "windows" / "make_portable_zip.ps1"]
# Where the spec's one-folder app lands (smoke_frozen.sh, build.ps1 and the .iss agree on it).
DIST_APP = BUILD / "pyinstaller" / "dist" / "hubdesk"
# Generated at build time (git-ignored), so referenced but never in the repository.
GENERATED = (BUILD / "pyinstaller", BUILD / "icons", ROOT / "dist")


def spec_definitions(*names: str) -> dict:
    """Run only the named top-level definitions of hubdesk.spec (it cannot be imported)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    wanted = []
    for node in tree.body:
        defined = (
            [node.name] if isinstance(node, ast.FunctionDef)
            else [t.id for t in node.targets if isinstance(t, ast.Name)]
            if isinstance(node, ast.Assign) else []
        )
        if set(defined) & set(names):
            wanted.append(node)
    module = ast.Module(body=wanted, type_ignores=[])
    namespace: dict = {
        "ROOT": ROOT,
        "PurePath": PurePosixPath,
        "plistlib": plistlib,
        "Version": Version,
    }
    exec(compile(module, str(SPEC), "exec"), namespace)
    missing = [n for n in names if n not in namespace]
    assert not missing, f"hubdesk.spec no longer defines {missing}"
    return namespace


def repo_file(path: Path) -> bool:
    return not any(path.is_relative_to(g) for g in GENERATED)


# --- hubdesk.spec -------------------------------------------------------------------------


def test_spec_is_python_and_takes_version_and_icons_from_the_build():
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text)
    assert 'importlib.metadata.version("hubdesk")' in text
    assert 'ICONS / "hubdesk.ico"' in text and 'ICONS / "hubdesk.icns"' in text
    assert 'name="hubdesk"' in text  # the one-folder name the installers package


def test_spec_leaves_out_unused_qt_plugins_and_translations():
    unused = spec_definitions("UNUSED_QT_PLUGINS", "QT_TRANSLATIONS_KEPT", "_stem",
                              "_unused_qt_file")["_unused_qt_file"]
    qt = "PySide6/Qt"
    for kept in (
        f"{qt}/plugins/platforms/libqxcb.so",
        f"{qt}/plugins/platforms/libqwayland.so",
        f"{qt}/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        f"{qt}/plugins/platforms/libqcocoa.dylib",
        f"{qt}/plugins/imageformats/libqsvg.so",
        f"{qt}/plugins/iconengines/libqsvgicon.so",
        f"{qt}/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        f"{qt}/translations/qtbase_ja.qm",
        f"{qt}/lib/libQt6Widgets.so.6",
        "hubdesk/resources/icons/hubdesk.svg",
    ):
        assert not unused(kept), kept
    for dropped in (
        f"{qt}/plugins/platforms/libqvnc.so",
        f"{qt}/plugins/platforms/libqeglfs.so",
        f"{qt}/plugins/platformthemes/libqgtk3.so",
        f"{qt}/plugins/generic/libqtuiotouchplugin.so",
        f"{qt}/plugins/egldeviceintegrations/libqeglfs-x11-integration.so",
        f"{qt}/plugins/imageformats/libqtiff.so",
        f"{qt}/translations/qtbase_de.qm",
        f"{qt}/translations/qt_zh_CN.qm",
        f"{qt}/translations/qt_help_pt_BR.qm",
    ):
        assert unused(dropped), dropped


# --- Linux ----------------------------------------------------------------------------------


def read_desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"), source=str(DESKTOP))
    return parser["Desktop Entry"]


def test_desktop_file_has_what_menus_and_file_managers_need():
    from hubdesk.config import APP_NAME

    entry = read_desktop_entry()
    for key in ("Type", "Name", "Name[ja]", "GenericName", "Comment", "Comment[ja]", "Exec",
                "Icon", "Terminal", "Categories", "MimeType", "StartupWMClass"):
        assert entry.get(key, "").strip(), f"{key} missing"
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "hubdesk %F"
    assert entry["Icon"] == "hubdesk"  # the hicolor name make_icons.py writes
    assert entry["Terminal"] == "false"
    assert entry["Categories"].split(";") == ["Office", "ContactManagement", ""]
    assert set(entry["MimeType"].rstrip(";").split(";")) == {
        "text/csv",
        "text/vcard",
        "text/x-vcard",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    assert entry["MimeType"].endswith(";")
    # Qt's X11 WM_CLASS class is the application name (hubdesk/ui/app.py sets it).
    assert entry["StartupWMClass"] == APP_NAME


def test_desktop_file_passes_desktop_file_validate():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate not installed (Debian: desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.mark.parametrize("script", SHELL_SCRIPTS, ids=lambda p: p.name)
def test_shell_scripts_parse(script):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    result = subprocess.run([bash, "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    if script.name == "install.sh":  # runs with /bin/sh on the user's machine
        result = subprocess.run(["sh", "-n", str(script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("script", [*SHELL_SCRIPTS, BUILD / "windows" / "build.ps1"],
                         ids=lambda p: p.name)
def test_scripts_reference_files_that_exist(script):
    text = script.read_text(encoding="utf-8")
    paths = re.findall(
        r"(?<![\w/.\\-])((?:build|resources)[/\\][\w./\\-]+?\.(?:py|sh|desktop|spec|iss|ps1|in"
        r"|svg))\b",
        text,
    )
    assert paths or script.name == "install.sh"
    for found in paths:
        path = ROOT / found.replace("\\", "/")
        if repo_file(path):
            assert path.exists(), f"{script.name} refers to {found}, which does not exist"


# --- Windows --------------------------------------------------------------------------------


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match.group(1)
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


def iss_defines() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"', ISS.read_text(encoding="utf-8"),
                           re.M))


def iss_params(line: str) -> dict[str, str]:
    return {
        key: value.strip().strip('"')
        for key, value in re.findall(r'(\w+):\s*("(?:[^"]|"")*"|[^;]*)', line)
    }


def test_iss_has_the_sections_and_setup_directives():
    sections = iss_sections()
    for name in ("Setup", "Languages", "Tasks", "Files", "Icons", "Registry", "Run"):
        assert name in sections, f"[{name}] missing"
    setup = dict(line.split("=", 1) for line in sections["Setup"] if "=" in line)
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["AppName"] == "{#AppName}" and iss_defines()["AppName"] == "HubDesk"
    assert setup["PrivilegesRequired"] == "lowest"
    assert "dialog" in setup["PrivilegesRequiredOverridesAllowed"]
    assert setup["ChangesAssociations"] == "yes"
    # No LICENSE in the repository, so the installer shows none.
    if not any(ROOT.glob("LICENSE*")):
        assert "LicenseFile" not in setup
    # The icon make_icons.py writes (generated before iscc runs).
    icon = (ISS.parent / setup["SetupIconFile"].replace("\\", "/")).resolve()
    assert icon == BUILD / "icons" / "hubdesk.ico"


def test_iss_version_comes_from_the_command_line():
    text = ISS.read_text(encoding="utf-8")
    assert re.search(r"^#ifndef AppVersion\s*\n\s*#error", text, re.M)
    setup = dict(line.split("=", 1) for line in iss_sections()["Setup"] if "=" in line)
    assert setup["AppVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in setup["OutputBaseFilename"]
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(";"))
    assert not re.search(r"\b\d+\.\d+\.\d+", code), "a version number is written in the .iss"


def test_iss_sources_are_the_one_folder_app():
    defines = iss_defines()
    sources = [iss_params(line) for line in iss_sections()["Files"]]
    assert sources
    for params in sources:
        source = params["Source"]
        for name, value in defines.items():
            source = source.replace("{#" + name + "}", value)
        path = (ISS.parent / source.replace("\\", "/")).resolve()
        pattern_root = path.parent if "*" in path.name else path
        if repo_file(pattern_root):
            assert pattern_root.exists(), f"Source: {params['Source']} does not exist"
        else:
            assert pattern_root == DIST_APP, f"Source: {params['Source']} is not the dist layout"
            assert "recursesubdirs" in params["Flags"]
    # Shortcuts, the association and "launch after install" start the windowed launcher that
    # hubdesk.spec builds on Windows — the console one would open a console window beside it.
    assert defines["AppExe"] == "hubdeskw.exe"
    assert spec_executables() == {"hubdesk": True, "hubdeskw": False}
    assert any("{app}\\{#AppExe}" in line for line in iss_sections()["Icons"])
    assert any("{#AppExe}" in line for line in iss_sections()["Run"])


def spec_executables() -> dict[str, bool]:
    """hubdesk.spec's executables on Windows: name → console."""
    text = (ROOT / "hubdesk.spec").read_text(encoding="utf-8")
    return {name: flag == "True"
            for name, flag in re.findall(r'executable\("(\w+)", console=(True|False)\)', text)}


def test_portable_launcher_and_signing_use_the_windowed_exe():
    portable = (BUILD / "windows" / "make_portable_zip.ps1").read_text(encoding="utf-8")
    assert 'start "" "%~dp0hubdeskw.exe"' in portable
    build = (BUILD / "windows" / "build.ps1").read_text(encoding="utf-8")
    assert "'hubdeskw.exe'" in build and "foreach ($target in @($exe, $windowed))" in build


def test_iss_file_association_is_an_unchecked_task():
    sections = iss_sections()
    tasks = {iss_params(line)["Name"]: iss_params(line) for line in sections["Tasks"]}
    assert "unchecked" in tasks["assocvcf"]["Flags"]
    assert "unchecked" in tasks["desktopicon"]["Flags"]
    for line in sections["Registry"]:
        assert iss_params(line).get("Tasks") == "assocvcf", line


@pytest.mark.parametrize("script", POWERSHELL_SCRIPTS, ids=lambda p: p.name)
def test_powershell_scripts_are_ascii_and_balanced(script):
    data = script.read_bytes()
    # Windows PowerShell 5.1 reads a file without a BOM in the ANSI code page.
    assert data.isascii(), f"{script.name} must stay ASCII"
    text = data.decode()
    for opening, closing in ("{}", "()", "[]"):
        assert text.count(opening) == text.count(closing), f"unbalanced {opening}{closing}"
    assert "$ErrorActionPreference = 'Stop'" in text


def test_build_ps1_runs_the_pieces_that_exist():
    text = (BUILD / "windows" / "build.ps1").read_text(encoding="utf-8")
    for name in ("hubdesk.iss", "make_portable_zip.ps1"):
        assert name in text and (BUILD / "windows" / name).exists()
    for name in ("run.py", "hubdesk.spec", "build\\make_icons.py"):
        assert name in text and (ROOT / name.replace("\\", "/")).exists()
    assert "/DAppVersion=$version" in text
    assert "m.version('hubdesk')" in text


# --- macOS ----------------------------------------------------------------------------------


def test_info_plist_parses_with_the_version_filled_in():
    info = spec_definitions("macos_info_plist")["macos_info_plist"]("1.4.0rc2")
    assert info["CFBundleIdentifier"] == "app.hubdesk.HubDesk"
    assert info["CFBundleShortVersionString"] == "1.4.0"
    assert info["CFBundleVersion"] == "1.4.0"
    assert info["CFBundleGetInfoString"] == "HubDesk 1.4.0rc2"
    assert info["NSHighResolutionCapable"] is True
    assert Version(info["LSMinimumSystemVersion"]) >= Version("11")
    utis = {uti for doc in info["CFBundleDocumentTypes"] for uti in doc["LSItemContentTypes"]}
    assert utis == {"public.vcard", "public.comma-separated-values-text",
                    "org.openxmlformats.spreadsheetml.sheet"}
    assert {doc["LSHandlerRank"] for doc in info["CFBundleDocumentTypes"]} == {"Alternate"}
    assert spec_definitions("macos_info_plist")["macos_info_plist"]("2")[
        "CFBundleShortVersionString"] == "2.0.0"


def test_no_packaging_file_hard_codes_the_version():
    import importlib.metadata

    version = importlib.metadata.version("hubdesk")
    files = [SPEC, DESKTOP, ISS, PLIST_IN, *SHELL_SCRIPTS, *POWERSHELL_SCRIPTS]
    for path in files:
        assert version not in path.read_text(encoding="utf-8"), f"{path.name} has {version}"


# --- icons ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def icons(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    subprocess.run([sys.executable, str(BUILD / "make_icons.py"), "--out", str(out)],
                   check=True, capture_output=True)
    return out


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def make_icons_constant(name: str):
    tree = ast.parse((BUILD / "make_icons.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise AssertionError(name)


def test_ico_is_a_valid_icon_directory(icons):
    data = (icons / "hubdesk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    sizes = make_icons_constant("ICO_SIZES")
    assert (reserved, kind, count) == (0, 1, len(sizes))
    expected_offset = 6 + 16 * count
    for i, size in enumerate(sizes):
        width, height, colors, zero, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i])
        assert (width or 256, height or 256) == (size, size)
        assert (colors, zero, planes, bits) == (0, 0, 1, 32)
        assert offset == expected_offset and offset + length <= len(data)
        expected_offset += length
        image = data[offset : offset + length]
        if image[:4] == b"\x89PNG":
            assert png_size(image) == (size, size)
        else:  # BITMAPINFOHEADER: doubled height (colour + mask), 32 bpp, uncompressed
            header = struct.unpack("<IiiHHI", image[:20])
            assert header == (40, size, 2 * size, 1, 32, 0)
            mask_row = (size + 31) // 32 * 4
            assert length == 40 + size * size * 4 + mask_row * size
    assert expected_offset == len(data)


def test_icns_is_a_valid_container(icons):
    data = (icons / "hubdesk.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found = {}
    pos = 8
    while pos < len(data):
        kind, length = data[pos : pos + 4], struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        assert length > 8 and pos + length <= len(data)
        found[kind] = png_size(data[pos + 8 : pos + length])
        pos += length
    assert pos == len(data)
    expected = {kind: (size, size) for kind, size in make_icons_constant("ICNS_TYPES")}
    assert found == expected
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= found.keys()


def test_hicolor_pngs_match_their_folders(icons):
    pngs = sorted((icons / "hicolor").glob("*/apps/hubdesk.png"))
    assert len(pngs) == len(make_icons_constant("HICOLOR_SIZES"))
    for png in pngs:
        size = int(png.parent.parent.name.split("x")[0])
        assert png_size(png.read_bytes()) == (size, size)
    assert (icons / "hicolor" / "scalable" / "apps" / "hubdesk.svg").read_bytes() == (
        ROOT / "resources" / "icons" / "hubdesk.svg").read_bytes()
