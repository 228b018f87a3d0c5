#!/usr/bin/env bash
# Builds the base images and the factory's seven images as tarballs (no Docker daemon, no registry), then pins
# deploy/kubernetes/overlays/production to their digests (kustomize `images:` with `digest:`, which kustomize v2.0.3
# knows as well as 5).
#
#   deploy/images/build-images.sh                 # images named gigafactory/<part>
#   REGISTRY=registry.example/team deploy/images/build-images.sh   # production pulls <REGISTRY>/gigafactory/<part>
#
# Each image is target/jib-image.tar in its module, named gigafactory/<part>:dev (what overlays/dev runs), its digest
# in target/jib-image.digest: the digest of the image as Jib pushes it (`jib:build`, same layers, same compression).
# Copying the tarball with a tool that recompresses the layers gives the same image under another digest.
# Maven runs offline, under the shared build lock; tests are skipped (CI runs them).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PARTS=(spec-intake-service planner-service coder-service tester-service deployer-service monitor-service factory-operator)
KUSTOMIZATION=deploy/kubernetes/overlays/production/kustomization.yaml

deploy/images/build-base-image.sh
deploy/images/build-base-image.sh --bwrap

for part in "${PARTS[@]}"; do
  # one module at a time: Jib takes -Dimage (which also turns the profile on) as the image's name
  rm -f "$part/target/jib-image.digest"
  flock /tmp/gf-mvn.lock ./mvnw -B -q -o -pl "$part" -am package -DskipTests -Dimage="gigafactory/$part:dev"
done

for part in "${PARTS[@]}"; do
  digest=$(cat "$part/target/jib-image.digest")
  [[ $digest =~ ^sha256:[0-9a-f]{64}$ ]] || { echo "$part: no digest in $part/target/jib-image.digest" >&2; exit 1; }
  name=${REGISTRY:+newName: $REGISTRY/gigafactory/$part, }
  sed -i "s|^  - {name: gigafactory/$part, .*}\$|  - {name: gigafactory/$part, ${name}digest: $digest}|" "$KUSTOMIZATION"
  grep -q "gigafactory/$part, ${name}digest: $digest" "$KUSTOMIZATION" || { echo "$part: not in $KUSTOMIZATION" >&2; exit 1; }
  echo "gigafactory/$part@$digest"
done
