#!/usr/bin/env bash
# preflight.sh STATE_DIR: checks what the local fleet needs before ./factory builds or starts anything.
#
# A JDK >= 17 with javac, bubblewrap (the tester tests and the deployer serves generated code in a bwrap sandbox), unprivileged user and
# network namespaces for that sandbox, and free disk under STATE_DIR. A missing Debian package is installed when we
# can (root and apt-get present, FACTORY_PREFLIGHT_INSTALL not 0); otherwise this stops at once, exit 1, naming the
# missing thing and the command that brings it. Prints nothing when all is well.
#
# Environment: FACTORY_PREFLIGHT_INSTALL=0 never installs; FACTORY_MIN_DISK_MB (default 2048).
set -uo pipefail

state_dir="${1:?usage: preflight.sh STATE_DIR}"
min_disk_mb="${FACTORY_MIN_DISK_MB:-2048}"
apt_updated=0

fail() {
  echo "factory: $1" >&2
  [[ $# -lt 2 ]] || echo "  $2" >&2
  exit 1
}

can_install() {
  [[ "${FACTORY_PREFLIGHT_INSTALL:-1}" != "0" && "$(id -u 2>/dev/null)" == "0" ]] && command -v apt-get > /dev/null
}

# install PACKAGE WHY: one line to say so, the package manager's chatter only if it fails.
install() {
  local package="$1" why="$2" log
  echo "factory: installing $package ($why)..." >&2
  log="$(mktemp 2>/dev/null || echo /tmp/factory-apt.log)"
  if [[ $apt_updated == 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq > "$log" 2>&1 || { cat "$log" >&2; return 1; }
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" > "$log" 2>&1 || { cat "$log" >&2; return 1; }
}

# The major version javac reports: "javac 17.0.15" -> 17, "javac 1.8.0_392" -> 8.
javac_major() {
  local version
  version="$(javac -version 2>&1)" || return 1
  version="${version#javac }"
  version="${version%%[^0-9.]*}"
  [[ "$version" == 1.* ]] && version="${version#1.}"
  echo "${version%%.*}"
}

check_jdk() {
  local jdk_package="openjdk-17-jdk-headless" major
  if ! command -v java > /dev/null || ! command -v javac > /dev/null; then
    can_install && install "$jdk_package" "the fleet and the tester need a Java 17 JDK with javac"
  fi
  if ! command -v java > /dev/null || ! command -v javac > /dev/null; then
    fail "no Java JDK with javac on PATH: the fleet needs a JDK >= 17 (a JRE is not enough, the tester compiles)." \
      "install one with: sudo apt-get install -y $jdk_package"
  fi
  major="$(javac_major)"
  if [[ -z "$major" || "$major" -lt 17 ]]; then
    fail "javac on PATH is version ${major:-unknown}; the fleet needs a JDK >= 17." \
      "install one with: sudo apt-get install -y $jdk_package (and put it first on PATH or set it with update-alternatives)"
  fi
}

check_bwrap() {
  command -v bwrap > /dev/null && return 0
  if can_install && install bubblewrap "the sandbox of the tester and the deployer needs it" && command -v bwrap > /dev/null; then
    return 0
  fi
  fail "bubblewrap (bwrap) is not installed; the tester and the deployer run generated code only in its sandbox." \
    "install it with: sudo apt-get install -y bubblewrap"
}

# The tester's sandbox unshares every namespace; a kernel that refuses unprivileged ones cannot be fixed by a package.
check_namespaces() {
  local answer
  answer="$(bwrap --unshare-all --die-with-parent --ro-bind / / /bin/true 2>&1)" && return 0
  local hint="allow them with: sudo sysctl -w kernel.unprivileged_userns_clone=1 (Debian)"
  hint+=" and check user.max_user_namespaces > 0 (sudo sysctl -w user.max_user_namespaces=15000)"
  if [[ -e /proc/sys/kernel/apparmor_restrict_unprivileged_userns ]]; then
    hint+="; on Ubuntu also: sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0"
  fi
  fail "bubblewrap cannot create unprivileged user and network namespaces here: ${answer%%$'\n'*}" "$hint"
}

gib() {
  echo "$(($1 / 1024)).$((($1 % 1024) * 10 / 1024))"
}

check_disk() {
  local dir="$state_dir" available_kb available_mb
  # the state dir may not exist yet: measure the filesystem it will be created on, without creating it
  while [[ ! -d "$dir" ]]; do
    dir="$(dirname "$dir")"
  done
  available_kb="$(df -Pk "$dir" 2>/dev/null | awk 'NR == 2 { print $4 }')"
  [[ -n "$available_kb" ]] || return 0
  available_mb=$((available_kb / 1024))
  if [[ $available_mb -lt $min_disk_mb ]]; then
    fail "only $(gib "$available_mb") GiB free under $dir; the fleet needs about $(gib "$min_disk_mb") GiB for its state (Kafka, PostgreSQL, builds)." \
      "free some space, or set FACTORY_STATE_DIR to a directory on a bigger disk"
  fi
}

check_jdk
check_bwrap
check_namespaces
check_disk
