#!/usr/bin/env bash
# The one benchmark command: bash bench/run.sh [--sizes 10,50,200] (see docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -c "import matplotlib" 2>/dev/null || .venv/bin/python -m pip install --quiet -r requirements-bench.txt
exec .venv/bin/python -m bench.run "$@"
