"""The root stack (placeholder until the main job lands): one no-op dynamic resource."""

import pulumi

from connect_numbers.noop import NoOp

marker = NoOp("placeholder", value="connect-numbers")
pulumi.export("placeholder", marker.value)
