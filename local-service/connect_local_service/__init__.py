"""A local Amazon Connect phone-number service that speaks the real AWS wire protocol.

It stands in for Connect and End User Messaging SMS/voice wherever there is no AWS account:
the default backend on a fresh machine, the ground truth of integration and end-to-end tests,
and a service users can run in their own CI. Behaviour is documented in docs/local-service.md.
"""

from connect_local_service.admin.client import AdminClient, AdminError
from connect_local_service.server.runner import (
    RunningLocalService,
    run_local_service,
    settings_to_args,
    spawn_local_service,
    start_subprocess,
)
from connect_local_service.server.service_settings import LocalServiceSettings, ThrottleRule

__all__ = [
    "AdminClient",
    "AdminError",
    "LocalServiceSettings",
    "RunningLocalService",
    "ThrottleRule",
    "run_local_service",
    "settings_to_args",
    "spawn_local_service",
    "start_subprocess",
]
