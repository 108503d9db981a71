"""Lao syllables for the rendering checks and the page that shows them."""

# Each has a combining vowel above or below and/or a tone mark: the hard
# cases for a font and for text shaping. All differ from one another.
SYLLABLES = [
    "ກີ່",
    "ຂື້",
    "ຄຶ໊",
    "ງູ່",
    "ຈົ້",
    "ສັ່ງ",
    "ຊີ້",
    "ຍຸ່",
    "ດໍ້",
    "ຕື່ມ",
    "ຖິ້ມ",
    "ທັ້ງ",
    "ນ້ຳ",
    "ໜ້າ",
    "ຫຼ້າ",
    "ເລື່ອງ",
]
# A private-use character no font here has: it is drawn as the missing
# glyph (or not at all), the picture a Lao syllable must never look like.
MISSING = "\ue000"
DESK_STACK = "var(--lao-moha-font)"
# Fonts a page may ask for: the desk's stack, or the machine's own fonts
# only (DejaVu Sans draws Lao on Debian: the look of a missed web font).
FAMILIES = {
    "desk": DESK_STACK,
    "system": '"DejaVu Sans", sans-serif',
    "latin": '"Noto Sans"',
}
COLUMNS, CELL_WIDTH, CELL_HEIGHT = 6, 120, 100


def glyph_context(request):
    return {
        "cells": [*SYLLABLES, MISSING],
        "family": FAMILIES.get(request.GET.get("font"), DESK_STACK),
        "columns": COLUMNS,
        "cell_width": CELL_WIDTH,
        "cell_height": CELL_HEIGHT,
    }


def cell_boxes(count):
    for index in range(count):
        row, column = divmod(index, COLUMNS)
        left, top = column * CELL_WIDTH, row * CELL_HEIGHT
        yield (left, top, left + CELL_WIDTH, top + CELL_HEIGHT)
