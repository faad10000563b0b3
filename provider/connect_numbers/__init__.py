"""Amazon Connect imported phone numbers as Pulumi resources."""

from connect_numbers.engine.dynamic.resource import ImportedPhoneNumber
from connect_numbers.inputs.spec import ImportedPhoneNumberArgs
from connect_numbers.provider import ImportedPhoneNumberProvider

__all__ = ["ImportedPhoneNumber", "ImportedPhoneNumberArgs", "ImportedPhoneNumberProvider"]
