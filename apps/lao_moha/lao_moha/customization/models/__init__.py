from .fields import CustomField
from .reports import ReportSchedule, SavedReport

__all__ = ["CustomField", "ReportSchedule", "SavedReport"]
