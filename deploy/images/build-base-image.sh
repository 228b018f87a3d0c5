#!/usr/bin/env bash
# Builds the factory's Java base image without a Docker daemon or a registry: a Java runtime made by jlink from the
# local JDK 17, the few shared libraries it links (copied from this machine's Debian packages, versions recorded in
# the image's labels), /etc/passwd with the non-root user 185, and /tmp. Written as a `docker save` tarball, which Jib
# takes as its base (`tar://`), byte for byte the same on every run from the same JDK and packages (sorted entries,
# fixed owners and mtimes).
#
#   deploy/images/build-base-image.sh [OUT]           # default: .factory/images/java17-base.tar
#   deploy/images/build-base-image.sh --bwrap [OUT]   # default: .factory/images/java17-bwrap-base.tar
#
# --bwrap adds Debian's bubblewrap (/usr/bin/bwrap and the libraries it links, its version in the same label): the
# tester runs generated code in its sandbox. Needs the package installed here (apt-get install bubblewrap).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BINARIES=()
NAME=java17-base
if [ "${1:-}" = "--bwrap" ]; then
  shift
  [ -x /usr/bin/bwrap ] || { echo "no /usr/bin/bwrap: apt-get install bubblewrap" >&2; exit 1; }
  BINARIES=(/usr/bin/bwrap)
  NAME=java17-bwrap-base
fi
OUT=${1:-$ROOT/.factory/images/$NAME.tar}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FS=$WORK/rootfs
mkdir -p "$FS/opt" "$FS/etc" "$FS/tmp" "$FS/home/app" "$(dirname "$OUT")"

# every module of the JDK but the incubating ones, javac included: the tester compiles generated code; --strip-debug keeps it small
modules=$("$JAVA_HOME/bin/java" --list-modules | sed 's/@.*//' | grep -v '^jdk.incubator' | paste -sd, -)
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --output "$FS/opt/java"

# headless: the AWT/X11, splash and sound libraries are never loaded, so their X11/ALSA dependencies stay out
libs=$( (ldd "$FS/opt/java/bin/java"; for bin in "${BINARIES[@]}"; do ldd "$bin"; done; find "$FS/opt/java" -name '*.so' ! -name 'libawt_xawt.so' ! -name 'libjawt.so' \
  ! -name 'libsplashscreen.so' ! -name 'libjsound.so' -exec ldd {} \; 2>/dev/null) \
  | awk '/=> \//{print $3} /^\s*\/lib64/{print $1}' | grep -v "^$FS" | sort -u)
packages=""
for bin in "${BINARIES[@]}"; do
  mkdir -p "$FS$(dirname "$bin")"
  cp -a "$bin" "$FS$bin"
  packages="$packages $(dpkg -S "$bin" | cut -d: -f1 | head -1)"
done
for lib in $libs /lib64/ld-linux-x86-64.so.2; do
  real=$(readlink -f "$lib")
  mkdir -p "$FS$(dirname "$lib")" "$FS$(dirname "$real")"
  cp -a "$real" "$FS$real"
  [ "$real" = "$lib" ] || ln -sf "$real" "$FS$lib"
  packages="$packages $( (dpkg -S "$lib" 2>/dev/null || dpkg -S "$real" 2>/dev/null || true) | cut -d: -f1 | head -1)"
done
versions=$(for p in $(echo $packages | tr ' ' '\n' | sort -u); do dpkg-query -W -f='${Package}=${Version} ' "$p"; done)

printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:185:185:app:/home/app:/sbin/nologin\n' > "$FS/etc/passwd"
printf 'root:x:0:\napp:x:185:\n' > "$FS/etc/group"
chmod 1777 "$FS/tmp"
chown -R 185:185 "$FS/home/app" 2>/dev/null || true

# entries named without a leading ./ (Jib refuses those as paths outside its destination)
(cd "$FS" && find . -mindepth 1 | sed 's|^\./||' | LC_ALL=C sort) > "$WORK/entries"
tar --mtime=@0 --owner=0 --group=0 --numeric-owner --format=posix --no-recursion \
  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime -C "$FS" -cf "$WORK/layer.tar" -T "$WORK/entries"
diff=$(sha256sum "$WORK/layer.tar" | cut -d' ' -f1)
jdk=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/{print $2}')
cat > "$WORK/config.json" <<JSON
{"architecture":"amd64","os":"linux","config":{"User":"185:185","WorkingDir":"/home/app","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"Labels":{"dev.gigafactory.base.jdk":"$jdk","dev.gigafactory.base.packages":"${versions% }"}},"rootfs":{"type":"layers","diff_ids":["sha256:$diff"]},"history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/build-base-image.sh"}]}
JSON
config=$(sha256sum "$WORK/config.json" | cut -d' ' -f1)
mkdir -p "$WORK/image"
mv "$WORK/config.json" "$WORK/image/$config.json"
mv "$WORK/layer.tar" "$WORK/image/$diff.tar"
printf '[{"Config":"%s.json","RepoTags":["gigafactory/%s:local"],"Layers":["%s.tar"]}]' "$config" "$NAME" "$diff" \
  > "$WORK/image/manifest.json"
tar --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$WORK/image" -cf "$OUT" manifest.json "$config.json" "$diff.tar"
echo "$OUT sha256:$config"
