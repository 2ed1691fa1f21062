"""Render the app icon set from resources/icons/hubdesk.svg, for the installers and bundles.

    .venv/bin/python build/make_icons.py [--svg FILE] [--out DIR]     (default out: build/icons)

Writes, all generated (git-ignored) and reproducible:

    hubdesk.ico                      Windows: 16–256 px (exe icon, Inno Setup's SetupIconFile)
    hubdesk.icns                     macOS: 16–1024 px incl. the @2x sizes (the .app's icon)
    hicolor/<N>x<N>/apps/hubdesk.png Linux: freedesktop icon theme layout, 16–512 px
    hicolor/scalable/apps/hubdesk.svg

Every size is rendered from the vector source at that size (never scaled down from a big
bitmap), so small icons stay sharp and high-DPI screens get real 2× pixels.

The containers are written here rather than with Pillow/iconutil, so any OS can build them
with nothing but PySide6:

* ICO: a 6-byte header (reserved 0, type 1, count), one 16-byte directory entry per image,
  then the images. 256 px is stored as PNG (Windows Vista+ reads PNG entries); the smaller
  sizes as classic 32-bit BMP/DIB with an AND mask, which every consumer reads (Explorer,
  resource compilers, PyInstaller's icon embedding, Inno Setup).
* ICNS: 'icns' + big-endian total length, then (type, length, data) entries. All entries are
  PNG, which macOS reads for icp4/icp5/ic07–ic14 since 10.7/10.8 — far older than the macOS
  that Qt 6 itself requires.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SVG = ROOT / "resources" / "icons" / "hubdesk.svg"
DEFAULT_OUT = ROOT / "build" / "icons"

# Windows shell sizes at 100–200 % scaling (16/20/24/32/40/48/64/96) plus 128 and 256.
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
# ICNS type codes → pixel size (the @2x slots hold the doubled size of their point size).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16 pt @2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32 pt @2x
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),  # 128 pt @2x
    (b"ic09", 512),
    (b"ic14", 512),  # 256 pt @2x
    (b"ic10", 1024),  # 512 pt @2x
)
# The hicolor theme's usual fixed sizes.
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


class Renderer:
    """Rasterises one SVG at any size (needs a QGuiApplication, offscreen is enough)."""

    def __init__(self, svg: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtSvg import QSvgRenderer

        self._app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
        self._svg = QSvgRenderer(str(svg))
        if not self._svg.isValid():
            raise SystemExit(f"make_icons: cannot read {svg} as SVG")
        self._cache: dict[int, object] = {}

    def image(self, size: int):
        """A size×size straight-alpha RGBA8888 QImage of the icon."""
        if size not in self._cache:
            from PySide6.QtCore import QRectF
            from PySide6.QtGui import QImage, QPainter

            image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(0)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            self._svg.render(painter, QRectF(0, 0, size, size))
            painter.end()
            self._cache[size] = image.convertToFormat(QImage.Format.Format_RGBA8888)
        return self._cache[size]

    def png(self, size: int) -> bytes:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not self.image(size).save(buffer, "PNG"):
            raise SystemExit(f"make_icons: Qt could not encode a {size} px PNG")
        buffer.close()
        return bytes(data.data())

    def rgba(self, size: int) -> bytes:
        """Top-down rows of R, G, B, A bytes, no padding."""
        image = self.image(size)
        raw = bytes(image.constBits())
        stride = image.bytesPerLine()
        return b"".join(raw[y * stride : y * stride + size * 4] for y in range(size))


def bmp_entry(rgba: bytes, size: int) -> bytes:
    """An ICO image in DIB form: BITMAPINFOHEADER, bottom-up BGRA rows, 1-bit AND mask."""
    header = struct.pack(
        "<IiiHHIIiiII",
        40,  # biSize
        size,  # biWidth
        size * 2,  # biHeight: colour bitmap + AND mask
        1,  # biPlanes
        32,  # biBitCount
        0,  # biCompression = BI_RGB
        0,  # biSizeImage (may be 0 for BI_RGB)
        0,
        0,
        0,
        0,
    )
    bgra = bytearray(rgba)
    bgra[0::4], bgra[2::4] = rgba[2::4], rgba[0::4]
    row = size * 4
    pixels = b"".join(bytes(bgra[y * row : (y + 1) * row]) for y in reversed(range(size)))
    # The mask marks fully transparent pixels for consumers that ignore the alpha channel.
    mask_row = (size + 31) // 32 * 4
    mask = bytearray()
    for y in reversed(range(size)):
        bits = bytearray(mask_row)
        for x in range(size):
            if rgba[(y * size + x) * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + pixels + bytes(mask)


def write_ico(renderer: Renderer, path: Path, sizes=ICO_SIZES) -> None:
    images = [
        renderer.png(size) if size >= 256 else bmp_entry(renderer.rgba(size), size)
        for size in sizes
    ]
    out = bytearray(struct.pack("<HHH", 0, 1, len(images)))
    offset = 6 + 16 * len(images)
    for size, data in zip(sizes, images, strict=True):
        dim = 0 if size >= 256 else size  # 0 means 256 in the one-byte fields
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    for data in images:
        out += data
    path.write_bytes(bytes(out))


def write_icns(renderer: Renderer, path: Path, types=ICNS_TYPES) -> None:
    body = b"".join(
        kind + struct.pack(">I", 8 + len(png)) + png
        for kind, png in ((kind, renderer.png(size)) for kind, size in types)
    )
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def write_hicolor(renderer: Renderer, svg: Path, root: Path, sizes=HICOLOR_SIZES) -> None:
    for size in sizes:
        folder = root / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "hubdesk.png").write_bytes(renderer.png(size))
    scalable = root / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(svg, scalable / "hubdesk.svg")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=DEFAULT_SVG)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)

    renderer = Renderer(args.svg)
    args.out.mkdir(parents=True, exist_ok=True)
    write_ico(renderer, args.out / "hubdesk.ico")
    write_icns(renderer, args.out / "hubdesk.icns")
    write_hicolor(renderer, args.svg, args.out / "hicolor")
    print(f"make_icons: wrote hubdesk.ico, hubdesk.icns and hicolor/ into {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
