# Source this file: offline-safe settings for every Pulumi run the project starts.
_cn_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_cn_root/.tools/pulumi/bin:$_cn_root/.venv/bin:$PATH"
export PULUMI_HOME="${PULUMI_HOME:-$_cn_root/.pulumi/home}"
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$_cn_root/.pulumi/backend}"
# Local stacks hold no secrets: the documented passphrase is empty.
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
mkdir -p "$PULUMI_HOME" "${PULUMI_BACKEND_URL#file://}"
