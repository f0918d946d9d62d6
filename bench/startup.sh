#!/usr/bin/env bash
# Start-up time and memory of the CCR Hub server with its embedded PostgreSQL.
#
#   ./mvnw -q package -DskipTests && bench/startup.sh
#
# Measures
#  (a) wall time from launching `java -jar target/ccr-hub.jar serve --port P` until
#      GET /actuator/health answers 200 with "status":"UP":
#        cold = fresh, empty data directory (includes initdb + migrations),
#        warm = restart on that same data directory;
#      RUNS times each (default 3);
#  (b) once healthy: RSS of the java process, and RSS of the embedded PostgreSQL
#      (the postmaster, found by the data directory on its command line, plus its
#      child processes), also PSS where /proc/PID/smaps_rollup is readable;
#  (c) a cold start with -Xmx256m -XX:ActiveProcessorCount=2, which must become
#      healthy and answer GET /sign-in with HTTP 200.
# Prints a markdown table. Uses bash, curl, ps, awk and date only.
#
# Environment: RUNS (default 3), JAVA (default $JAVA_HOME/bin/java or java),
#              JAR (default target/ccr-hub.jar), START_TIMEOUT seconds (default 180).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAR=${JAR:-target/ccr-hub.jar}
RUNS=${RUNS:-3}
START_TIMEOUT=${START_TIMEOUT:-180}
STOP_TIMEOUT=60
if [[ -z ${JAVA:-} ]]; then
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA=$JAVA_HOME/bin/java; else JAVA=java; fi
fi

if [[ ! -f $JAR ]]; then
  echo "bench/startup.sh: $JAR not found. Build it first: ./mvnw -q package -DskipTests" >&2
  exit 2
fi
for cmd in curl ps awk date "$JAVA"; do
  command -v "$cmd" >/dev/null 2>&1 || { echo "bench/startup.sh: '$cmd' is required" >&2; exit 2; }
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "bench/startup.sh: RUNS must be a positive integer" >&2; exit 2; }

# Use the embedded database whatever the caller's environment says.
unset CCR_DB_URL CCR_DB_USER CCR_DB_PASSWORD SPRING_DATASOURCE_URL \
      SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD JAVA_TOOL_OPTIONS || true

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ccr-bench.XXXXXX")
WORK=$(cd "$WORK" && pwd -P)   # the path as the server and PostgreSQL will see it
SERVER_PID=""
SERVER_DIR=""
SERVER_PORT=""

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
log() { echo "[bench] $*" >&2; }

# PIDs of the PostgreSQL processes belonging to data directory $1: processes whose
# command line contains the directory (the postmaster: `postgres -D DIR ...`) and
# their children (checkpointer, walwriter, backends... show only "postgres: ...").
postgres_pids() {
  # The directory goes in through the environment so that awk's own command line
  # does not contain it.
  ps -eo pid=,ppid=,args= | PGDIR="$1" awk '
    BEGIN { dir = ENVIRON["PGDIR"] }
    { pid[NR] = $1; ppid[NR] = $2; args = $0; sub(/^ *[0-9]+ +[0-9]+ +/, "", args); cmd[NR] = args }
    END {
      for (i = 1; i <= NR; i++)
        if (index(cmd[i], dir) && cmd[i] ~ /postgres/ && cmd[i] !~ /java/) root[pid[i]] = 1
      for (i = 1; i <= NR; i++)
        if ((pid[i] in root) || (ppid[i] in root)) print pid[i]
    }'
}

