#!/usr/bin/env bash
# Tears the main job down: releases the `local` stack's numbers, then stops the local service.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/env.sh
source scripts/env.sh
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
bash scripts/local-service.sh start >/dev/null
pulumi destroy -s local --yes --non-interactive
bash scripts/local-service.sh stop
