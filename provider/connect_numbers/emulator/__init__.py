"""A local Amazon Connect phone-number service that speaks the real AWS wire protocol.

It stands in for Connect and End User Messaging SMS/voice wherever there is no AWS account:
the default backend on a fresh machine, the ground truth of integration and end-to-end tests,
and a service users can run in their own CI. Behaviour is documented in docs/emulator.md.
"""

from .admin_client import AdminClient, AdminError
from .runner import (
    RunningEmulator,
    run_emulator,
    settings_to_args,
    spawn_emulator,
    start_subprocess,
)
from .settings import EmulatorSettings, ThrottleRule

__all__ = [
    "AdminClient",
    "AdminError",
    "EmulatorSettings",
    "RunningEmulator",
    "ThrottleRule",
    "run_emulator",
    "settings_to_args",
    "spawn_emulator",
    "start_subprocess",
]
