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
source bench/lib.sh   # generate_indicators
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
generate_indicators "$WORK" "$INDICATORS" "$TARGETS"

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

p95_lua "$WORK/p95.lua"
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
