"""Every way the provider can fail, each as its own type with a message a user can act on.

Why: the Pulumi engine shows the provider's error text verbatim. A user needs one line that says
which field, which IAM action or which phone number is involved and what to do next, not a
botocore traceback. Callers branch on the type (for example, a missing number during delete is
success), so the types are the contract and the messages are for people.
"""

from __future__ import annotations

README_IAM = "see 'IAM policy' in README.md"


TIMEOUT_INPUT = "wait_timeout_seconds"


class ConnectNumbersError(Exception):
    """Base of every expected failure; `str()` is the single line shown to the user."""


class ServiceError(ConnectNumbersError):
    """A call to Amazon Connect failed; keeps the AWS error code and request id for support."""

    def __init__(
        self,
        operation: str,
        code: str,
        message: str,
        request_id: str | None = None,
        *,
        hint: str = "",
    ) -> None:
        self.operation = operation
        self.code = code
        self.aws_message = message
        self.request_id = request_id
        self.hint = hint
        super().__init__(self._render())

    def _render(self) -> str:
        text = f"{self.operation} failed: {self.code}: {self.aws_message or 'no message'}"
        if self.hint:
            text += f". {self.hint}"
        return text + self._request_suffix()

    def _request_suffix(self) -> str:
        return f" (AWS request id {self.request_id})" if self.request_id else ""


class AccessDeniedError(ServiceError):
    """The credentials lack an IAM permission; names the action so the policy can be fixed."""

    def __init__(
        self, operation: str, action: str, message: str, request_id: str | None = None
    ) -> None:
        self.action = action
        super().__init__(operation, "AccessDeniedException", message, request_id)

    def _render(self) -> str:
        return (
            f"{self.operation} was denied: the AWS credentials in use lack the IAM permission "
            f"'{self.action}'. Allow it for this principal ({README_IAM})" + self._request_suffix()
        )


class ThrottledError(ServiceError):
    """Connect (or End User Messaging) kept throttling after botocore's retries were exhausted."""

    def __init__(
        self,
        operation: str,
        code: str,
        message: str,
        request_id: str | None = None,
        *,
        service_name: str = "Amazon Connect",
    ) -> None:
        self.service_name = service_name
        super().__init__(operation, code, message, request_id)

    def _render(self) -> str:
        return (
            f"{self.operation} was throttled by {self.service_name} even after retries with "
            f"backoff ({self.code}). Lower `pulumi up --parallel` or run again later"
            + self._request_suffix()
        )


class NotFoundError(ServiceError):
    """The phone number (or instance) does not exist; delete and read treat this as gone."""


class ResourceInUseError(ServiceError):
    """The number is busy (another operation in progress or in use by a contact flow)."""


class IdempotencyConflictError(ServiceError):
    """Connect answered 409 IdempotencyException (for import: the source is already imported)."""


class QuotaExceededError(ServiceError):
    """Importing would exceed the phone-number quota; explains the 180-day release rule."""

    def _render(self) -> str:
        return (
            f"{self.operation} refused: the account's Amazon Connect phone-number quota is "
            f"exhausted ({self.aws_message or self.code}). Numbers claimed or imported and then "
            "released count against the quota for 180 days (up to 200% of the quota in a rolling "
            "180-day window). Nothing was released: a number this resource replaces stays until "
            "its replacement is imported. Ask AWS Support for a phone-number quota increase; "
            "releasing more numbers will not help" + self._request_suffix()
        )


class ConfigurationError(ConnectNumbersError):
    """AWS settings are missing or wrong (region, profile, credentials, endpoint)."""


class TargetNotReadyError(ConnectNumbersError):
    """The traffic distribution group cannot take numbers yet (or any more); nothing imported."""

    def __init__(self, group_arn: str, status: str) -> None:
        self.group_arn = group_arn
        super().__init__(
            f"traffic distribution group {group_arn} is {status or 'of unknown status'}; only an "
            "ACTIVE group takes phone numbers, so nothing was imported. Run `pulumi up` again "
            "once the group is ACTIVE"
        )


class SourceNotFoundError(ConnectNumbersError):
    """End User Messaging does not know the source number where the instance is; nothing imported.

    The look-up is made with the credentials and in the Region the import uses, so a number of
    another account (or one released long ago) is not found either; the message says where.
    """

    def __init__(self, source_arn: str, where: str, hint: str = "") -> None:
        self.source_arn = source_arn
        super().__init__(
            f"source number {source_arn} was not found in AWS End User Messaging SMS/voice in "
            f"{where}, where the instance is{hint}; nothing was imported. Check "
            "source_phone_number_arn, or request the number in that account and Region"
        )


class SourceNotClaimedError(ConnectNumbersError):
    """The source number exists but is not claimed (PENDING, or DELETED); nothing imported."""

    def __init__(self, source_arn: str, status: str, advice: str) -> None:
        self.source_arn = source_arn
        self.status = status
        super().__init__(
            f"source number {source_arn} is {status} in AWS End User Messaging SMS/voice, and "
            f"ImportPhoneNumber imports only a claimed number; nothing was imported. {advice}"
        )


