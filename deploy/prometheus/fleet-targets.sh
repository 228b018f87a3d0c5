#!/usr/bin/env bash
# Writes the file_sd targets for deploy/prometheus/prometheus.yml from a running local fleet:
#   targets/services.json  one target per service in .factory/fleet.json, labelled service=<name>
#   targets/products.json  one target per deployed product (the intake's status API gives its url), product=<spec>
# Usage: deploy/prometheus/fleet-targets.sh [path/to/fleet.json]   (run it again after a deployment; needs jq, curl)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
fleet="${1:-$here/../../.factory/fleet.json}"
mkdir -p "$here/targets"

jq '[.services | to_entries[] | {targets: [(.value | sub("^https?://"; ""))], labels: {service: .key}}]' \
  "$fleet" > "$here/targets/services.json.tmp"
mv "$here/targets/services.json.tmp" "$here/targets/services.json"

intake="$(jq -r '.services["spec-intake-service"]' "$fleet")"
curl -fsS "$intake/api/specs?size=100" \
  | jq '[.items[] | select(.url != null) | {targets: [(.url | sub("^https?://"; "") | sub("/.*$"; ""))], labels: {product: .name}}]' \
  > "$here/targets/products.json.tmp"
mv "$here/targets/products.json.tmp" "$here/targets/products.json"
echo "wrote $here/targets/services.json and products.json"
