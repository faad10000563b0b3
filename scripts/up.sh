#!/usr/bin/env bash
# The main job: set-up, start the embedded local Connect service (persistent state in .state/),
# then `pulumi up` of the root stack's `local` stack, and print the imported numbers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
# shellcheck source=scripts/env.sh
source scripts/env.sh
endpoint="$(bash scripts/local-service.sh start)"
echo "local Connect service: $endpoint (state in .state/local_service.sqlite)" >&2
# The local service accepts any signature; these keys are not secrets.
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
pulumi stack select --create local --non-interactive >/dev/null
pulumi up --yes --non-interactive --skip-preview "$@"
echo "Imported numbers:"
pulumi stack output numbers --json