class ImportFailedError(ConnectNumbersError):
    """Connect reported FAILED for an import or a move; carries the service's own message."""

    def __init__(self, phone_number_id: str, status_message: str, *, cleaned_up: bool) -> None:
        self.phone_number_id = phone_number_id
        self.status_message = status_message
        after = (
            "The failed number was released so nothing is left half-imported"
            if cleaned_up
            else "Nothing was changed"
        )
        super().__init__(
            f"Amazon Connect reported FAILED for phone number {phone_number_id}: "
            f"{status_message or 'no message given'}. {after}; fix the cause and run `pulumi up` "
            "again"
        )


class WaitTimeoutError(ConnectNumbersError):
    """The deadline passed while the number was still IN_PROGRESS; says how to resume.

    `setting` names what set the deadline, so the advice names what the user can raise: the
    input, or the plugin's customTimeouts (`under`).
    """

    def __init__(
        self,
        phone_number_id: str,
        activity: str,
        waited: float,
        resume: str,
        setting: str = TIMEOUT_INPUT,
    ) -> None:
        self.phone_number_id = phone_number_id
        self._parts = (activity, waited, resume)
        super().__init__(
            f"phone number {phone_number_id} was still {activity} after {waited:.0f} s "
            f"({setting}). {resume.replace(TIMEOUT_INPUT, setting)}"
        )

    def under(self, setting: str) -> WaitTimeoutError:
        """The same timeout, naming `setting` as the deadline."""
        return WaitTimeoutError(self.phone_number_id, *self._parts, setting=setting)


class ReleaseTimeoutError(ConnectNumbersError):
    """ReleasePhoneNumber was accepted but the number was still describable at the deadline."""

    def __init__(self, phone_number_id: str, waited: float) -> None:
        self.phone_number_id = phone_number_id
        super().__init__(
            f"phone number {phone_number_id} was released but still visible after {waited:.0f} s; "
            "run `pulumi destroy` (or `pulumi up`) again to finish waiting, the release is not "
            "repeated if the number is already gone"
        )


class AdoptionRequiredError(ConnectNumbersError):
    """The source is already imported and carries no owner tag; adoption must be explicit."""

    def __init__(self, phone_number_id: str, source_arn: str, instance_id: str) -> None:
        self.phone_number_id = phone_number_id
        super().__init__(
            f"source number {source_arn} is already imported as phone number {phone_number_id} "
            f"(instance {instance_id}) and is not managed by any stack. To manage that number "
            "with this resource, set adopt=True and run `pulumi up` again"
        )


class OwnedElsewhereError(ConnectNumbersError):
    """The number carries another resource's owner tag; never taken over, even with adopt."""

    def __init__(self, phone_number_id: str, source_arn: str, owner: str, ours: str) -> None:
        self.phone_number_id = phone_number_id
        self.owner = owner
        super().__init__(
            f"source number {source_arn} is already imported as phone number {phone_number_id} "
            f"and is managed by '{owner}' (this resource is '{ours}'). It is not taken over, even "
            "with adopt=True: remove it from that stack first (or delete its "
            "'connect-numbers:owner' tag if that stack no longer exists)"
        )


class NotOwnedError(ConnectNumbersError):
    """Delete refuses to release a number that another resource now claims as its own."""

    def __init__(self, phone_number_id: str, owner: str, ours: str) -> None:
        self.phone_number_id = phone_number_id
        super().__init__(
            f"phone number {phone_number_id} is tagged as managed by '{owner}', not by '{ours}', "
            "so it was not released. If this resource should no longer manage it, run "
            "`pulumi state delete` for this resource"
        )


class UnexpectedOwnerError(ConnectNumbersError):
    """An import returned a number whose owner tag is not ours (should never happen)."""

    def __init__(self, phone_number_id: str, owner: str | None, ours: str) -> None:
        self.phone_number_id = phone_number_id
        super().__init__(
            f"ImportPhoneNumber returned phone number {phone_number_id}, tagged as managed by "
            f"'{owner}', not by '{ours}'; it was left untouched. Check who else imports this "
            "source number"
        )


class ContactFlowNotFoundError(ConnectNumbersError):
    """AssociatePhoneNumberContactFlow found no such flow in the number's instance.

    The number itself is imported and claimed; the owner tag lets the next `pulumi up` resume it
    and finish the association, so the advice is to fix the flow, not to release anything.
    """

    def __init__(self, flow: str, phone_number_id: str, instance_id: str, detail: str) -> None:
        self.flow = flow
        super().__init__(
            f"contact flow {flow} was not found in instance {instance_id} ({detail}); phone "
            f"number {phone_number_id} is imported and CLAIMED without a flow. Set the contact "
            "flow input (contact_flow_id, contactFlowId) to a flow of that instance, or create "
            "the flow, and run `pulumi up` again to associate it"
        )
