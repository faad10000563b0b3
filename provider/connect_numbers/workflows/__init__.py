"""What happens to a number (create, converge, refresh, release), engine-agnostic: each takes typed
inputs and a context of injected side effects.
"""
