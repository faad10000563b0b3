"""The engine front ends (the dynamic provider, the provider plugin) and what they share: each
speaks one engine protocol and calls the same workflows.
"""
