#!/usr/bin/env bash
# Runs the image that ./mvnw -Pimage package wrote, without Docker, as a container would: its layers
# unpacked into a root file system mounted read-only, a tmpfs on /tmp (noexec, as Docker mounts it),
# a writable /data, the image's user, environment and entrypoint; against a throwaway PostgreSQL
# with the owner and application roles of deploy/compose/initdb. Then it checks the health probe,
# the pages, that a PDF with charts is made (fonts), and that nothing was written outside /tmp and
# /data. Manual, not part of ./mvnw verify (ADR 25).
#
#   sudo deploy/image/smoke.sh [target/jib-image.tar]
#
# Needs root (mount namespaces, chroot), python3, and PostgreSQL's server programs (PG_BIN, by
# default the newest /usr/lib/postgresql/*/bin). Port 18080 (CCR_SMOKE_PORT) and 15432 must be free.
set -euo pipefail

image=$(realpath "${1:-target/jib-image.tar}")
here=$(cd "$(dirname "$0")/../.." && pwd)
port=${CCR_SMOKE_PORT:-18080}
pg_port=15432
pg_bin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}
work=$(mktemp -d /var/tmp/ccr-smoke.XXXXXX)
chmod 0755 "$work"
root=$work/rootfs
pid=
cleanup() {
  # unshare ignores SIGTERM while it waits: stop the server it runs, which then ends it
  if [[ -n "$pid" ]]; then
    kill $(pgrep -P "$pid") 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 1" INT TERM
step() { printf '\n== %s (%s)\n' "$*" "$(date +%T)"; }
fail() {
  echo "FAIL: $*"
  [[ -f "$work/server.log" ]] && tail -40 "$work/server.log" | cut -c1-400
  exit 1
}

if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "Port $port is taken: set CCR_SMOKE_PORT" >&2; exit 2
fi

step "unpacking $image"
mkdir -p "$work/image" "$root"
tar -C "$work/image" -xf "$image"
python3 - "$work/image" > "$work/layers" <<'PY'
import json, sys
print("\n".join(json.load(open(sys.argv[1] + "/manifest.json"))[0]["Layers"]))
PY
while read -r layer; do
  tar -C "$root" --numeric-owner -xf "$work/image/$layer" 2>/dev/null
done < "$work/layers"
python3 - "$work/image" > "$work/container.sh" <<'PY'
import json, shlex, sys
image = sys.argv[1]
manifest = json.load(open(image + "/manifest.json"))[0]
config = json.load(open(image + "/" + manifest["Config"]))["config"]
print("user=" + shlex.quote(config.get("User", "0")))
print("env=(" + " ".join(shlex.quote(e) for e in config.get("Env", [])) + ")")
print("command=(" + " ".join(shlex.quote(a) for a in config.get("Entrypoint", []) + config.get("Cmd", [])) + ")")
print("volumes=(" + " ".join(shlex.quote(v) for v in config.get("Volumes", {})) + ")")
PY
# shellcheck disable=SC1091
source "$work/container.sh"
echo "user $user; volumes ${volumes[*]}; ${command[*]}"
[[ "${user%%:*}" != 0 && "${user%%:*}" != root ]] || { echo "FAIL: the image runs as root"; exit 1; }

step "a throwaway PostgreSQL ($("$pg_bin/postgres" --version))"
mkdir -p "$work/pg" "$work/secrets" "$work/pgrun"
chown postgres "$work/pg" "$work/pgrun"
runuser -u postgres -- "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pgrun/pg.log" -w \
  -o "-p $pg_port -k $work/pgrun -c listen_addresses=127.0.0.1" start >/dev/null
printf 'owner-%s' "$RANDOM$RANDOM" > "$work/secrets/db_owner_password"
printf 'app-%s' "$RANDOM$RANDOM" > "$work/secrets/db_app_password"
chmod 0644 "$work/secrets"/*
runuser -u postgres -- env CCR_SECRETS_DIR="$work/secrets" POSTGRES_USER=postgres \
  PGHOST="$work/pgrun" PGPORT=$pg_port sh "$here/deploy/compose/initdb/ccr-hub-roles.sh"

step "the container: read-only root, tmpfs /tmp, /data, user $user"
mkdir -p "$work/data"
chown "$user" "$work/data"
chmod 0770 "$work/data"
audit_key=$(openssl rand -base64 32)
two_factor_key=$(openssl rand -base64 32)
cat > "$work/run-in-container.sh" <<RUN
set -e
mount --bind "$root" "$root"
mount --bind "$work/data" "$root/data"
mount -t tmpfs -o nosuid,nodev,noexec,mode=1777,size=512m tmpfs "$root/tmp"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -o remount,bind,ro "$root"
exec chroot --userspec="\${CONTAINER_USER:-$user}" "$root" "\$@"
RUN
container() { # runs a command in a new container of the image; it ends when this script does
  CONTAINER_USER=${CONTAINER_USER:-} exec unshare --mount --pid --fork --kill-child=SIGTERM \
    --propagation private bash "$work/run-in-container.sh" "$@"
}
app_env=(
  "${env[@]}"
  CCR_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/ccrhub"
  CCR_DB_USER=ccrhub_app
  CCR_DB_PASSWORD="$(cat "$work/secrets/db_app_password")"
  SPRING_FLYWAY_USER=ccrhub_owner
  SPRING_FLYWAY_PASSWORD="$(cat "$work/secrets/db_owner_password")"
  CCR_AUDIT_KEY="$audit_key"
  CCR_TWO_FACTOR_KEY="$two_factor_key"
  SERVER_PORT=$port
  CCR_SECURE_COOKIE=false
  JAVA_TOOL_OPTIONS=-Xmx512m
)
(container /usr/bin/env -i "${app_env[@]}" "${command[@]}" --demo) > "$work/server.log" 2>&1 &
pid=$!

step "waiting for the health probe"
healthy=
for _ in $(seq 1 90); do
  if (container /usr/bin/env -i "${env[@]}" java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx32m \
      -cp '/app/classpath/*' org.ccrhub.cli.HealthProbe "$port" 2>/dev/null); then
    healthy=yes; break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 2
done
if [[ -z "$healthy" ]]; then
  echo "FAIL: not healthy"; tail -60 "$work/server.log"; exit 1
fi
echo "healthy: $(curl -s "http://127.0.0.1:$port/actuator/health")"

step "pages and a PDF with charts"
grep -q 'Started CcrHub' "$work/server.log" || fail "healthy, but not this server"
grep -E 'Started CcrHub|demo is running' "$work/server.log" | cut -c1-160
status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/sign-in")
[[ "$status" == 200 ]] || fail "/sign-in answered $status"
echo "/sign-in: $status"
# the board pack: the performance table and the indicators' charts (JFreeChart: AWT fonts)
(container /usr/bin/env -i "${app_env[@]}" java -Xmx512m -cp @/app/jib-classpath-file \
  org.ccrhub.CcrHub report board-pack --partnership northbridge --period "2026/27 Q2" \
  --format pdf --out /data/board-pack.pdf > "$work/report.log" 2>&1) \
  || { tail -40 "$work/report.log"; fail "report board-pack"; }
[[ "$(head -c 5 "$work/data/board-pack.pdf")" == "%PDF-" ]] || fail "no PDF"
echo "board-pack.pdf: $(wc -c < "$work/data/board-pack.pdf") bytes"
if command -v pdftotext >/dev/null; then
  echo "its words: $(pdftotext "$work/data/board-pack.pdf" - | wc -w); charts: $(pdftotext "$work/data/board-pack.pdf" - | grep -c -i 'chart' || true)"
fi
cp "$work/data/board-pack.pdf" "${CCR_SMOKE_KEEP:-/dev/null}" 2>/dev/null || true

step "nothing written outside /tmp and /data"
written=$(CONTAINER_USER=0:0 container sh -c 'touch /app/written 2>&1') || true
if [[ "$written" != *Read-only* ]]; then
  echo "FAIL: the root file system is writable ($written)"; exit 1
fi
echo "root file system read-only; /data holds: $(ls "$work/data" | tr '\n' ' ')"
grep -iE 'fontconfig|HeadlessException|Read-only file system|AccessDenied' "$work/server.log" \
  && { echo "FAIL: see above"; exit 1; } || true
echo PASS
