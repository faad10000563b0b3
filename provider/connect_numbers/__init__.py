"""Amazon Connect imported phone numbers as Pulumi resources."""

from connect_numbers.engine.dynamic.resource import ImportedPhoneNumber
from connect_numbers.inputs.spec import ImportedPhoneNumberArgs
from connect_numbers.provider import ImportedPhoneNumberProvider
from connect_numbers.selection.component import SelectedPhoneNumbers
from connect_numbers.selection.criteria import Selection
from connect_numbers.selection.lookup import find_source_numbers

__all__ = [
    "ImportedPhoneNumber",
    "ImportedPhoneNumberArgs",
    "ImportedPhoneNumberProvider",
    "SelectedPhoneNumbers",
    "Selection",
    "find_source_numbers",
]
