"""Running the service: the HTTP server, the CLI and runner, settings, state, the request context
and the clock.
"""
