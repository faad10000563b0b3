"""Where state finds the dynamic provider: dill pickled it by reference under this name.

Every stack that holds an `ImportedPhoneNumber` of the dynamic front end names
`connect_numbers.provider.ImportedPhoneNumberProvider` in its state, and the dynamic host imports
that path to refresh, update or delete it. The class lives in `engine.dynamic.provider`; this
module keeps the path stable, and the class declares it as its module so new state names it too.
"""

from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider

__all__ = ["ImportedPhoneNumberProvider"]
