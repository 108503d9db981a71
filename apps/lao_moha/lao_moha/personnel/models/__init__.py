from .officials import Official
from .settings import OfficialCategory, SalaryGrade

__all__ = ["Official", "OfficialCategory", "SalaryGrade"]
