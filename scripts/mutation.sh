#!/usr/bin/env bash
# Mutation testing of the provider's pure modules with mutmut (not part of CI or scripts/test.sh).
#   scripts/mutation.sh                 every module; rewrites docs/mutation-report.md
#   scripts/mutation.sh waiter limits   only those modules; prints their results, no report
# mutmut is installed into .venv on first use (pinned below), not from requirements-dev.txt,
# so CI and the ordinary dev set-up never carry it. One worker process; a full run takes a few
# minutes. Working folders go to .mutation/ (ignored by git).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/env.sh
source scripts/env.sh
mutmut_version="3.8.1"
if [[ "$(python -c 'import importlib.metadata as m; print(m.version("mutmut"))' 2>/dev/null)" != "$mutmut_version" ]]; then
    echo "== installing mutmut $mutmut_version into .venv"
    python -m pip install --quiet "mutmut==$mutmut_version"
fi
exec python scripts/mutation.py "$@"
