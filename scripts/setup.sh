#!/usr/bin/env bash
# Idempotent set-up: the virtualenv with both distributions, and a Pulumi engine.
# A pulumi CLI already on PATH is used when it is at least the supported minimum; otherwise the
# pinned CLI is built from the Go module proxy. A second run takes a few seconds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

PYTHON="${PYTHON:-python3.11}"
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3
venv="$root/.venv"
tools="$root/.tools/pulumi/bin"
cli_version="$(cat "$root/tools/pulumi-cli/VERSION")"
cli_minimum="$(cat "$root/tools/pulumi-cli/MINIMUM_VERSION")"

log() { printf '[setup] %s\n' "$*" >&2; }

# 1. Virtualenv, reinstalled only when a requirement file changes.
if [ ! -x "$venv/bin/python" ]; then
  log "creating virtualenv with $PYTHON"
  "$PYTHON" -m venv "$venv"
fi
stamp="$venv/.connect-numbers-installed"
want="$(cat pyproject.toml local-service/pyproject.toml requirements-dev.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  log "installing both distributions (editable) and the dev tools"
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -r requirements-dev.txt
  echo "$want" > "$stamp"
fi
sdk_version="$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("pulumi"))')"

# 2. The Pulumi CLI: one on PATH at or above the minimum, else the pinned one built from source.
mkdir -p "$tools"
version_of() { "$1" version 2>/dev/null | sed 's/^v//'; }
at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }
usable() { [ -x "$1" ] && v="$(version_of "$1")" && [ -n "$v" ] && at_least "$v" "$cli_minimum"; }
existing=""
IFS=: read -ra path_dirs <<< "$PATH"
for dir in "${path_dirs[@]}"; do
  [ "$dir" = "$tools" ] && continue
  if [ -x "$dir/pulumi" ]; then existing="$dir/pulumi"; break; fi
done
if [ -n "$existing" ] && usable "$existing"; then
  ln -sf "$existing" "$tools/pulumi"
  log "using the pulumi CLI on PATH: $existing (v$(version_of "$existing"), minimum v$cli_minimum)"
elif ! { [ -x "$tools/pulumi" ] && [ ! -L "$tools/pulumi" ] \
    && [ "$(version_of "$tools/pulumi")" = "${cli_version#v}" ]; }; then
  [ -n "$existing" ] && log "ignoring $existing: v$(version_of "$existing") is below v$cli_minimum"
  rm -f "$tools/pulumi"
  command -v go >/dev/null 2>&1 || { log "Go >= 1.25 is needed to build the Pulumi CLI"; exit 1; }
  log "building pulumi $cli_version from the Go module proxy (a few minutes when cold)"
  (cd "$root/tools/pulumi-cli" && go build -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$cli_version" \
    -o "$tools/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi)
  log "using the pulumi CLI built from source: $tools/pulumi ($cli_version)"
else
  log "using the pulumi CLI built from source: $tools/pulumi ($cli_version)"
fi

