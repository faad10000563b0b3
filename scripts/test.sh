#!/usr/bin/env bash
# The one test command: set-up if anything is missing, lint, types, then every test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
echo "== ruff check"; ruff check .
echo "== ruff format --check"; ruff format --check .
echo "== mypy --strict"; mypy --strict provider/connect_numbers local-service/connect_local_service
echo "== pytest"; python -m pytest "$@"
