#!/usr/bin/env bash
# Scale benchmark (issue 15): many partnerships in one PostgreSQL, and two nodes against one.
#  1. Builds ONE partnership with the real commands, as bench/plans.sh and bench/indicators.sh do
#     (a plan of ACTIONS actions imported quarter by quarter for 8 quarters; INDICATORS indicators
#     with 10 years of monthly values, and London's), on the embedded server of a data directory.
#  2. Runs that cluster as a plain PostgreSQL server (the embedded binaries, SHARED_BUFFERS), keeps
#     database `ccrhub` holding only that partnership, copies it to `ccrscale` and there clones the
#     partnership PARTNERSHIPS-1 times in SQL (bench/scale-clone.sql: one transaction a clone), each
#     with its own slug bench-k and administrator bench-k@bench.example. Prints sizes and row counts.
#  3. Starts node S on `ccrhub` and node L on `ccrscale` (external-database mode, the same audit and
#     two-factor keys), signs every administrator in, and measures, alternating S and L in each of
#     ROUNDS rounds so that both share the machine's conditions: the plan overview and the dashboard
#     at CONNECTIONS connections (wrk, WARM_UP then DURATION): (a) the one partnership on S,
#     (b) a partnership chosen at random for each request among PARTNERSHIPS on L (bench/scale.lua).
#  4. Two nodes against one on the plan overview of random partnerships of `ccrscale`: node 1 and
#     node 2 pinned with taskset to NODE_CORES cores each (-XX:ActiveProcessorCount=NODE_CORES);
#     two wrk processes of CONNECTIONS/2 connections, both at node 1 (one node) or one at each (two
#     nodes), alternated ROUNDS times. On a machine with fewer than 4 × NODE_CORES cores the nodes,
#     PostgreSQL and wrk share cores and the script says the figure is not a faithful one.
# Needs: target/ccr-hub.jar built, curl, wrk, python3, psql, taskset. Markdown goes to stdout,
# progress to stderr. WORK=DIR KEEP=1 keeps the data (about 9 GB for 300) and reuses it next time.
# STEPS (default "pages nodes") picks the measurements.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh
PARTNERSHIPS=${PARTNERSHIPS:-300}
ACTIONS=${ACTIONS:-2000}
INDICATORS=${INDICATORS:-200}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-30s}
WARM_UP=${WARM_UP:-10s}
ROUNDS=${ROUNDS:-2}
STEPS=${STEPS:-pages nodes}
SHARED_BUFFERS=${SHARED_BUFFERS:-128MB}   # PostgreSQL's default, which the embedded server keeps
PG_SETTINGS=${PG_SETTINGS:-}              # more -c name=value for the server
NODE_CORES=${NODE_CORES:-$(( $(nproc) >= 8 ? 2 : 1 ))}
bench_init scale.sh curl wrk python3 psql taskset
mkdir -p "$WORK"

CORES=$(nproc)
cpus() { local from=$1 n=$2; [[ $n -gt 1 ]] && echo "$from-$((from + n - 1))" || echo "$from"; }
# nodes first; then PostgreSQL and wrk on what is left (shared when nothing is)
NODE1_CPUS=${NODE1_CPUS:-$(cpus 0 "$NODE_CORES")}
NODE2_CPUS=${NODE2_CPUS:-$(cpus $(( NODE_CORES % CORES )) "$NODE_CORES")}
if (( CORES >= 4 * NODE_CORES )); then
  PG_CPUS=${PG_CPUS:-$(cpus $((2 * NODE_CORES)) "$NODE_CORES")}
  WRK_CPUS=${WRK_CPUS:-$(cpus $((3 * NODE_CORES)) $((CORES - 3 * NODE_CORES)))}
  FAITHFUL=yes
else
  PG_CPUS=${PG_CPUS:-0-$((CORES - 1))}
  WRK_CPUS=${WRK_CPUS:-0-$((CORES - 1))}
  FAITHFUL=no
fi

