from .fields import CustomField

__all__ = ["CustomField"]
