"""Draw the PosEnc Explorer icon: a sinusoidal positional-encoding heatmap in a rounded square.

Writes SVG, hicolor PNGs, a Windows .ico and a macOS .icns with nothing but NumPy and the standard
library (no Qt, so it runs in any build environment):

    python packaging/make_icons.py [--out resources/icons]
"""

from __future__ import annotations

import argparse
import struct
import zlib
from pathlib import Path

import numpy as np

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512}
GRID = 16  # cells per side in the SVG; the PNGs sample the same field continuously
CORNER = 0.18  # corner radius as a fraction of the side
# Diverging map centred on 0: deep blue, white, deep orange (sRGB, 0-255).
ANCHORS = np.array([[33, 60, 140], [120, 170, 220], [247, 247, 247], [240, 160, 80], [170, 60, 20]], float)


def encoding_field(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Sinusoidal encoding sampled at position ``u`` (rows, 0..1) and dimension ``v`` (columns, 0..1):
    sin for the first half of each frequency pair, cos for the second, frequencies falling geometrically."""
    position = u * 24.0
    pair = np.floor(v * GRID / 2)
    frequency = 1.0 / 10.0 ** (pair / (GRID / 2 - 1))
    angle = position * frequency
    use_sin = (np.floor(v * GRID) % 2) == 0
    return np.where(use_sin, np.sin(angle), np.cos(angle))


def colour(values: np.ndarray) -> np.ndarray:
    """Map values in [-1, 1] to RGB floats with the diverging anchors."""
    t = (np.clip(values, -1, 1) + 1) / 2 * (len(ANCHORS) - 1)
    low = np.minimum(np.floor(t).astype(int), len(ANCHORS) - 2)
    frac = (t - low)[..., None]
    return ANCHORS[low] * (1 - frac) + ANCHORS[low + 1] * frac


def rounded_mask(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """1 inside a rounded square filling the unit box, 0 outside."""
    dx = np.maximum(np.abs(u - 0.5) - (0.5 - CORNER), 0)
    dy = np.maximum(np.abs(v - 0.5) - (0.5 - CORNER), 0)
    return (dx * dx + dy * dy <= CORNER * CORNER).astype(float)


def render(size: int, supersample: int = 4) -> np.ndarray:
    """RGBA uint8 image of the icon at ``size`` pixels, anti-aliased by supersampling."""
    n = size * supersample
    centres = (np.arange(n) + 0.5) / n
    u, v = np.meshgrid(centres, centres, indexing="ij")
    # A small margin so the rounded square does not touch the canvas edge.
    margin = 1 / 32
    uu, vv = (u - margin) / (1 - 2 * margin), (v - margin) / (1 - 2 * margin)
    rgb = colour(encoding_field(uu, vv))
    alpha = rounded_mask(uu, vv) * 255.0
    rgba = np.concatenate([rgb, alpha[..., None]], axis=-1)
    # Premultiplied average, so transparent samples do not darken the edge.
    rgba[..., :3] *= rgba[..., 3:] / 255.0
    blocks = rgba.reshape(size, supersample, size, supersample, 4).mean(axis=(1, 3))
    with np.errstate(invalid="ignore", divide="ignore"):
        blocks[..., :3] = np.where(blocks[..., 3:] > 0, blocks[..., :3] * 255.0 / blocks[..., 3:], 0)
    return np.clip(np.rint(blocks), 0, 255).astype(np.uint8)


def png_bytes(rgba: np.ndarray) -> bytes:
    """Encode an RGBA uint8 array as a PNG file."""
    height, width, _ = rgba.shape
    raw = b"".join(b"\x00" + rgba[row].tobytes() for row in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG-compressed images (supported since Windows Vista)."""
    sizes = sorted(pngs)
    offset = 6 + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = size if size < 256 else 0  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(sizes)) + entries + images


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns holding PNG images under their standard type codes."""
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def svg_text() -> str:
    """The icon as a scalable SVG: a GRID x GRID heatmap of the same field, clipped to the rounded square."""
    step = 100 / GRID
    rects = []
    for row in range(GRID):
        for col in range(GRID):
            value = encoding_field(np.array((row + 0.5) / GRID), np.array((col + 0.5) / GRID))
            r, g, b = (int(round(c)) for c in colour(value))
            rects.append(
                f'<rect x="{col * step:g}" y="{row * step:g}" width="{step + 0.05:g}" height="{step + 0.05:g}" '
                f'fill="#{r:02x}{g:02x}{b:02x}"/>'
            )
    radius = CORNER * 100
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-3.3 -3.3 106.6 106.6" width="256" height="256">\n'
        "<title>PosEnc Explorer</title>\n"
        f'<clipPath id="tile"><rect width="100" height="100" rx="{radius:g}" ry="{radius:g}"/></clipPath>\n'
        '<g clip-path="url(#tile)">\n' + "\n".join(rects) + "\n</g>\n</svg>\n"
    )


def write_icons(out: Path) -> list[Path]:
    """Write every icon file into ``out`` and return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: png_bytes(render(size)) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    written = []
    for size in PNG_SIZES:
        path = out / f"posenc-gui-{size}.png"
        path.write_bytes(pngs[size])
        written.append(path)
    targets = {
        "posenc-gui.svg": svg_text().encode(),
        "posenc-gui.ico": ico_bytes({size: pngs[size] for size in ICO_SIZES}),
        "posenc-gui.icns": icns_bytes(pngs),
    }
    for name, data in targets.items():
        (out / name).write_bytes(data)
        written.append(out / name)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "resources" / "icons")
    for path in write_icons(parser.parse_args().out):
        print(path)


if __name__ == "__main__":
    main()