rss_kib() {  # sum of RSS (KiB) of the given PIDs
  [[ $# -gt 0 ]] || { echo 0; return; }
  ps -o rss= -p "$(IFS=,; echo "$*")" 2>/dev/null | awk '{ s += $1 } END { print s + 0 }'
}

pss_kib() {  # sum of PSS (KiB) of the given PIDs, or "n/a"
  [[ $# -gt 0 ]] || { echo 0; return; }
  local total=0 p v
  for p in "$@"; do
    [[ -r /proc/$p/smaps_rollup ]] || { echo "n/a"; return; }
    v=$(awk '/^Pss:/ { print $2; exit }' "/proc/$p/smaps_rollup" 2>/dev/null) || v=""
    [[ -n $v ]] || { echo "n/a"; return; }
    total=$((total + v))
  done
  echo "$total"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Below the kernel's ephemeral range (32768+), so no outgoing connection can take it meanwhile.
free_port() {
  local p i
  for i in $(seq 1 50); do
    p=$(shuf -i 20000-32000 -n 1 2>/dev/null || echo $((20000 + RANDOM % 12000)))
    port_in_use "$p" || { echo "$p"; return 0; }
  done
  echo "bench/startup.sh: no free port found" >&2
  return 1
}

# start_server DATA_DIR LOGFILE [JVM options...]; sets SERVER_PID and SERVER_PORT.
start_server() {
  local dir=$1 logfile=$2; shift 2
  SERVER_PORT=$(free_port)
  SERVER_DIR=$dir
  CCR_DATA_DIR=$dir "$JAVA" "$@" -jar "$JAR" serve --port "$SERVER_PORT" \
    </dev/null >>"$logfile" 2>&1 &
  SERVER_PID=$!
}

# wait_healthy LOGFILE: sets HEALTHY_MS (milliseconds since START_MS) or fails.
wait_healthy() {
  local logfile=$1 deadline code body
  deadline=$(( $(now_ms) + START_TIMEOUT * 1000 ))
  while :; do
    body=$(curl -s -m 2 -w '\n%{http_code}' "http://127.0.0.1:$SERVER_PORT/actuator/health" 2>/dev/null) || body=""
    code=${body##*$'\n'}
    if [[ $code == 200 && $body == *'"status":"UP"'* ]]; then
      HEALTHY_MS=$(( $(now_ms) - START_MS ))
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server exited before becoming healthy; last lines of $logfile:"
      tail -n 40 "$logfile" >&2
      return 1
    fi
    if (( $(now_ms) > deadline )); then
      log "server not healthy after ${START_TIMEOUT}s; last lines of $logfile:"
      tail -n 40 "$logfile" >&2
      return 1
    fi
    sleep 0.1
  done
}

# stop_server: SIGTERM, wait for exit; sets STOP_MS (milliseconds until the java
# process exited). Runs in the main shell (not in $(...)), which owns the child.
stop_server() {
  STOP_MS=0
  [[ -n $SERVER_PID ]] || return 0
  local t0 deadline pids=""
  t0=$(now_ms)
  deadline=$(( t0 + STOP_TIMEOUT * 1000 ))
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  while kill -0 "$SERVER_PID" 2>/dev/null; do
    if (( $(now_ms) > deadline )); then
      log "server $SERVER_PID still running ${STOP_TIMEOUT}s after SIGTERM; sending SIGKILL"
      kill -KILL "$SERVER_PID" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
  wait "$SERVER_PID" 2>/dev/null || true
  STOP_MS=$(( $(now_ms) - t0 ))
  # The embedded PostgreSQL must be gone too; give it a moment, then stop it ourselves.
  for _ in $(seq 1 100); do
    pids=$(postgres_pids "$SERVER_DIR")
    [[ -z $pids ]] && break
    sleep 0.1
  done
  if [[ -n $pids ]]; then
    log "WARNING: PostgreSQL for $SERVER_DIR still running after the server exited (pids: $(echo $pids)); sending SIGTERM"
    # shellcheck disable=SC2086
    kill -TERM $pids 2>/dev/null || true
    sleep 2
  fi
  SERVER_PID=""
}

cleanup() {
  local rc=$?
  if [[ -n $SERVER_PID ]]; then stop_server || true; fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# measure_memory: sets JAVA_RSS, PG_RSS, PG_PSS, PG_PROCS (KiB / count).
measure_memory() {
  local pids
  JAVA_RSS=$(rss_kib "$SERVER_PID")
  mapfile -t pids < <(postgres_pids "$SERVER_DIR")
  PG_PROCS=${#pids[@]}
  PG_RSS=$(rss_kib "${pids[@]}")
  PG_PSS=$(pss_kib "${pids[@]}")
}

mib() { [[ $1 == n/a ]] && echo "n/a" || awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
sec() { awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }'; }
median() { printf '%s\n' "$@" | grep -v '^n/a$' | sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cold_ms=() warm_ms=() stop_ms=()
cold_java=() cold_pg=() cold_pss=() warm_java=() warm_pg=() warm_pss=() pg_procs=()

log "jar: $JAR, java: $("$JAVA" -version 2>&1 | head -n 1), CPUs: $(nproc 2>/dev/null || echo '?'), runs: $RUNS"

for i in $(seq 1 "$RUNS"); do
  dir="$WORK/run$i.data"
  logfile="$WORK/server-$i.log"
  mkdir -p "$dir"

  log "run $i/$RUNS: cold start (fresh data directory $dir)"
  START_MS=$(now_ms); start_server "$dir" "$logfile"
  wait_healthy "$logfile" || exit 1
  t=$HEALTHY_MS
  measure_memory
  cold_ms+=("$t") cold_java+=("$JAVA_RSS") cold_pg+=("$PG_RSS") cold_pss+=("$PG_PSS")
  pg_procs+=("$PG_PROCS")
  stop_server; stop_ms+=("$STOP_MS")
  log "  healthy after $(sec "$t") s; java RSS $(mib "$JAVA_RSS") MiB, PostgreSQL RSS $(mib "$PG_RSS") MiB ($PG_PROCS processes)"

  log "run $i/$RUNS: warm start (same data directory)"
  START_MS=$(now_ms); start_server "$dir" "$logfile"
  wait_healthy "$logfile" || exit 1
  t=$HEALTHY_MS
  measure_memory
  warm_ms+=("$t") warm_java+=("$JAVA_RSS") warm_pg+=("$PG_RSS") warm_pss+=("$PG_PSS")
  stop_server; stop_ms+=("$STOP_MS")
  log "  healthy after $(sec "$t") s; java RSS $(mib "$JAVA_RSS") MiB, PostgreSQL RSS $(mib "$PG_RSS") MiB"
done

log "constrained cold start: -Xmx256m -XX:ActiveProcessorCount=2"
dir="$WORK/constrained.data"; logfile="$WORK/server-constrained.log"; mkdir -p "$dir"
START_MS=$(now_ms); start_server "$dir" "$logfile" -Xmx256m -XX:ActiveProcessorCount=2
wait_healthy "$logfile" || exit 1
small_ms=$HEALTHY_MS
sign_in=$(curl -s -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SERVER_PORT/sign-in" || true)
measure_memory
small_java=$JAVA_RSS small_pg=$PG_RSS
stop_server; small_stop=$STOP_MS
small_ok="no"; [[ $sign_in == 200 ]] && small_ok="yes"
log "  healthy after $(sec "$small_ms") s; GET /sign-in -> HTTP $sign_in"

# ---------------------------------------------------------------------------
row() {  # row LABEL FORMATTER values...
  local label=$1 fmt=$2; shift 2
  local line="| $label |" v
  for v in "$@"; do line+=" $($fmt "$v") |"; done
  line+=" $($fmt "$(median "$@")") |"
  echo "$line"
}

header="| Measurement |"; sep="|---|"
for i in $(seq 1 "$RUNS"); do header+=" Run $i |"; sep+="---:|"; done
header+=" Median |"; sep+="---:|"

echo
echo "## Start-up and memory ($(date -u +%Y-%m-%d), $(nproc 2>/dev/null || echo '?') CPUs, $("$JAVA" -version 2>&1 | head -n 1))"
echo
echo "$header"
echo "$sep"
row "Cold start to healthy (s)" sec "${cold_ms[@]}"
row "Warm start to healthy (s)" sec "${warm_ms[@]}"
row "Java RSS after cold start (MiB)" mib "${cold_java[@]}"
row "PostgreSQL RSS after cold start (MiB)" mib "${cold_pg[@]}"
row "PostgreSQL PSS after cold start (MiB)" mib "${cold_pss[@]}"
row "Java RSS after warm start (MiB)" mib "${warm_java[@]}"
row "PostgreSQL RSS after warm start (MiB)" mib "${warm_pg[@]}"
row "PostgreSQL PSS after warm start (MiB)" mib "${warm_pss[@]}"
echo
echo "Shutdown after SIGTERM: median $(sec "$(median "${stop_ms[@]}")") s over $((RUNS * 2)) stops." \
     "PostgreSQL processes counted: $(median "${pg_procs[@]}") (postmaster and children)."
echo "PostgreSQL RSS is summed over its processes and counts shared memory once per process;" \
     "PSS shares it out and is the better total."
echo
echo "| Constrained start (-Xmx256m -XX:ActiveProcessorCount=2) | Result |"
echo "|---|---:|"
echo "| Cold start to healthy (s) | $(sec "$small_ms") |"
echo "| GET /sign-in | HTTP $sign_in |"
echo "| Java RSS (MiB) | $(mib "$small_java") |"
echo "| PostgreSQL RSS (MiB) | $(mib "$small_pg") |"
echo "| Shutdown after SIGTERM (s) | $(sec "$small_stop") |"
echo

if [[ $small_ok != yes ]]; then
  log "FAIL: constrained start did not serve /sign-in (HTTP $sign_in)"
  exit 1
fi
