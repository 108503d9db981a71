"""A report's chart drawn as SVG, for PDFs (WeasyPrint runs no JavaScript,
so the browser's Chart.js drawing cannot be reused there)."""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe

PALETTE = (
    "#2563eb",
    "#dc2626",
    "#16a34a",
    "#d97706",
    "#7c3aed",
    "#0891b2",
    "#db2777",
    "#65a30d",
    "#ea580c",
    "#4f46e5",
    "#0d9488",
    "#9333ea",
)
WIDTH, HEIGHT = 640, 300
LEFT, BOTTOM, TOP = 48, 70, 12


def chart_svg(chart):
    if not chart or not chart.get("labels"):
        return ""
    if chart["type"] == "pie":
        body = _pie(chart)
    else:
        body = _axes_chart(chart)
    legend = _legend(chart)
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + 40}" '
        f'width="100%" font-size="9">{body}{legend}</svg>'
    )


def _text(x, y, text, anchor="middle", rotate=None):
    transform = f' transform="rotate({rotate} {x} {y})"' if rotate else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{transform}>'
        f"{escape(str(text))[:40]}</text>"
    )


def _axes_chart(chart):
    labels, datasets = chart["labels"], chart["datasets"]
    peak = max((v for d in datasets for v in d["data"]), default=0) or 1
    plot_w, plot_h = WIDTH - LEFT - 10, HEIGHT - BOTTOM - TOP
    parts = [
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{WIDTH - 10}" '
        f'y2="{TOP + plot_h}" stroke="#555"/>'
    ]
    for tick in range(5):
        value = peak * tick / 4
        y = TOP + plot_h - plot_h * tick / 4
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - 10}" y2="{y:.1f}" '
            'stroke="#ddd"/>'
        )
        parts.append(_text(LEFT - 4, y + 3, f"{value:g}", anchor="end"))
    slot = plot_w / len(labels)
    for i, label in enumerate(labels):
        parts.append(
            _text(
                LEFT + slot * (i + 0.5),
                TOP + plot_h + 10,
                label,
                anchor="end",
                rotate=-35,
            )
        )
    for n, dataset in enumerate(datasets):
        colour = PALETTE[n % len(PALETTE)]
        points = []
        for i, value in enumerate(dataset["data"]):
            height = plot_h * (value or 0) / peak
            if chart["type"] == "line":
                points.append(
                    f"{LEFT + slot * (i + 0.5):.1f},{TOP + plot_h - height:.1f}"
                )
                continue
            bar = slot * 0.8 / len(datasets)
            x = LEFT + slot * i + slot * 0.1 + bar * n
            parts.append(
                f'<rect x="{x:.1f}" y="{TOP + plot_h - height:.1f}" '
                f'width="{bar:.1f}" height="{height:.1f}" fill="{colour}"/>'
            )
        if points:
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2" '
                f'points="{" ".join(points)}"/>'
            )
    return "".join(parts)


def _pie(chart):
    values = [max(v or 0, 0) for v in chart["datasets"][0]["data"]]
    total = sum(values) or 1
    cx, cy, r = WIDTH / 2, HEIGHT / 2, HEIGHT / 2 - 20
    parts, angle = [], -math.pi / 2
    for i, value in enumerate(values):
        share = value / total
        if share >= 0.9999:
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{PALETTE[0]}"/>')
            break
        end = angle + share * 2 * math.pi
        large = 1 if share > 0.5 else 0
        x1, y1 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        x2, y2 = cx + r * math.cos(end), cy + r * math.sin(end)
        parts.append(
            f'<path d="M{cx},{cy} L{x1:.1f},{y1:.1f} A{r},{r} 0 {large} 1 '
            f'{x2:.1f},{y2:.1f} Z" fill="{PALETTE[i % len(PALETTE)]}"/>'
        )
        angle = end
    return "".join(parts)


def _legend(chart):
    if chart["type"] == "pie":
        names = chart["labels"]
        values = chart["datasets"][0]["data"]
        names = [f"{n}: {v:g}" for n, v in zip(names, values, strict=True)]
    else:
        names = [d["label"] for d in chart["datasets"]]
    parts = []
    for i, name in enumerate(names[:12]):
        x = 10 + (i % 4) * 158
        y = HEIGHT + 8 + (i // 4) * 12
        parts.append(
            f'<rect x="{x}" y="{y - 7}" width="8" height="8" '
            f'fill="{PALETTE[i % len(PALETTE)]}"/>'
        )
        parts.append(_text(x + 12, y, name, anchor="start"))
    return "".join(parts)
