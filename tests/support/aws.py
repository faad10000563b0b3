"""Real boto3 clients for the local service, for changes made 'in the console'."""

from __future__ import annotations

import boto3
from botocore.config import Config
from mypy_boto3_connect import ConnectClient


def connect_client(endpoint_url: str, region: str = "us-east-1") -> ConnectClient:
    return boto3.client(
        "connect",
        endpoint_url=endpoint_url,
        region_name=region,
        aws_access_key_id="console-test-key",
        aws_secret_access_key="console-test-secret",
        config=Config(retries={"mode": "standard"}),
    )
