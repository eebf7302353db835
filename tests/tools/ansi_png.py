#!/usr/bin/env python3
"""Turn a terminal screen captured with `tmux capture-pane -e -p` into a PNG.

    ansi_png.py SCREEN.ansi OUT.png COLUMNS ROWS

Reads SGR colour and attribute codes (16, 256 and true colour, bold, dim, italic, underline,
reverse), lays each character in its cell (wide characters take two) and draws it with DejaVu
Sans Mono. Used by tests/tools/screenshots.sh for the README pictures; needs Pillow.
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SIZE = 15
FG, BG = (0xD8, 0xDE, 0xE9), (0x1E, 0x22, 0x2A)
BASE16 = [
    (0x2E, 0x34, 0x40), (0xE0, 0x6C, 0x75), (0x98, 0xC3, 0x79), (0xE5, 0xC0, 0x7B),
    (0x61, 0xAF, 0xEF), (0xC6, 0x78, 0xDD), (0x56, 0xB6, 0xC2), (0xD8, 0xDE, 0xE9),
    (0x5C, 0x63, 0x70), (0xF0, 0x8C, 0x95), (0xB8, 0xE3, 0x99), (0xF5, 0xD0, 0x9B),
    (0x81, 0xCF, 0xFF), (0xE6, 0x98, 0xFD), (0x76, 0xD6, 0xE2), (0xFF, 0xFF, 0xFF),
]
SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def xterm256(n):
    if n < 16:
        return BASE16[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    level = 8 + (n - 232) * 10
    return (level, level, level)


def colour(params, i):
    """Read a 38/48 extended colour starting at params[i]; return (colour, next index)."""
    if i + 1 < len(params) and params[i + 1] == 5 and i + 2 < len(params):
        return xterm256(params[i + 2]), i + 3
    if i + 1 < len(params) and params[i + 1] == 2 and i + 4 < len(params):
        return tuple(params[i + 2:i + 5]), i + 5
    return None, len(params)


def apply(style, params):
    params = params or [0]
    i = 0
    while i < len(params):
        p = params[i]
        if p == 0:
            style.update(fg=None, bg=None, bold=False, dim=False, italic=False, under=False, rev=False)
        elif p == 1:
            style["bold"] = True
        elif p == 2:
            style["dim"] = True
        elif p == 3:
            style["italic"] = True
        elif p == 4:
            style["under"] = True
        elif p == 7:
            style["rev"] = True
        elif p == 22:
            style["bold"] = style["dim"] = False
        elif p == 23:
            style["italic"] = False
        elif p == 24:
            style["under"] = False
        elif p == 27:
            style["rev"] = False
        elif 30 <= p <= 37:
            style["fg"] = BASE16[p - 30]
        elif 90 <= p <= 97:
            style["fg"] = BASE16[p - 90 + 8]
        elif 40 <= p <= 47:
            style["bg"] = BASE16[p - 40]
        elif 100 <= p <= 107:
            style["bg"] = BASE16[p - 100 + 8]
        elif p == 39:
            style["fg"] = None
        elif p == 49:
            style["bg"] = None
        elif p in (38, 48):
            c, i = colour(params, i)
            style["fg" if p == 38 else "bg"] = c
            continue
        i += 1


def cells(text, cols, rows):
    """The screen as rows of (char, style) cells."""
    grid = [[(" ", {}) for _ in range(cols)] for _ in range(rows)]
    style = dict(fg=None, bg=None, bold=False, dim=False, italic=False, under=False, rev=False)
    for y, line in enumerate(text.split("\n")[:rows]):
        x, pos = 0, 0
        for m in SGR.finditer(line + "\x1b[m"):
            for ch in line[pos:m.start()]:
                if x >= cols:
                    break
                wide = unicodedata.east_asian_width(ch) in "WF"
                grid[y][x] = (ch, dict(style))
                x += 2 if wide else 1
            pos = m.end()
            apply(style, [int(p) for p in re.split("[;:]", m.group(1)) if p != ""])
    return grid


# Braille cells (ratatui's chart markers) drawn as dots: the mono font has no such glyphs.
BRAILLE_DOTS = [(0, 0), (0, 1), (0, 2), (1, 0), (1, 1), (1, 2), (0, 3), (1, 3)]


def braille(draw, bits, left, top, cw, ch, fill):
    r = max(1, cw // 6)
    for bit, (col, row) in enumerate(BRAILLE_DOTS):
        if bits & (1 << bit):
            x = left + cw * (1 + 2 * col) // 4
            y = top + ch * (1 + 2 * row) // 8
            draw.ellipse([x - r, y - r, x + r, y + r], fill=fill)


def render(grid, out):
    fonts = {
        (False, False): ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", SIZE),
        (True, False): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", SIZE),
        (False, True): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Oblique.ttf", SIZE),
        (True, True): ImageFont.truetype(FONT_DIR + "DejaVuSansMono-BoldOblique.ttf", SIZE),
    }
    regular = fonts[(False, False)]
    cw = round(regular.getlength("M"))
    ascent, descent = regular.getmetrics()
    ch = ascent + descent + 2
    rows, cols = len(grid), len(grid[0])
    image = Image.new("RGB", (cols * cw + 16, rows * ch + 16), BG)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(grid):
        for x, (char, st) in enumerate(row):
            fg, bg = st.get("fg") or FG, st.get("bg") or BG
            if st.get("rev"):
                fg, bg = bg, fg
            if st.get("dim"):
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            left, top = 8 + x * cw, 8 + y * ch
            if bg != BG:
                draw.rectangle([left, top, left + cw - 1, top + ch - 1], fill=bg)
            if 0x2801 <= ord(char) <= 0x28FF:
                braille(draw, ord(char) - 0x2800, left, top, cw, ch, fg)
            elif char != " ":
                font = fonts[(bool(st.get("bold")), bool(st.get("italic")))]
                draw.text((left, top + 1), char, font=font, fill=fg)
            if st.get("under"):
                draw.line([left, top + ch - 2, left + cw - 1, top + ch - 2], fill=fg)
    image = image.quantize(colors=64)
    image.save(out, optimize=True)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    source, out, cols, rows = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    with open(source, encoding="utf-8", errors="replace") as f:
        render(cells(f.read(), cols, rows), out)
