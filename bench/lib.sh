# Shared functions of the benchmark scripts: source it from a script in bench/ after `set -euo pipefail`.
#   bench_init NAME TOOL...     checks the jar and the tools, makes $WORK, stops servers and removes $WORK on exit
#   cmd ARGS...                 runs a command of the jar on $DATA (or on the database options in $DB_ARGS)
#   start_server PORT LOG ARGS...  starts `serve` in the background; its pid is added to SERVER_PIDS
#   wait_healthy PORT [TRIES]   waits until /actuator/health says UP (0.5 s between tries)
#   sign_in PORT EMAIL PASSWORD prints the CCRSESSION cookie's value after signing in through the form
#   p95_lua FILE                writes the wrk script that prints "p50 .. ms, p95 .. ms, p99 .. ms, N requests, N errors"
#   generate_plan WORK ACTIONS PREFIX DUES   8 quarterly CSVs of one plan: WORK/PREFIX0.csv .. PREFIX7.csv
#   generate_indicators WORK N TARGETS       WORK/definitions.csv, values.csv (120 months, and London), plan.csv (100 actions)
#   machine                     one line: date, CPU model, cores, memory, JDK

JAR=${JAR:-target/ccr-hub.jar}
JAVA=${JAVA:-java}
BENCH_PASSWORD="harbour violet kettle lamp"
SERVER_PIDS=()

bench_init() { # name tool...
  local name=$1 tool
  shift
  [[ -f $JAR ]] || { echo "bench/$name: build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }
  for tool in "$@"; do command -v "$tool" >/dev/null || { echo "bench/$name: needs $tool" >&2; exit 2; }; done
  WORK=${WORK:-$(mktemp -d)}
  DATA=${DATA:-$WORK/data}
  trap bench_cleanup EXIT
}

bench_cleanup() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  done
  declare -F bench_cleanup_more >/dev/null && bench_cleanup_more
  [[ -n ${KEEP:-} ]] || rm -rf "$WORK"
}

# DB_ARGS (an array of --spring.datasource.* / --spring.flyway.* / key options) replaces the data
# directory's embedded database when set.
cmd() {
  if [[ -n ${DB_ARGS+x} ]]; then
    "$JAVA" -jar "$JAR" "$@" --ccr.data-dir="$DATA" "${DB_ARGS[@]}"
  else
    "$JAVA" -jar "$JAR" "$@" --ccr.data-dir="$DATA"
  fi
}

start_server() { # port log args... (the JVM options go in JAVA_OPTS, a prefix such as taskset in LAUNCH)
  local port=$1 log=$2
  shift 2
  # shellcheck disable=SC2086
  ${LAUNCH:-} "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" serve --port "$port" "$@" >"$log" 2>&1 &
  SERVER_PIDS+=("$!")
}

wait_healthy() { # port [tries]
  local _
  for _ in $(seq 1 "${2:-240}"); do
    curl -fs "http://localhost:$1/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
    sleep 0.5
  done
  echo "the server on port $1 did not become healthy" >&2
  return 1
}

