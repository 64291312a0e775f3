#!/usr/bin/env python3
"""Checks a screenshot of `coverage -o html` against the coverage report it was drawn from.

usage: heatmap_pixels.py SCREENSHOT.png REPORT.json LAYOUT_HEADER

For every cell the layout (cli/coverage_html.hpp, read from LAYOUT_HEADER) puts on the page, the
pixel at the cell's centre must be red exactly when the report lists a gap for that office and
day, amber at the minimum, green above it and grey on closed days; days outside the range are
white. Only the standard library: the PNG is decoded with zlib.
"""
import calendar
import datetime
import json
import re
import struct
import sys
import zlib


def read_png(path):
    """Returns (width, height, rows) with rows as lists of (r, g, b) per pixel."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
    at, idat, header = 8, b"", None
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        at += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        sys.exit(f"{path}: expected 8-bit RGB or RGBA without interlacing, got depth {depth} colour {colour}")
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        unfilter(kind, line, previous, channels)
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


def unfilter(kind, line, previous, bpp):
    if kind == 0:
        return
    if kind == 2:
        for i in range(len(line)):
            line[i] = (line[i] + previous[i]) & 0xFF
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + ((left + up) >> 1)) & 0xFF
        elif kind == 4:
            up_left = previous[i - bpp] if i >= bpp else 0
            p = left + up - up_left
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
            predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
            line[i] = (line[i] + predictor) & 0xFF
        else:
            sys.exit(f"unknown PNG filter {kind}")


def classify(rgb):
    r, g, b = rgb
    if r > 150 and g < 90 and b < 90:
        return "red"
    if r > 200 and 130 < g < 200 and b < 100:
        return "amber"
    if r < 100 and g > 90 and b < 100:
        return "green"
    if abs(r - g) < 12 and abs(g - b) < 12 and 150 < r < 230:
        return "grey"
    if r > 240 and g > 240 and b > 240:
        return "white"
    return f"other{rgb}"


def layout(header_path):
    with open(header_path, encoding="utf-8") as f:
        text = f.read()
    values = dict(re.findall(r"inline constexpr int (k\w+) = (\d+);", text))
    return {k: int(v) for k, v in values.items()}


def main():
    png, report_path, header = sys.argv[1:4]
    L = layout(header)
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    width, height, pixels = read_png(png)
    first = datetime.date.fromisoformat(report["from"])
    last = datetime.date.fromisoformat(report["to"])
    offices = report["daily"]
    gaps = {(g["office"], g["date"]) for g in report["gaps"]}
    block_height = L["kMonthTitle"] + L["kDayNumbers"] + len(offices) * L["kPitch"] + L["kMonthGap"]

    problems, red_cells, checked = [], set(), 0
    year, month, block = first.year, first.month, 0
    while (year, month) <= (last.year, last.month):
        for row, office in enumerate(offices):
            top = L["kTop"] + block * block_height + L["kMonthTitle"] + L["kDayNumbers"] + row * L["kPitch"]
            for day in range(1, calendar.monthrange(year, month)[1] + 1):
                date = datetime.date(year, month, day)
                left = L["kMargin"] + L["kLabelWidth"] + (day - 1) * L["kPitch"]
                x, y = left + L["kCell"] // 2, top + L["kCell"] // 2
                if x >= width or y >= height:
                    sys.exit(f"the screenshot ({width}x{height}) does not reach the cell at {x},{y}")
                seen = classify(pixels[y][x])
                if date < first or date > last:
                    want = "white"
                else:
                    count = office["present"][(date - first).days]
                    want = ("grey" if count is None else "red" if count < office["required"]
                            else "amber" if count == office["required"] else "green")
                if seen == "red":
                    red_cells.add((office["office"], date.isoformat()))
                if seen != want:
                    problems.append(f"{office['office']} {date}: expected {want}, the screenshot shows {seen} at {x},{y}")
                checked += 1
        block += 1
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)

    if red_cells != gaps:
        problems.append(f"red cells {sorted(red_cells ^ gaps)} differ from the report's gaps")
    for p in problems[:20]:
        print(p, file=sys.stderr)
    if problems:
        sys.exit(f"{len(problems)} problem(s) in {checked} cells")
    print(f"{checked} cells as expected, {len(red_cells)} red: exactly the gap days")


if __name__ == "__main__":
    main()
