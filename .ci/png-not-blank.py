#!/usr/bin/python3
"""Fails unless a PNG screenshot shows something: at least 2% of its pixels differ from the most common colour and
it has at least 8 distinct colours. Pure Python (zlib), 8-bit RGB/RGBA, non-interlaced, as Chromium writes them."""
import collections
import struct
import sys
import zlib


def pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, f"unsupported PNG {depth}/{colour}/{interlace}"
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    rows = []
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def main():
    path = sys.argv[1]
    width, height, channels, rows = pixels(path)
    counts = collections.Counter()
    for y in range(0, height, 4):
        row = rows[y]
        for x in range(0, width, 4):
            counts[row[x * channels:x * channels + 3]] += 1
    total = sum(counts.values())
    background, most = counts.most_common(1)[0]
    share = 1 - most / total
    print(f"{path}: {width}x{height}, {len(counts)} colours, {100 * share:.1f}% not background")
    if share < 0.02 or len(counts) < 8:
        print(f"{path}: the screenshot is blank", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
