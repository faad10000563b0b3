"""Amazon Connect imported phone numbers as Pulumi resources."""

from .inputs import ImportedPhoneNumberArgs
from .provider import ImportedPhoneNumberProvider
from .resource import ImportedPhoneNumber

__all__ = ["ImportedPhoneNumber", "ImportedPhoneNumberArgs", "ImportedPhoneNumberProvider"]
