"""Benchmarks of connect-numbers against the local service; run `python -m bench.run`."""
