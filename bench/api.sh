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
source bench/lib.sh   # bench_init, cmd, start_server, wait_healthy, p95_lua, generate_plan, generate_indicators
INDICATORS=${INDICATORS:-200}
ACTIONS=${ACTIONS:-2000}
DURATION=${DURATION:-30s}
bench_init api.sh curl wrk python3
PORT=$(shuf -i 20000-32000 -n 1)

echo "Generating $INDICATORS indicators with 120 months of values, and a plan of $ACTIONS actions..." >&2
generate_indicators "$WORK" "$INDICATORS" "$INDICATORS"
generate_plan "$WORK" "$ACTIONS" q "Q1,Q2,Q3,Q4,Ongoing"   # q2.csv: the ratings of 2016/17 Q3
# the indicator whose values are sent with PUT, and its values: new, then all changed
printf '99.1,Indicator loaded through the API,count,lower,monthly,Police,,,,,,no\r\n' >>"$WORK/definitions.csv"
python3 - "$WORK" <<'PY'
import json, sys
months = [f"{2007 + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}" for m in range(120)]  # 2007-04 .. 2017-03
for name, shift in (("put-new", 0), ("put-changed", 1)):
    with open(f"{sys.argv[1]}/{name}.json", "w") as f:
        json.dump([{"period": month, "value": 100 + m + shift, "numerator": None, "denominator": None, "area": None}
                   for m, month in enumerate(months)], f)
PY

echo "Starting the server on port $PORT..." >&2
start_server "$PORT" "$WORK/server.log" --ccr.data-dir="$DATA" --ccr.api.rate-limit=100000000
wait_healthy "$PORT"

cmd partnership create --slug bench --name "Benchmark CSP" >/dev/null
echo "$BENCH_PASSWORD" | cmd user create --partnership bench --email bench@bench.example --name Bench --role PARTNERSHIP_ADMIN --password-stdin >/dev/null
cmd plan import --partnership bench --plan "Benchmark plan" --year 2016/17 --file "$WORK/q2.csv" >/dev/null
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

p95_lua "$WORK/p95.lua"
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
