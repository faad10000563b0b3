"""A number's inputs: the one spec, its checks and limits, the engine's property bags, the diff,
stack config, and what is generated from the spec.
"""