# 2b. The YAML language host, built from the Go module proxy like the CLI (tools/pulumi-yaml is
#     a wrapper module whose go.sum pins it; pulumi-yaml's own replace directives do not apply).
#     Rebuilt only when missing or of another version, read back from the binary's build info.
#     The build uses the default Go caches (`go env GOMODCACHE GOCACHE`): CI keeps both between
#     runs, and a warm build cache turns a few cold minutes into seconds.
yaml_version="$(cat "$root/tools/pulumi-yaml/VERSION")"
yaml_host="$tools/pulumi-language-yaml"
yaml_stamp="$tools/.pulumi-language-yaml"
yaml_version_of() {
  [ -x "$1" ] || return 0
  if command -v go >/dev/null 2>&1; then
    go version -m "$1" 2>/dev/null | awk '$1 == "mod" && $2 == "github.com/pulumi/pulumi-yaml" { print $3 }'
  else
    cat "$yaml_stamp" 2>/dev/null || true
  fi
}
if [ "$(yaml_version_of "$yaml_host")" != "$yaml_version" ]; then
  command -v go >/dev/null 2>&1 || { log "Go >= 1.25 is needed to build the Pulumi YAML language host"; exit 1; }
  log "building pulumi-language-yaml $yaml_version from the Go module proxy (about 3-4 minutes when the Go build cache $(go env GOCACHE) is cold)"
  rm -f "$yaml_host" "$yaml_stamp"
  (cd "$root/tools/pulumi-yaml" && go build -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi-yaml/pkg/version.Version=$yaml_version" \
    -o "$yaml_host" github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml)
  echo "$yaml_version" > "$yaml_stamp"
fi
log "using the YAML language host built from source: $yaml_host ($yaml_version)"

# 2c. SDK generation and the TypeScript check (tests/e2e/plugin/test_generated_sdks.py):
#     `pulumi package gen-sdk --language nodejs|go` needs a language host that the Go module proxy
#     does not serve, so tools/sdkgen builds one that serves only GeneratePackage, from the CLI's
#     pins; and tools/node-sdk-check pins @pulumi/pulumi, typescript and @types/node, installed
#     with npm's cache under .tools. Each is redone only when its inputs change.
sdkgen_bin="$root/.tools/sdkgen/bin"
sdkgen_want="$(cat "$root"/tools/sdkgen/go.mod "$root"/tools/sdkgen/go.sum "$root"/tools/sdkgen/main.go "$root/tools/pulumi-cli/VERSION" | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$sdkgen_bin/.stamp" 2>/dev/null)" != "$sdkgen_want" ]; then
  command -v go >/dev/null 2>&1 || { log "Go >= 1.25 is needed to build tools/sdkgen"; exit 1; }
  log "building the SDK generator (tools/sdkgen) from the Go module proxy"
  mkdir -p "$sdkgen_bin"
  (cd "$root/tools/sdkgen" && go build -trimpath -ldflags "-s -w -X main.version=${cli_version#v}" \
    -o "$sdkgen_bin/pulumi-language-nodejs" .)
  ln -sf pulumi-language-nodejs "$sdkgen_bin/pulumi-language-go"
  ln -sf pulumi-language-nodejs "$sdkgen_bin/pulumi-language-python"
  echo "$sdkgen_want" > "$sdkgen_bin/.stamp"
fi
node_check="$root/.tools/node-sdk-check"
node_want="$(cat "$root"/tools/node-sdk-check/package.json "$root"/tools/node-sdk-check/package-lock.json | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$node_check/.stamp" 2>/dev/null)" != "$node_want" ]; then
  command -v npm >/dev/null 2>&1 || { log "Node.js with npm is needed for the TypeScript SDK check"; exit 1; }
  log "installing the TypeScript check's npm packages into $node_check"
  mkdir -p "$node_check"
  cp "$root"/tools/node-sdk-check/package.json "$root"/tools/node-sdk-check/package-lock.json "$node_check/"
  (cd "$node_check" && npm ci --prefer-offline --no-audit --no-fund --ignore-scripts --loglevel=error \
    --cache "$root/.tools/npm-cache" >/dev/null)
  echo "$node_want" > "$node_check/.stamp"
fi

# 3. Pulumi's own scripts from the SDK's Go module (not in the PyPI wheel): the program runner
#    that the language host starts, and the dynamic-provider plugin, which honours the
#    project's runtime.options.virtualenv. The module version is the pinned CLI's SDK.
sdk_module_version="$(cat "$root/tools/pulumi-cli/SDK_MODULE_VERSION")"
if [ ! -f "$tools/.sdk-module" ] || [ "$(cat "$tools/.sdk-module")" != "$sdk_module_version" ]; then
  dir="$(cd "$root/tools/pulumi-cli" && go mod download -json "github.com/pulumi/pulumi/sdk/v3@$sdk_module_version" \
    | "$venv/bin/python" -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')"
  install -m 0755 "$dir/python/cmd/pulumi-language-python-exec" "$tools/pulumi-language-python-exec"
  install -m 0755 "$dir/python/dist/pulumi-resource-pulumi-python" "$tools/pulumi-resource-pulumi-python"
  echo "$sdk_module_version" > "$tools/.sdk-module"
fi

# 4. The language host (the upstream Go one is not served by the module proxy): ours, run by the
#    project's virtualenv; it runs each program with the program's own virtualenv when it names one.
cat > "$tools/pulumi-language-python" <<SH
#!/bin/sh
PULUMI_LANGUAGE_PYTHON_EXEC="$tools/pulumi-language-python-exec" exec "$venv/bin/python" "$root/tools/langhost/pulumi_language_python.py" "\$@"
SH
chmod 0755 "$tools/pulumi-language-python"
log "ready: pulumi $("$tools/pulumi" version) in $tools, pulumi-language-yaml $yaml_version, Python SDK $sdk_version"
