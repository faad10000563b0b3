"""Shared test doubles: a stubbed Connect client, a fake clock, canned ids and summaries."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
from botocore.stub import Stubber

from connect_numbers.aws.clients import ClientKey
from connect_numbers.engine.dynamic.provider import ImportedPhoneNumberProvider, Runtime
from connect_numbers.pacing.waiter import Backoff, Clock
from connect_numbers.workflows.ownership import OWNER_TAG_KEY, Owner, generation_for

REGION = "us-east-1"
ACCOUNT = "123456789012"
INSTANCE_ID = "aaaaaaaa-bbbb-cccc-dddd-000000000001"
OTHER_INSTANCE_ID = "aaaaaaaa-bbbb-cccc-dddd-000000000002"
INSTANCE_ARN = f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/{INSTANCE_ID}"
OTHER_INSTANCE_ARN = f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/{OTHER_INSTANCE_ID}"
SOURCE_ARN = (
    f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/phone-0123456789abcdef0123456789abcdef"
)
OTHER_SOURCE_ARN = (
    f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:phone-number/phone-fedcba9876543210fedcba9876543210"
)
NUMBER_ID = "11111111-2222-3333-4444-555555555555"
NUMBER_ARN = f"arn:aws:connect:{REGION}:{ACCOUNT}:phone-number/{NUMBER_ID}"
OWNER = "phones/dev/support-line"
# The generation of the create whose ImportPhoneNumber used the harness's first token, and the
# owner tag that create writes: what the numbers in these tests carry unless a test says otherwise.
GENERATION = generation_for("token-1")
OWNER_TAG = Owner(OWNER, GENERATION).tag


def inputs(**overrides: Any) -> dict[str, Any]:
    """Checked inputs as the engine hands them to create/update (defaults filled)."""
    base: dict[str, Any] = {
        "instance_id": INSTANCE_ID,
        "source_phone_number_arn": SOURCE_ARN,
        "description": "support line",
        "tags": {"team": "care"},
        "adopt": False,
        "wait_timeout_seconds": 600.0,
        "region": None,
        "owner": OWNER,
        "__provider": "serialized-provider",
    }
    base.update(overrides)
    return base


def summary(
    status: str = "CLAIMED",
    *,
    message: str | None = None,
    instance_id: str = INSTANCE_ID,
    description: str = "support line",
    tags: dict[str, str] | None = None,
    owner: str | None = OWNER_TAG,
) -> dict[str, Any]:
    """A DescribePhoneNumber response."""
    all_tags = dict({"team": "care"} if tags is None else tags)
    if owner is not None:
        all_tags[OWNER_TAG_KEY] = owner
    phone_status: dict[str, str] = {"Status": status}
    if message is not None:
        phone_status["Message"] = message
    return {
        "ClaimedPhoneNumberSummary": {
            "PhoneNumberId": NUMBER_ID,
            "PhoneNumberArn": NUMBER_ARN,
            "PhoneNumber": "+18005550100",
            "PhoneNumberCountryCode": "US",
            "PhoneNumberType": "TOLL_FREE",
            "PhoneNumberDescription": description,
            "TargetArn": f"arn:aws:connect:{REGION}:{ACCOUNT}:instance/{instance_id}",
            "InstanceId": instance_id,
            "Tags": all_tags,
            "PhoneNumberStatus": phone_status,
            "SourcePhoneNumberArn": SOURCE_ARN,
        }
    }


def outputs(**overrides: Any) -> dict[str, Any]:
    """State outputs as create would have written them (the engine's `olds`)."""
    base = {
        "phone_number_id": NUMBER_ID,
        "phone_number_arn": NUMBER_ARN,
        "phone_number": "+18005550100",
        "country_code": "US",
        "number_type": "TOLL_FREE",
        "status": "CLAIMED",
        "status_message": "",
        "target_arn": INSTANCE_ARN,
        "instance_id": INSTANCE_ID,
        "source_phone_number_arn": SOURCE_ARN,
        "description": "support line",
        "tags": {"team": "care"},
        "owner": OWNER,
        "contact_flow_id": None,
        "adopt": False,
        "wait_timeout_seconds": 600.0,
        "region": None,
        "owner_generation": GENERATION,
        "__provider": "serialized-provider",
    }
    base.update(overrides)
    return base


@dataclass
class FakeClock:
    """Time that moves only when the code under test sleeps."""

    draws: list[float] = field(default_factory=list)
    default_draw: float = 0.5
    now_value: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def now(self) -> float:
        return self.now_value

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now_value += seconds

    def draw(self) -> float:
        return self.draws.pop(0) if self.draws else self.default_draw

    def as_clock(self) -> Clock:
        return Clock(now=self.now, sleep=self.sleep, draw=self.draw)


def source_information(
    arn: str = SOURCE_ARN, status: str = "ACTIVE", capabilities: tuple[str, ...] = ("SMS", "VOICE")
) -> dict[str, Any]:
    """One PhoneNumberInformation of DescribePhoneNumbers (the members the check reads)."""
    return {
        "PhoneNumberArn": arn,
        "PhoneNumberId": arn.rsplit("/", 1)[-1],
        "PhoneNumber": "+18005550100",
        "Status": status,
        "IsoCountryCode": "US",
        "MessageType": "TRANSACTIONAL",
        "NumberCapabilities": list(capabilities),
        "NumberType": "TOLL_FREE",
        "MonthlyLeasingPrice": "2.00",
        "TwoWayEnabled": False,
        "SelfManagedOptOutsEnabled": False,
        "OptOutListName": "Default",
        "DeletionProtectionEnabled": False,
        "CreatedTimestamp": 0,
    }


@dataclass
class ActiveSources:
    """End User Messaging for tests about the import, not its pre-flight: every source it is
    asked about is ACTIVE with SMS and VOICE. It records what it was asked."""

    asked: list[list[str]] = field(default_factory=list)

    def describe_phone_numbers(self, PhoneNumberIds: list[str]) -> dict[str, Any]:
        self.asked.append(list(PhoneNumberIds))
        return {"PhoneNumbers": [source_information(arn) for arn in PhoneNumberIds]}


@dataclass
class Harness:
    provider: ImportedPhoneNumberProvider
    stub: Stubber
    clock: FakeClock
    keys: list[ClientKey]
    notices: list[str]
    tokens: Iterator[str]
    sources: ActiveSources = field(default_factory=ActiveSources)


_CLIENT: list[Any] = []


def make_client() -> Any:
    """One real Connect client for all tests (building one costs ~0.1 s); each test stubs it."""
    if not _CLIENT:
        _CLIENT.append(
            boto3.session.Session(
                aws_access_key_id="AKIDTEST", aws_secret_access_key="secret", region_name=REGION
            ).client("connect", region_name=REGION)
        )
    return _CLIENT[0]


_SOURCE_CLIENT: list[Any] = []


def make_source_client() -> Any:
    """One real End User Messaging SMS/voice client, for tests that stub the pre-flight."""
    if not _SOURCE_CLIENT:
        _SOURCE_CLIENT.append(
            boto3.session.Session(
                aws_access_key_id="AKIDTEST", aws_secret_access_key="secret", region_name=REGION
            ).client("pinpoint-sms-voice-v2", region_name=REGION)
        )
    return _SOURCE_CLIENT[0]


def harness(env: dict[str, str] | None = None, source_client: Any = None) -> Harness:
    """`source_client` answers the pre-flight's DescribePhoneNumbers (else `ActiveSources`)."""
    client = make_client()
    stub = Stubber(client)
    clock = FakeClock()
    keys: list[ClientKey] = []
    notices: list[str] = []
    counter = iter(f"token-{n}" for n in range(1, 1000))
    sources = ActiveSources()

    def client_for(key: ClientKey) -> Any:
        keys.append(key)
        return client

    runtime = Runtime(
        client_for=client_for,
        source_client_for=lambda _key: sources if source_client is None else source_client,
        clock=clock.as_clock(),
        backoff=Backoff(),
        new_token=lambda: next(counter),
        notify=notices.append,
        env=env if env is not None else {},
    )
    return Harness(
        ImportedPhoneNumberProvider(runtime), stub, clock, keys, notices, counter, sources
    )


# ImportPhoneNumber and ListPhoneNumbersV2 exchanges shared by the create tests.
IMPORT_OK = {"PhoneNumberId": NUMBER_ID, "PhoneNumberArn": NUMBER_ARN}

IMPORT_PARAMS = {
    "InstanceId": INSTANCE_ID,
    "SourcePhoneNumberArn": SOURCE_ARN,
    "PhoneNumberDescription": "support line",
    "Tags": {"team": "care", OWNER_TAG_KEY: OWNER_TAG},
    "ClientToken": "token-1",
}

LIST_PARAMS = {"MaxResults": 1000}


def list_page(*sources: str, next_token: str | None = None) -> dict[str, object]:
    page: dict[str, object] = {
        "ListPhoneNumbersSummaryList": [
            {
                "PhoneNumberId": f"other-{n}" if source != SOURCE_ARN else NUMBER_ID,
                "PhoneNumberArn": NUMBER_ARN,
                "SourcePhoneNumberArn": source,
                "InstanceId": INSTANCE_ID,
            }
            for n, source in enumerate(sources)
        ]
    }
    if next_token:
        page["NextToken"] = next_token
    return page


def already_imported(h: Harness) -> None:
    h.stub.add_client_error(
        "import_phone_number",
        "IdempotencyException",
        "An entity with the same name already exists.",
        409,
        expected_params=IMPORT_PARAMS,
    )
