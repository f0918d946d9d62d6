#!/usr/bin/env bash
# Benchmark for the audit trail (issue 9): audited changes (new agencies, through the real sign-in
# and form) spread over many partnerships, against the real server on a fresh embedded database.
#  - closed loop: CLIENTS (default 16) clients as fast as the server answers, for DURATION seconds
#    (default 30), round-robin over PARTNERSHIPS partnerships (default 40);
#  - open loop: RATE changes a second (default 100) for DURATION seconds, whatever the answers take.
# Each prints throughput, p50/p95/p99/max latency and errors.
# Measures target/ccr-hub.jar; with BASELINE=<git revision> it first builds that revision's jar
# (e.g. the commit before per-chain locks, one global lock) and measures it too, for comparison.
# Needs: target/ccr-hub.jar built, a JDK 17+ (java runs bench/AuditLoad.java), psql, git.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=${JAR:-target/ccr-hub.jar}
JAVA=${JAVA:-java}
RATE=${RATE:-100}
DURATION=${DURATION:-30}
PARTNERSHIPS=${PARTNERSHIPS:-40}
CLIENTS=${CLIENTS:-16}
BASELINE=${BASELINE:-}
[[ -f $JAR ]] || { echo "bench/audit.sh: build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }
for tool in curl psql git; do command -v $tool >/dev/null || { echo "bench/audit.sh: needs $tool" >&2; exit 2; }; done

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

EMAIL=bench@bench.example
PASSWORD="harbour violet kettle lamp"

measure() { # label jar
  local label=$1 jar=$2 data=$WORK/data-$RANDOM port
  port=$(shuf -i 20000-32000 -n 1)
  echo "[$label] starting the server on port $port..." >&2
  # plain HTTP on localhost: the session cookie must not be Secure-only for the load driver
  CCR_SECURE_COOKIE=false "$JAVA" -jar "$jar" serve --port "$port" --ccr.data-dir="$data" >"$WORK/server-$label.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
    sleep 0.5
  done
  "$JAVA" -jar "$jar" partnership create --slug bench-1 --name "Benchmark 1" --ccr.data-dir="$data" >/dev/null
  echo "$PASSWORD" | "$JAVA" -jar "$jar" user create --partnership bench-1 --email "$EMAIL" --name Bench \
    --role PARTNERSHIP_ADMIN --password-stdin --ccr.data-dir="$data" >/dev/null
  # The other partnerships, and the admin's role in each, straight into the database: starting a
  # command per partnership would take minutes. Their changes are audited like any other.
  local pgport
  pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
  psql -q -X -v ON_ERROR_STOP=1 -h localhost -p "$pgport" -U postgres -d ccrhub >/dev/null <<SQL
insert into partnership (slug, name) select 'bench-' || g, 'Benchmark ' || g from generate_series(2, $PARTNERSHIPS) g;
insert into membership (user_account_id, partnership_id, role)
  select a.id, p.id, 'PARTNERSHIP_ADMIN' from user_account a, partnership p
  where a.email = '$EMAIL' and p.slug like 'bench-%' and p.slug <> 'bench-1';
SQL
  echo "[$label] $CLIENTS clients for $DURATION s, then $RATE changes a second for $DURATION s..." >&2
  "$JAVA" bench/AuditLoad.java "http://localhost:$port" "$EMAIL" "$PASSWORD" "$PARTNERSHIPS" "$RATE" "$DURATION" "$CLIENTS" \
    | sed "s/^| /| $label | /" >>"$WORK/rows"
  "$JAVA" -jar "$jar" audit verify --ccr.data-dir="$data" >"$WORK/verify-$label" 2>&1 || true
  echo "[$label] audit verify: $(head -1 "$WORK/verify-$label")" >&2
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=
}

if [[ -n $BASELINE ]]; then
  REV=$(git rev-parse --short "$BASELINE")
  BUILT=target/bench-baseline-$REV   # kept for the next run
  if [[ ! -f $BUILT/target/ccr-hub.jar ]]; then
    echo "Building $REV for comparison..." >&2
    rm -rf "$BUILT" && mkdir -p "$BUILT"
    git archive "$BASELINE" | tar -x -C "$BUILT"
    (cd "$BUILT" && ./mvnw -q -B package -DskipTests >/dev/null)
  fi
  measure "$REV (one global lock)" "$BUILT/target/ccr-hub.jar"
fi
measure "$(git rev-parse --short HEAD) (a lock per chain)" "$JAR"

echo
echo "## Audit trail under load ($(date -u +%F), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1), $PARTNERSHIPS partnerships)"
echo
echo "| Code | Phase | Changes | Errors | Changes/s | p50 ms | p95 ms | p99 ms | max ms |"
echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
cat "$WORK/rows"