sign_in() { # port email password: prints the session cookie's value
  local jar token
  jar=$(mktemp -p "$WORK")
  token=$(curl -s -c "$jar" -b "$jar" "http://localhost:$1/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$2" \
    --data-urlencode "password=$3" --data-urlencode "_csrf=$token" "http://localhost:$1/sign-in"
  awk '$6=="CCRSESSION"{print $7}' "$jar"
  rm -f "$jar"
}

p95_lua() { # file
  cat >"$1" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d requests, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
}

generate_plan() { # work actions prefix dues: a plan of ACTIONS actions with 8 quarters of random ratings
python3 - "$1" "$2" "$3" "$4" <<'PY'
import csv, random, sys
work, n, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3]
random.seed(42)
quarters = ["2016/17 Q1", "2016/17 Q2", "2016/17 Q3", "2016/17 Q4", "2017/18 Q1", "2017/18 Q2", "2017/18 Q3", "2017/18 Q4"]
ratings = ["Green", "Green", "Green", "Amber/Green", "Amber/Red", "Red", "Completed", "Not started"]
dues = sys.argv[4].split(",")
rows = []
for i in range(n):
    outcome, area, action = i // 500 + 1, (i // 50) % 10 + 1, i % 50 + 1
    rows.append([f"{outcome} Outcome {outcome}", f"{outcome}.{area} Area {outcome}.{area}", f"{outcome}.{area}.{action}",
                 f"Action {i+1}: deliver the agreed work with partners and report to the strategic group",
                 random.choice(dues), random.choice(["Council", "Police", "Health", "Housing; Probation"]), "VAWG strategy"])
for q, quarter in enumerate(quarters):
    with open(f"{work}/{prefix}{q}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["outcome", "area", "ref", "action", "due", "lead", "links", "rag", "comment", "period"])
        for row in rows:
            r = random.choice(ratings)
            w.writerow(row + [r, f"Progress in {quarter}: partners met and the work moved on" if r != "Not started" else "", quarter])
PY
}

generate_indicators() { # work n targets
python3 - "$1" "$2" "$3" <<'PY'
import csv, random, sys
work, n, targets = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
months = [f"{2007 + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}" for m in range(120)]  # 2007-04 .. 2017-03
with open(f"{work}/definitions.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["ref", "name", "unit", "polarity", "frequency", "source", "baseline_period", "baseline_value",
                "target_period", "target_value", "target_change_pct", "published"])
    for i in range(n):
        pct = i % 5 == 4
        with_target = i < targets
        w.writerow([f"{i // 20 + 1}.{i % 20 + 1}", f"Indicator {i + 1} of the benchmark", "percentage" if pct else "count",
                    random.choice(["higher", "lower"]), "monthly", "Police",
                    "2011/12" if with_target else "", ("" if pct else str(random.randint(800, 1500))) if with_target else "",
                    "2016/17" if with_target else "", "75" if (with_target and pct) else "",
                    "" if (pct or not with_target) else str(random.choice([-20, -10, 10, 20])), "yes" if i % 2 else "no"])
with open(f"{work}/values.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["indicator", "period", "value", "numerator", "denominator", "area"])
    for i in range(n):
        ref = f"{i // 20 + 1}.{i % 20 + 1}"
        pct = i % 5 == 4
        for area, scale in (("", 1), ("London", 30)):
            base = random.randint(40, 120) * scale
            for m, month in enumerate(months):
                v = max(0, int(base * (1 + 0.002 * m) + random.randint(-10, 10) * scale))
                if pct:
                    w.writerow([ref, month, "", int(v * random.uniform(0.6, 0.8)), v, area])
                else:
                    w.writerow([ref, month, v, "", "", area])
with open(f"{work}/plan.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["outcome", "area", "ref", "action", "due", "lead", "rag", "comment", "period"])
    for i in range(100):
        o, a = i // 25 + 1, (i // 5) % 5 + 1
        r = random.choice(["Green", "Green", "Amber/Green", "Amber/Red", "Red", "Completed"])
        w.writerow([f"{o} Outcome {o}", f"{o}.{a} Area {o}.{a}", f"{o}.{a}.{i % 5 + 1}",
                    f"Action {i + 1}: deliver the agreed work with partners", random.choice(["Q1", "Q2", "Q3", "Q4"]),
                    "Council", r, f"Progress on action {i + 1}", "2016/17 Q3"])
PY
}

machine() {
  local cpu mem
  cpu=$(awk -F': ' '/^model name/{print $2; exit}' /proc/cpuinfo)
  mem=$(awk '/^MemTotal/{printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
  echo "$(date -u '+%F %H:%M UTC'), $cpu, $(nproc) cores, $mem, $("$JAVA" -version 2>&1 | head -1)"
}
