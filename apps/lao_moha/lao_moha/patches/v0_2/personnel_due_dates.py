"""Fill the stored next-step and retirement due dates of existing officials.

The dates were added with the rule tables; officials created before have
none until this recomputes them from the rules. Safe to run twice.
"""

from lao_moha.personnel.due_dates import refresh_all


def execute():
    return refresh_all()
