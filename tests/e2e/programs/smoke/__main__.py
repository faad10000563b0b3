import pulumi

from bench.noop import NoOp

config = pulumi.Config()
thing = NoOp("thing", value=config.get("value") or "hello")
pulumi.export("value", thing.value)
pulumi.export("thing_id", thing.id)
