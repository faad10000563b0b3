"""Amazon Connect imported phone numbers as Pulumi resources."""

from .provider import ImportedPhoneNumberProvider
from .resource import ImportedPhoneNumber, ImportedPhoneNumberArgs

__all__ = ["ImportedPhoneNumber", "ImportedPhoneNumberArgs", "ImportedPhoneNumberProvider"]
