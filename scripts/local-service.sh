#!/usr/bin/env bash
# Starts (or finds already running) the embedded local Connect service, or stops it.
#   scripts/local-service.sh start   -> prints the endpoint URL
#   scripts/local-service.sh stop
# State persists in .state/local_service.sqlite, so numbers survive a restart of the service.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state_dir="$root/.state"
port="${CONNECT_NUMBERS_LOCAL_PORT:-4599}"
url="http://127.0.0.1:$port"
pidfile="$state_dir/local_service.pid"
mkdir -p "$state_dir"

healthy() { "$root/.venv/bin/python" - "$url" <<'PY'
import sys, urllib.request
try:
    urllib.request.urlopen(sys.argv[1] + "/_local/health", timeout=1).read()
except Exception:
    sys.exit(1)
PY
}

case "${1:-start}" in
  start)
    if ! healthy; then
      nohup "$root/.venv/bin/python" -m connect_local_service --port "$port" \
        --state "$state_dir/local_service.sqlite" --seed-demo \
        --claim-delay "${CONNECT_NUMBERS_CLAIM_DELAY:-2}" \
        > "$state_dir/local_service.log" 2>&1 &
      echo $! > "$pidfile"
      for _ in $(seq 1 50); do healthy && break; sleep 0.2; done
      healthy || { echo "local service did not start; see $state_dir/local_service.log" >&2; exit 1; }
    fi
    echo "$url"
    ;;
  stop)
    if [ -f "$pidfile" ]; then
      kill "$(cat "$pidfile")" 2>/dev/null || true
      rm -f "$pidfile"
    fi
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