PG_PORT=
PG_BIN=
# the embedded binaries refuse to run as root; the server library runs them in a user namespace
AS_OWNER=(); [[ $(id -u) == 0 ]] && AS_OWNER=(unshare -U)
bench_cleanup_more() {
  [[ -n $PG_BIN && -f $DATA/postgres/postmaster.pid ]] && "${AS_OWNER[@]}" "$PG_BIN/pg_ctl" -D "$DATA/postgres" -m fast -w stop >/dev/null 2>&1 || true
}
password() { sed -n "s/^$1=//p" "$DATA/database.passwords"; }
sql() { # role database sql...
  local role=$1 db=$2
  shift 2
  PGPASSWORD=$(password "$role") psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$role" -d "$db" "$@"
}

# 1. One partnership with the real commands, on the embedded server
if [[ ! -f $WORK/built ]]; then
  echo "Generating a plan of $ACTIONS actions (8 quarters) and $INDICATORS indicators (120 months)..." >&2
  generate_plan "$WORK" "$ACTIONS" q "Q1,Q2,Q3,Q4,Q1-Q4,March 2018,Business as usual,Ongoing,Q2 2017/18"
  generate_indicators "$WORK" "$INDICATORS" "$INDICATORS"
  PORT=$(shuf -i 20000-32000 -n 1)
  echo "Importing them through the commands (server on port $PORT)..." >&2
  start_server "$PORT" "$WORK/build.log" --ccr.data-dir="$DATA"
  wait_healthy "$PORT"
  cmd partnership create --slug bench --name "Benchmark CSP" >/dev/null
  echo "$BENCH_PASSWORD" | cmd user create --partnership bench --email bench@bench.example --name Bench \
    --role PARTNERSHIP_ADMIN --password-stdin >/dev/null
  for q in 0 1 2 3 4 5 6 7; do
    cmd plan import --partnership bench --plan "Benchmark plan" --year 2016/17 --last-year 2017/18 \
      --file "$WORK/q$q.csv" | grep '^Import took' | sed "s/^/  quarter $((q + 1)): /" >&2
  done
  cmd indicator import-definitions --partnership bench --file "$WORK/definitions.csv" >/dev/null
  cmd indicator import-values --partnership bench --file "$WORK/values.csv" | grep '^Values' | sed 's/^/  /' >&2
  kill "${SERVER_PIDS[0]}"; wait "${SERVER_PIDS[0]}" 2>/dev/null || true
  SERVER_PIDS=()
  touch "$WORK/built"
fi

# 2. The cluster as a plain server; the clones
PG_BIN=$(ls -d "$DATA"/postgres-binaries/PG-*/bin | tail -1)
PG_PORT=${PG_PORT_WANTED:-$(shuf -i 33000-40000 -n 1)}
echo "Starting PostgreSQL on port $PG_PORT (shared_buffers $SHARED_BUFFERS, CPUs $PG_CPUS)..." >&2
# shellcheck disable=SC2086
taskset -c "$PG_CPUS" "${AS_OWNER[@]}" "$PG_BIN/pg_ctl" -D "$DATA/postgres" -l "$WORK/postgres.log" -w -o \
  "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA/run -c max_connections=100 -c shared_buffers=$SHARED_BUFFERS $PG_SETTINGS" \
  start >/dev/null
HAVE=0
[[ -n $(sql postgres postgres -Atc "select 1 from pg_database where datname = 'ccrscale'") ]] \
  && HAVE=$(sql ccrhub_owner ccrscale -Atc "select count(*) from partnership")
if [[ $HAVE != "$PARTNERSHIPS" ]]; then
  echo "Cloning the partnership to $PARTNERSHIPS in database ccrscale..." >&2
  sql postgres postgres -c "set client_min_messages = warning" -c "drop database if exists ccrscale"
  sql postgres postgres -c "create database ccrscale template ccrhub owner ccrhub_owner" \
    -c "grant connect, temporary on database ccrscale to ccrhub_app"
  START=$(date +%s)
  sql ccrhub_owner ccrscale -v clones=$((PARTNERSHIPS - 1)) -v step=1000000 -f bench/scale-clone.sql \
    2>&1 >/dev/null | { grep --line-buffered -E 'clones made|ERROR' || true; } | sed 's/.*NOTICE: */  /' >&2 \
    || { sql postgres postgres -c "drop database ccrscale"; exit 1; }
  echo "  $((PARTNERSHIPS - 1)) clones in $(( $(date +%s) - START )) s" >&2
