#!/usr/bin/env bash
# Builds a Java 17 runtime base image from Debian packages, as a `docker save` tarball that Jib
# reads with -Djib.from.image=tar://PATH. For machines that reach a Debian mirror but no container
# registry (ADR 25); elsewhere the pinned eclipse-temurin image in pom.xml is the base.
#
#   sudo deploy/image/make-base.sh [OUT]      # default OUT: target/base/debian-jre17.tar
#
# Needs root and debootstrap. DEBIAN_MIRROR defaults to the first Debian mirror this machine's apt
# uses. About 5 minutes and 250 MB.
set -euo pipefail

out=$(realpath -m "${1:-target/base/debian-jre17.tar}")
suite=bookworm
mirror=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)}
if [[ -z "$mirror" ]]; then
  mirror=$(awk '$1 == "deb" && $2 ~ /\/debian\/?$/ {print $2; exit}' /etc/apt/sources.list)
fi
[[ -n "$mirror" ]] || { echo "Set DEBIAN_MIRROR to a Debian mirror" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs

debootstrap --variant=minbase \
  --include=openjdk-17-jre-headless,fontconfig,fonts-dejavu-core,ca-certificates,tzdata \
  "$suite" "$root" "$mirror"

# what a runtime image does not need
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/* "$root"/var/log/* \
  "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/tmp/*
# a font cache made now, as the running container cannot write one (read-only root)
chroot "$root" fc-cache -f >/dev/null
java_home=$(dirname "$(dirname "$(chroot "$root" readlink -f /usr/bin/java)")")
jre=$(chroot "$root" dpkg-query -W -f '${Version}' openjdk-17-jre-headless)

mkdir -p "$work/image/layer"
tar --numeric-owner --xattrs -C "$root" -cf "$work/image/layer/layer.tar" .
diff_id=$(sha256sum "$work/image/layer/layer.tar" | cut -d' ' -f1)
mv "$work/image/layer" "$work/image/$diff_id"

python3 - "$work/image" "$diff_id" "$java_home" <<'PY'
import hashlib, json, sys, datetime
image, diff_id, java_home = sys.argv[1:4]
config = {
    "architecture": "amd64",
    "os": "linux",
    "created": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "config": {
        "Env": [
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "JAVA_HOME=" + java_home,
            "LANG=C.UTF-8",
        ],
        "Cmd": ["/bin/bash"],
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
    "history": [{"created_by": "deploy/image/make-base.sh: debootstrap minbase bookworm, openjdk-17-jre-headless"}],
}
data = json.dumps(config, separators=(",", ":")).encode()
name = hashlib.sha256(data).hexdigest() + ".json"
open(f"{image}/{name}", "wb").write(data)
manifest = [{"Config": name, "RepoTags": ["ccr-hub-base:bookworm-jre17"], "Layers": [f"{diff_id}/layer.tar"]}]
open(f"{image}/manifest.json", "w").write(json.dumps(manifest))
PY

mkdir -p "$(dirname "$out")"
# entries named without "./": Jib refuses to unpack a path such as ./ (outside its destination)
(cd "$work/image" && tar -cf "$out" manifest.json "$diff_id" $(ls | grep -v -e "^manifest.json$" -e "^$diff_id$"))
echo "$out ($(du -h "$out" | cut -f1)): Debian $suite, openjdk-17-jre-headless $jre in $java_home"
