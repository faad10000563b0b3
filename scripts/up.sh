#!/usr/bin/env bash
# The main job: set-up if anything is missing, then `pulumi up` of the root stack's `local` stack.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
pulumi stack select --create local --non-interactive >/dev/null
pulumi up --yes --non-interactive --skip-preview "$@"
pulumi stack output --json
