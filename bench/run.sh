#!/usr/bin/env bash
# The one benchmark command: bash bench/run.sh [--sizes 10,50,200] (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m bench.run "$@"