fi
COUNTS=$(sql ccrhub_owner ccrscale -At -F ' | ' -c "
  select 'partnership', count(*) from partnership union all
  select 'plan_action', count(*) from plan_action union all
  select 'progress_update', count(*) from progress_update union all
  select 'action_lead', count(*) from action_lead union all
  select 'indicator', count(*) from indicator union all
  select 'indicator_value', count(*) from indicator_value")
SIZES=$(sql ccrhub_owner postgres -At -F ' | ' -c "
  select datname, pg_size_pretty(pg_database_size(datname)) from pg_database where datname in ('ccrhub', 'ccrscale') order by 1")
BIGGEST=$(sql ccrhub_owner ccrscale -At -F ' | ' -c "
  select relname, pg_size_pretty(pg_total_relation_size(oid)) from pg_class
   where relkind = 'r' and relnamespace = 'public'::regnamespace order by pg_total_relation_size(oid) desc limit 5")

# 3. The nodes
node_args() { # database
  echo "--spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/$1"
}
export CCR_DB_USER=ccrhub_app CCR_DB_PASSWORD SPRING_FLYWAY_USER=ccrhub_owner SPRING_FLYWAY_PASSWORD
export CCR_AUDIT_KEY CCR_TWO_FACTOR_KEY
CCR_DB_PASSWORD=$(password ccrhub_app)
SPRING_FLYWAY_PASSWORD=$(password ccrhub_owner)
CCR_AUDIT_KEY=$(cat "$DATA/audit.key")
CCR_TWO_FACTOR_KEY=$(cat "$DATA/two-factor.key")
declare -A NODE_PORT NODE_PID FIRST
# What nodes S, L, 1 and 2 keep: a plan snapshot and a dashboard for every partnership (their
# indicator data, megabytes each, for the default 16)
KEPT_ARGS=${KEPT_ARGS:---ccr.plans.kept-snapshots=$PARTNERSHIPS --ccr.indicators.kept-dashboards=$PARTNERSHIPS}
start_node() { # name database cpus (empty: any) more-arguments...
  local port name=$1 db=$2 cpus=$3
  shift 3
  port=$(shuf -i 20000-32000 -n 1)
  mkdir -p "$WORK/node-$name"
  LAUNCH=${cpus:+taskset -c $cpus} JAVA_OPTS="${JAVA_OPTS:-} ${cpus:+-XX:ActiveProcessorCount=$NODE_CORES}" \
    start_server "$port" "$WORK/node-$name.log" --ccr.data-dir="$WORK/node-$name" "$(node_args "$db")" "$@"
  NODE_PORT[$name]=$port
  NODE_PID[$name]=${SERVER_PIDS[-1]}
}
heap() { # node: the live objects' size after a full collection (jcmd's class histogram), in MiB
  jcmd "${NODE_PID[$1]}" GC.class_histogram 2>/dev/null | awk '/^Total/{printf "%.0f MiB", $3 / 1048576}'
}
stop_node() {
  kill "${NODE_PID[$1]}" 2>/dev/null; wait "${NODE_PID[$1]}" 2>/dev/null || true
}
ready() { # name...: healthy, and the start-up warm-ups (imports, PDF) finished, so they do not load the machine
  local n _
  for n in "$@"; do
    wait_healthy "${NODE_PORT[$n]}"
    for _ in $(seq 1 240); do grep -q 'PDF renderer warmed up' "$WORK/node-$n.log" && break; sleep 0.5; done
  done
}
targets() { # node database prefix: PREFIX-overview and PREFIX-dashboard, "cookie path" a line, one per
  # partnership, with its administrator signed in on the node (sessions are in the database: any node)
  local node=$1 db=$2 prefix=$3 slug email plan cookie
  : >"$prefix-overview"
  : >"$prefix-dashboard"
  while read -r slug email plan; do
    cookie=$(sign_in "${NODE_PORT[$node]}" "$email" "$BENCH_PASSWORD")
    [[ -n $cookie ]] || { echo "could not sign in as $email" >&2; exit 1; }
    echo "$cookie /p/$slug/plans/$plan?period=2017/18+Q4" >>"$prefix-overview"
    echo "$cookie /p/$slug/indicators?to=2017-03" >>"$prefix-dashboard"
  done < <(sql ccrhub_owner "$db" -At -F ' ' -c "
    select p.slug, u.email, d.id from partnership p join membership m on m.partnership_id = p.id
    join user_account u on u.id = m.user_account_id join delivery_plan d on d.partnership_id = p.id order by p.id")
}
check() { # node targets: 20 of the targets, at random, answer 200 (wrk counts any other answer as "not 200")
  local cookie path status
  while read -r cookie path; do
    status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: CCRSESSION=$cookie" "http://localhost:${NODE_PORT[$1]}$path")
    [[ $status == 200 ]] || { echo "$path answered $status on node $1" >&2; exit 1; }
  done < <(shuf -n 20 "$2")
}
prime() { # node targets: one request to each target in turn (the first visit, nothing kept yet); their times
  local cookie path
  while read -r cookie path; do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: CCRSESSION=$cookie" "http://localhost:${NODE_PORT[$1]}$path"
  done <"$2" | sort -n | awk '{t[NR] = $1 * 1000} END {printf "one at a time: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d requests)", t[int(NR * 0.5 + 0.5)], t[int(NR * 0.95 + 0.5)], t[NR], NR}'
}
load() { # node targets connections duration
  TARGETS=$2 taskset -c "$WRK_CPUS" wrk -t 2 -c "$3" -d "$4" --timeout 10s -s bench/scale.lua "http://localhost:${NODE_PORT[$1]}" | tail -1
}
measure() { # node targets: warm-up, then the measurement
  load "$1" "$2" "$CONNECTIONS" "$WARM_UP" >/dev/null
  load "$1" "$2" "$CONNECTIONS" "$DURATION"
}
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

ROWS=$WORK/rows
: >"$ROWS"
if [[ " $STEPS " == *" pages "* ]]; then
  echo "Starting node S (database ccrhub: one partnership), node L (ccrscale: $PARTNERSHIPS; $KEPT_ARGS) and node D (ccrscale, what is kept at its defaults)..." >&2
  # shellcheck disable=SC2086
  start_node S ccrhub "" $KEPT_ARGS
  # shellcheck disable=SC2086
  start_node L ccrscale "" $KEPT_ARGS
  start_node D ccrscale ""
  ready S L D
  echo "Signing in the administrators..." >&2
  targets S ccrhub "$WORK/S"
  targets L ccrscale "$WORK/L"
  cp "$WORK/L-overview" "$WORK/D-overview"; cp "$WORK/L-dashboard" "$WORK/D-dashboard"
  for page in overview dashboard; do
    for node in S L D; do check $node "$WORK/$node-$page"; done
  done
  # Node L keeps every partnership: each is visited once first, so that the rounds measure what L
  # serves once its partnerships have been seen (the first visits are measured and shown apart).
  for page in overview dashboard; do
    echo "First visit of each partnership's $page on node L (load $(loadavg))..." >&2
    FIRST[$page]=$(prime L "$WORK/L-$page")
    echo "  ${FIRST[$page]}" >&2
  done
  for round in $(seq 1 "$ROUNDS"); do
    for page in overview dashboard; do
      for node in S L D; do
        echo "Round $round, $page, node $node (load $(loadavg))..." >&2
        before=$(loadavg)
        result=$(measure $node "$WORK/$node-$page")
        case $node in
          S) what="(a) one partnership, database of one" ;;
          L) what="(b) random of $PARTNERSHIPS, all kept" ;;
          D) what="(b) random of $PARTNERSHIPS, kept at the defaults (8 plan snapshots, 400 dashboards)" ;;
        esac
        echo "| $round | $page | $what | $result | $before |" >>"$ROWS"
        echo "  $result" >&2
      done
    done
  done
  HEAPS="live heap after the run: S $(heap S), L $(heap L), D $(heap D)"
  echo "  $HEAPS" >&2
  stop_node S
  stop_node L
  stop_node D
fi

NODE_ROWS=$WORK/node-rows
: >"$NODE_ROWS"
if [[ " $STEPS " == *" nodes "* ]]; then
  echo "Two nodes against one: node 1 on CPUs $NODE1_CPUS, node 2 on $NODE2_CPUS, $NODE_CORES each; wrk on $WRK_CPUS..." >&2
  # shellcheck disable=SC2086
  start_node 1 ccrscale "$NODE1_CPUS" $KEPT_ARGS
  # shellcheck disable=SC2086
  start_node 2 ccrscale "$NODE2_CPUS" $KEPT_ARGS
  ready 1 2
  targets 1 ccrscale "$WORK/N"
  check 1 "$WORK/N-overview"
  check 2 "$WORK/N-overview"
  for n in 1 2; do
    echo "First visit of each partnership's overview on node $n (load $(loadavg))..." >&2
    FIRST[node$n]=$(prime $n "$WORK/N-overview")
    echo "  ${FIRST[node$n]}" >&2
  done
  half=$((CONNECTIONS / 2))
  pair() { # node-a node-b duration: two wrk processes at once; prints both lines
    local a b
    a=$(mktemp -p "$WORK"); b=$(mktemp -p "$WORK")
    load "$1" "$WORK/N-overview" "$half" "$3" >"$a" &
    local pa=$!
    load "$2" "$WORK/N-overview" "$half" "$3" >"$b" &
    wait $pa $!
    echo "$(cat "$a") / $(cat "$b")"
  }
  rate() { # the two lines: the sum of their requests a second
    grep -o '[0-9.]*/s' <<<"$1" | tr -d '/s' | awk '{s += $1} END {printf "%.1f", s}'
  }
  for round in $(seq 1 "$ROUNDS"); do
    for shape in one two; do
      echo "Round $round, $shape node(s) (load $(loadavg))..." >&2
      before=$(loadavg)
      if [[ $shape == one ]]; then pair 1 1 "$WARM_UP" >/dev/null; r=$(pair 1 1 "$DURATION")
      else pair 1 2 "$WARM_UP" >/dev/null; r=$(pair 1 2 "$DURATION"); fi
      echo "| $round | $shape | $(rate "$r") | $r | $before |" >>"$NODE_ROWS"
      echo "  $(rate "$r")/s: $r" >&2
    done
  done
  stop_node 1
  stop_node 2
fi

echo
echo "## Scale ($(machine))"
echo
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), the embedded binaries run as a server: shared_buffers $SHARED_BUFFERS${PG_SETTINGS:+, $PG_SETTINGS}, other settings PostgreSQL's defaults."
echo
echo "| Database | Size |"
echo "|---|---:|"
sed 's/^/| /; s/$/ |/' <<<"$SIZES"
echo
echo "| Rows in ccrscale | Count |"
echo "|---|---:|"
sed 's/^/| /; s/$/ |/' <<<"$COUNTS"
echo
echo "Largest tables of ccrscale (with indexes): $(tr '\n' ';' <<<"$BIGGEST" | sed 's/;$//; s/;/, /g; s/ | / /g')"
if [[ -s $ROWS ]]; then
  echo
  echo "| Round | Page | Partnerships | $CONNECTIONS connections, $DURATION after $WARM_UP | Load before |"
  echo "|---:|---|---|---|---|"
  cat "$ROWS"
  echo
  echo "Nodes S and L keep $KEPT_ARGS; node D the defaults. ${HEAPS:-}. JVM options: ${JAVA_OPTS:-none}."
  echo "Before the rounds, each partnership's page was requested once on node L (the first visit: nothing kept): overview ${FIRST[overview]:-}; dashboard ${FIRST[dashboard]:-}."
fi
if [[ -s $NODE_ROWS ]]; then
  echo
  echo "Plan overview of random partnerships among $PARTNERSHIPS, each visited once on each node first (node 1 ${FIRST[node1]}; node 2 ${FIRST[node2]}); two wrk of $half connections each; nodes pinned to $NODE_CORES core(s) each (node 1: $NODE1_CPUS, node 2: $NODE2_CPUS), PostgreSQL on $PG_CPUS, wrk on $WRK_CPUS. Faithful (nodes, database and wrk on cores of their own): $FAITHFUL."
  echo
  echo "| Round | Nodes | Requests/s | wrk 1 / wrk 2 | Load before |"
  echo "|---:|---|---:|---|---|"
  cat "$NODE_ROWS"
fi
