import pulumi

from bench.noop import NoOp

count = pulumi.Config().require_int("count")
for i in range(count):
    NoOp(f"noop-{i}", value=f"value-{i}")
