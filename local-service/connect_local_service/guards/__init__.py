"""What stands in front of every request: the IAM allow-list, injected faults and throttling."""
