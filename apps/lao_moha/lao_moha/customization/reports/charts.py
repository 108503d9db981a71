"""Chart data of a grouped report, in the shape Chart.js reads.

One group: one bar (slice, point) per group, for the chosen summary.
Two groups or more: the first gives the labels, the second one series
each, so "officials by province and gender" draws a bar per gender in
each province.
"""

#: Pie slices and series beyond these are added up as "other".
MAX_LABELS = 40
MAX_SERIES = 12


def chart_data(result):
    spec = result.spec
    keys = [a.key for a in spec.aggregates]
    value_index = len(spec.group_by) + keys.index(spec.chart_value)
    value_label = str(spec.aggregates[keys.index(spec.chart_value)].label)
    labels, series = [], {}
    for row, values in zip(result.rows, result.values, strict=True):
        label = str(row[0])
        if label not in labels:
            labels.append(label)
        name = str(row[1]) if len(spec.group_by) > 1 else value_label
        amount = values[value_index] or 0
        series.setdefault(name, {})
        series[name][label] = series[name].get(label, 0) + amount
    labels = labels[:MAX_LABELS]
    datasets = [
        {"label": name, "data": [round(points.get(label, 0), 2) for label in labels]}
        for name, points in list(series.items())[:MAX_SERIES]
    ]
    return {
        "type": spec.chart_type,
        "labels": labels,
        "datasets": datasets,
        "title": value_label,
    }
