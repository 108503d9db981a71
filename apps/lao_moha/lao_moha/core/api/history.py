"""The trail of one record as JSON: who saved it, when, and what changed."""

from .. import history


def history_payload(instance, user):
    rows = list(
        instance.history.select_related("history_user").order_by(
            "history_date", "history_id"
        )
    )
    entries = []
    previous = None
    for row in rows:
        entries.append(
            {
                "history_id": row.history_id,
                "version": getattr(row, "version", None),
                "action": {"+": "create", "~": "update", "-": "delete"}[
                    row.history_type
                ],
                "by": getattr(row.history_user, "username", None),
                "at": row.history_date.isoformat(),
                "changes": [
                    {"field": c.field, "label": c.label, "old": c.old, "new": c.new}
                    for c in history.describe(row, previous, user)
                ],
            }
        )
        previous = row
    entries.reverse()
    return entries
