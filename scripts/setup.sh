#!/usr/bin/env bash
# Idempotent set-up: the virtualenv with the package, and the Pulumi engine built offline.
# A second run is a few seconds: every step checks a stamp or a version first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
venv="$root/.venv"
tools="$root/.tools/pulumi/bin"
cli_version="$(cat "$root/tools/pulumi-cli/VERSION")"
sdk_version="$(sed -n 's/^ *"pulumi==\([0-9.]*\)",/\1/p' "$root/pyproject.toml")"

log() { printf '[setup] %s\n' "$*" >&2; }

# 1. Virtualenv, reinstalled only when pyproject.toml changes.
if [ ! -x "$venv/bin/python" ]; then
  log "creating virtualenv with $PYTHON"
  "$PYTHON" -m venv "$venv"
fi
stamp="$venv/.connect-numbers-installed"
want="$(sha256sum "$root/pyproject.toml" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "installing the package (editable) and its dev tools"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -e "$root[dev]"
  echo "$want" > "$stamp"
fi

# 2. The Pulumi CLI: reuse one of the right version on PATH, else build from the Go module proxy.
mkdir -p "$tools"
have_version() { [ -x "$1" ] && [ "$("$1" version 2>/dev/null)" = "$cli_version" ]; }
if ! have_version "$tools/pulumi"; then
  existing="$(command -v pulumi || true)"
  if [ -n "$existing" ] && [ "$existing" != "$tools/pulumi" ] && have_version "$existing"; then
    log "using $existing ($cli_version)"
    ln -sf "$existing" "$tools/pulumi"
  else
    command -v go >/dev/null 2>&1 || { log "Go >= 1.25 is needed to build the Pulumi CLI"; exit 1; }
    log "building pulumi $cli_version from the Go module proxy (a few minutes when cold)"
    (cd "$root/tools/pulumi-cli" && go build -trimpath \
      -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$cli_version" \
      -o "$tools/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
  fi
fi
have_version "$tools/pulumi" || { log "pulumi in $tools does not print $cli_version"; exit 1; }

# 3. The Python SDK's exec script, from the sdk module of the same version as the pip package.
exec_script="$tools/pulumi-language-python-exec"
if [ ! -f "$exec_script" ] || ! grep -q "$sdk_version" "$tools/.sdk-version" 2>/dev/null; then
  dir="$(cd "$root/tools/pulumi-cli" && go mod download -json "github.com/pulumi/pulumi/sdk/v3@v$sdk_version" \
    | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  install -m 0755 "$dir/python/cmd/pulumi-language-python-exec" "$exec_script"
  echo "$sdk_version" > "$tools/.sdk-version"
fi

# 4. The language host and the dynamic-provider plugin, both run by the project's virtualenv.
cat > "$tools/pulumi-language-python" <<SH
#!/bin/sh
PULUMI_LANGUAGE_PYTHON_EXEC="$exec_script" exec "$venv/bin/python" "$root/tools/langhost/pulumi_language_python.py" "\$@"
SH
cat > "$tools/pulumi-resource-pulumi-python" <<SH
#!/bin/sh
exec "$venv/bin/python" -u -m pulumi.dynamic "\$@"
SH
chmod 0755 "$tools/pulumi-language-python" "$tools/pulumi-resource-pulumi-python"
log "ready: $("$tools/pulumi" version) in $tools"
