#!/usr/bin/env bash
# Benchmark for performance indicators (issue 4): 200 indicators with 10 years of monthly values,
# for the partnership and a comparator (48,000 values).
#  - import of the values (as `indicator import-values` reports it, wall time);
#  - indicator dashboard p95 with 16 concurrent connections (wrk, 30 s);
#  - performance table CSV for a month (wall time of the download, and of the command);
#  - board pack PDF for a quarter, with a 100-action plan, the performance table and a chart for
#    every indicator with a target (TARGETS of the 200; default all of them).
# Needs: target/ccr-hub.jar built, curl, wrk (Debian package), python3. Uses a fresh data dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=${JAR:-target/ccr-hub.jar}
JAVA=${JAVA:-java}
INDICATORS=${INDICATORS:-200}
TARGETS=${TARGETS:-200}
DURATION=${DURATION:-30s}
[[ -f $JAR ]] || { echo "bench/indicators.sh: build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }
for tool in curl wrk python3; do command -v $tool >/dev/null || { echo "bench/indicators.sh: needs $tool" >&2; exit 2; }; done

WORK=$(mktemp -d)
DATA=$WORK/data
PORT=$(shuf -i 20000-32000 -n 1)
SERVER_PID=
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cmd() { "$JAVA" -jar "$JAR" "$@" --ccr.data-dir="$DATA"; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$(now)"; }

echo "Generating $INDICATORS indicators with 120 months of values, and a plan..." >&2
python3 - "$WORK" "$INDICATORS" "$TARGETS" <<'PY'
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

echo "Starting the server on port $PORT..." >&2
"$JAVA" -jar "$JAR" serve --port "$PORT" --ccr.data-dir="$DATA" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["status"]=="UP" else 1)' 2>/dev/null && break
  sleep 0.5
done

cmd partnership create --slug bench --name "Benchmark CSP" >/dev/null
echo "harbour violet kettle lamp" | cmd user create --partnership bench --email bench@bench.example --name Bench --role PARTNERSHIP_ADMIN --password-stdin >/dev/null
cmd plan import --partnership bench --plan "Benchmark plan" --year 2016/17 --file "$WORK/plan.csv" >/dev/null
cmd indicator import-definitions --partnership bench --file "$WORK/definitions.csv" >/dev/null
START=$(now)
cmd indicator import-values --partnership bench --file "$WORK/values.csv" >"$WORK/import.out"
IMPORT=$(since "$START")
VALUES=$(grep -o '^Values: [0-9]* recorded' "$WORK/import.out" || true)

COOKIES=$WORK/cookies
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "http://localhost:$PORT/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "email=bench@bench.example" \
  --data-urlencode "password=harbour violet kettle lamp" --data-urlencode "_csrf=$TOKEN" "http://localhost:$PORT/sign-in"
SESSION=$(awk '$6=="CCRSESSION"{print $7}' "$COOKIES")
DASHBOARD="http://localhost:$PORT/p/bench/indicators?to=2017-03"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" "$DASHBOARD")
[[ $STATUS == 200 ]] || { echo "dashboard answered $STATUS" >&2; exit 1; }

cat >"$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d requests, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
echo "Dashboard under load (16 connections, $DURATION)..." >&2
curl -s -o /dev/null -b "$COOKIES" "$DASHBOARD"   # warm up
WRK=$(wrk -t 2 -c 16 -d "$DURATION" -H "Cookie: CCRSESSION=$SESSION" -s "$WORK/p95.lua" "$DASHBOARD" | tail -1)

times() { # url output: three downloads
  local t=()
  for _ in 1 2 3; do t+=("$(curl -s -o "$2" -w '%{time_total}' -b "$COOKIES" "$1")"); done
  echo "${t[*]}"
}
CSV=$(times "http://localhost:$PORT/p/bench/indicators/performance.csv?to=2016-12" "$WORK/performance.csv")
ROWS=$(($(wc -l <"$WORK/performance.csv") - 1))
START=$(now)
cmd report performance --partnership bench --to 2016-12 --format csv --out "$WORK/cli.csv" >/dev/null
CLI=$(since "$START")
PACK_URL="http://localhost:$PORT/p/bench/board-pack/download?period=2016/17+Q3&format=pdf"
PACK=$(times "$PACK_URL" "$WORK/pack.pdf")
PAGES=$(pdfinfo "$WORK/pack.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')

echo
echo "## Performance indicators ($(date -u +%F), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1))"
echo
echo "| Measurement | Result |"
echo "|---|---|"
echo "| Import of $INDICATORS indicators' values, 120 months, 2 areas ($VALUES) | $IMPORT s |"
echo "| Dashboard, 16 connections, $DURATION | $WRK |"
echo "| Performance table CSV to 2016-12 ($ROWS rows), 3 downloads | $CSV s |"
echo "| Performance table CSV from the command line (includes starting the JVM) | $CLI s |"
echo "| Board pack PDF for 2016/17 Q3 ($TARGETS charts, $PAGES pages), 3 downloads | $PACK s |"
