#!/usr/bin/env bash
# Benchmark for the REST API (issue 14), with a personal access token made on the command line:
#  - GET /reports/performance for 200 indicators with 10 years of monthly values (partnership and
#    London), p95 with 16 concurrent connections (wrk);
#  - GET /plans/{id}/actions of a plan of 2,000 actions with a quarter's ratings, a page of 500 and
#    the default page of 50, p95 with 16 connections;
#  - PUT of 10 years of monthly values (120) for one indicator: new, the same again, all changed.
# The server runs with the rate limit raised (--ccr.api.rate-limit), since wrk sends thousands of
# requests a minute with one token; the limit's own upsert is still made on every request.
# Needs: target/ccr-hub.jar built, curl, wrk (Debian package), python3. Uses a fresh data dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=${JAR:-target/ccr-hub.jar}
JAVA=${JAVA:-java}
INDICATORS=${INDICATORS:-200}
ACTIONS=${ACTIONS:-2000}
DURATION=${DURATION:-30s}
[[ -f $JAR ]] || { echo "bench/api.sh: build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }
for tool in curl wrk python3; do command -v $tool >/dev/null || { echo "bench/api.sh: needs $tool" >&2; exit 2; }; done

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

echo "Generating $INDICATORS indicators with 120 months of values, and a plan of $ACTIONS actions..." >&2
python3 - "$WORK" "$INDICATORS" "$ACTIONS" <<'PY'
import csv, json, random, sys
work, n, actions = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
random.seed(7)
months = [f"{2007 + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}" for m in range(120)]  # 2007-04 .. 2017-03
with open(f"{work}/definitions.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["ref", "name", "unit", "polarity", "frequency", "source", "baseline_period", "baseline_value",
                "target_period", "target_value", "target_change_pct", "published"])
    for i in range(n):
        pct = i % 5 == 4
        w.writerow([f"{i // 20 + 1}.{i % 20 + 1}", f"Indicator {i + 1} of the benchmark", "percentage" if pct else "count",
                    random.choice(["higher", "lower"]), "monthly", "Police", "2011/12", "" if pct else str(random.randint(800, 1500)),
                    "2016/17", "75" if pct else "", "" if pct else str(random.choice([-20, -10, 10, 20])), "yes" if i % 2 else "no"])
    # the indicator whose values are sent with PUT
    w.writerow(["99.1", "Indicator loaded through the API", "count", "lower", "monthly", "Police", "", "", "", "", "", "no"])
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
for name, shift in (("put-new", 0), ("put-changed", 1)):
    with open(f"{work}/{name}.json", "w") as f:
        json.dump([{"period": month, "value": 100 + m + shift, "numerator": None, "denominator": None, "area": None}
                   for m, month in enumerate(months)], f)
ratings = ["Green", "Green", "Green", "Amber/Green", "Amber/Red", "Red", "Completed", "Not started"]
with open(f"{work}/plan.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["outcome", "area", "ref", "action", "due", "lead", "rag", "comment", "period"])
    for i in range(actions):
        o, a, x = i // 500 + 1, (i // 50) % 10 + 1, i % 50 + 1
        r = random.choice(ratings)
        w.writerow([f"{o} Outcome {o}", f"{o}.{a} Area {o}.{a}", f"{o}.{a}.{x}",
                    f"Action {i + 1}: deliver the agreed work with partners and report to the strategic group",
                    random.choice(["Q1", "Q2", "Q3", "Q4", "Ongoing"]), random.choice(["Council", "Police", "Health"]),
                    r, f"Progress in 2016/17 Q3: partners met and the work moved on" if r != "Not started" else "", "2016/17 Q3"])
PY

echo "Starting the server on port $PORT..." >&2
"$JAVA" -jar "$JAR" serve --port "$PORT" --ccr.data-dir="$DATA" --ccr.api.rate-limit=100000000 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["status"]=="UP" else 1)' 2>/dev/null && break
  sleep 0.5
done

cmd partnership create --slug bench --name "Benchmark CSP" >/dev/null
echo "harbour violet kettle lamp" | cmd user create --partnership bench --email bench@bench.example --name Bench --role PARTNERSHIP_ADMIN --password-stdin >/dev/null
cmd plan import --partnership bench --plan "Benchmark plan" --year 2016/17 --file "$WORK/plan.csv" >/dev/null
cmd indicator import-definitions --partnership bench --file "$WORK/definitions.csv" >/dev/null
cmd indicator import-values --partnership bench --file "$WORK/values.csv" >/dev/null
TOKEN=$(cmd token create --partnership bench --email bench@bench.example --name "Benchmark" --days 1 | grep '^ccr_')
API="http://localhost:$PORT/api/v1/partnerships/bench"
AUTH="Authorization: Bearer $TOKEN"

PLAN=$(curl -fs -H "$AUTH" "$API/plans" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
PERFORMANCE="$API/reports/performance?to=2016-12&comparator=London"
ACTIONS_500="$API/plans/$PLAN/actions?period=2016/17%20Q3&size=500"
ACTIONS_50="$API/plans/$PLAN/actions?period=2016/17%20Q3"
for url in "$PERFORMANCE" "$ACTIONS_500" "$ACTIONS_50"; do
  STATUS=$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$url")
  [[ $STATUS == 200 ]] || { echo "$url answered $STATUS" >&2; exit 1; }
done
ROWS=$(curl -fs -H "$AUTH" "$PERFORMANCE" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["rows"]))')
TOTAL=$(curl -fs -D - -o /dev/null -H "$AUTH" "$ACTIONS_50" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-total-count"{print $2}')

cat >"$WORK/p95.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d requests, %d errors\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA
load() { # url: 5 s of warm-up, then the measurement
  wrk -t 2 -c 16 -d 5s -H "$AUTH" "$1" >/dev/null
  wrk -t 2 -c 16 -d "$DURATION" -H "$AUTH" -s "$WORK/p95.lua" "$1" | tail -1
}
echo "Performance report under load (16 connections, $DURATION)..." >&2
PERF=$(load "$PERFORMANCE")
echo "Actions of the plan, pages of 500 and of 50, under load..." >&2
A500=$(load "$ACTIONS_500")
A50=$(load "$ACTIONS_50")

put() { # file: the time of one PUT, and its status
  curl -s -o "$WORK/put.out" -w '%{time_total} s (HTTP %{http_code})' -X PUT -H "$AUTH" \
    -H 'Content-Type: application/json' --data-binary "@$1" "$API/indicators/99.1/values"
}
echo "PUT of 120 monthly values..." >&2
PUT_NEW=$(put "$WORK/put-new.json")
PUT_SAME=$(put "$WORK/put-new.json")
PUT_CHANGED=$(put "$WORK/put-changed.json")

echo
echo "## REST API ($(date -u +%F), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1))"
echo
echo "| Measurement | Result |"
echo "|---|---|"
echo "| GET /reports/performance to 2016-12 with London ($ROWS indicators), 16 connections, $DURATION | $PERF |"
echo "| GET /plans/{id}/actions ($TOTAL actions), page of 500, 16 connections, $DURATION | $A500 |"
echo "| GET /plans/{id}/actions ($TOTAL actions), page of 50, 16 connections, $DURATION | $A50 |"
echo "| PUT of 120 monthly values, all new | $PUT_NEW |"
echo "| PUT of the same 120 values again (nothing changes) | $PUT_SAME |"
echo "| PUT of 120 values, all changed (120 revisions) | $PUT_CHANGED |"
