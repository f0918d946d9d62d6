#!/usr/bin/env bash
# Benchmark for delivery plans (issue 3): a plan of 2,000 actions with 8 quarters of updates.
#  - import of a 2,000-row CSV (time inside the import, as `plan import` reports it);
#  - plan overview p95 with 16 concurrent connections (wrk, 30 s, after a 10 s warm-up);
#  - exception report PDF for a quarter (wall time of the download), for two periods of that plan and
#    for the worst case: a second plan whose every action was due in its first year, so that by the
#    last quarter nearly every action not completed is overdue and in the report.
# Needs: target/ccr-hub.jar built, curl, wrk (Debian package), python3. Uses a fresh data dir.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source bench/lib.sh   # generate_plan
JAR=${JAR:-target/ccr-hub.jar}
JAVA=${JAVA:-java}
ACTIONS=${ACTIONS:-2000}
DURATION=${DURATION:-30s}
[[ -f $JAR ]] || { echo "bench/plans.sh: build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }
for tool in curl wrk python3; do command -v $tool >/dev/null || { echo "bench/plans.sh: needs $tool" >&2; exit 2; }; done

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

echo "Generating two plans of $ACTIONS actions with 8 quarters of ratings..." >&2
generate() { generate_plan "$WORK" "$ACTIONS" "$1" "$2"; } # file prefix, the due words to choose from
generate q "Q1,Q2,Q3,Q4,Q1-Q4,March 2018,Business as usual,Ongoing,Q2 2017/18"
generate worst "Q1,Q2,Q3,Q4,Q1-Q4"

echo "Starting the server on port $PORT..." >&2
"$JAVA" -jar "$JAR" serve --port "$PORT" --ccr.data-dir="$DATA" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -fs "http://localhost:$PORT/actuator/health" | python3 -c 'import json,sys; sys.exit(0 if json.load(sys.stdin)["status"]=="UP" else 1)' 2>/dev/null && break
  sleep 0.5
done

cmd partnership create --slug bench --name "Benchmark CSP" >/dev/null
echo "harbour violet kettle lamp" | cmd user create --partnership bench --email bench@bench.example --name Bench --role PARTNERSHIP_ADMIN --password-stdin >/dev/null

IMPORT_TIMES=()
for q in 0 1 2 3 4 5 6 7; do
  out=$(cmd plan import --partnership bench --plan "Benchmark plan" --year 2016/17 --last-year 2017/18 --file "$WORK/q$q.csv")
  t=$(sed -n 's/^Import took \([0-9.]*\) s.*/\1/p' <<<"$out")
  IMPORT_TIMES+=("$t")
  echo "  quarter $((q+1)) imported in $t s" >&2
done
for q in 0 1 2 3 4 5 6 7; do
  cmd plan import --partnership bench --plan "Plan due in year one" --year 2016/17 --last-year 2017/18 \
    --file "$WORK/worst$q.csv" >/dev/null
done
echo "  the plan due in year one imported" >&2

# sign in and find the plan
COOKIES=$WORK/cookies
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "http://localhost:$PORT/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "email=bench@bench.example" \
  --data-urlencode "password=harbour violet kettle lamp" --data-urlencode "_csrf=$TOKEN" "http://localhost:$PORT/sign-in"
SESSION=$(awk '$6=="CCRSESSION"{print $7}' "$COOKIES")
PLANS=$(curl -s -b "$COOKIES" "http://localhost:$PORT/p/bench/plans" | grep -o '/p/bench/plans/[0-9][0-9]*' | sort -u -t/ -k5n)
PLAN_URL=$(sed -n 1p <<<"$PLANS")
WORST_URL=$(sed -n 2p <<<"$PLANS")
OVERVIEW="http://localhost:$PORT$PLAN_URL?period=2017/18+Q4"
STATUS=$(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" "$OVERVIEW")
[[ $STATUS == 200 ]] || { echo "overview answered $STATUS" >&2; exit 1; }

p95_lua "$WORK/p95.lua"
echo "Overview under load (16 connections, $DURATION)..." >&2
# Warm up for 10 s first (not measured): the JIT compiles the page's code in the first seconds of
# load, when p95 is about twice the steady figure. WARM_UP sets its length (e.g. WARM_UP=2s).
WARM=$(wrk -t 2 -c 16 -d "${WARM_UP:-10s}" -H "Cookie: CCRSESSION=$SESSION" -s "$WORK/p95.lua" "$OVERVIEW" | tail -1)
WRK=$(wrk -t 2 -c 16 -d "$DURATION" -H "Cookie: CCRSESSION=$SESSION" -s "$WORK/p95.lua" "$OVERVIEW" | tail -1)

pdf_times() { # plan, period: three downloads of the exception report PDF, then its page count
  local times=() pages
  for _ in 1 2 3; do
    times+=("$(curl -s -o "$WORK/exceptions.pdf" -w '%{time_total}' -b "$COOKIES" "http://localhost:$PORT$1/exceptions.pdf?period=$2")")
  done
  pages=$(pdfinfo "$WORK/exceptions.pdf" 2>/dev/null | awk '/^Pages:/{print $2}')
  echo "${times[*]} s ($pages pages)"
}
PDF_EARLY=${SKIP_PDF:+skipped}; [[ -n ${SKIP_PDF:-} ]] || PDF_EARLY=$(pdf_times "$PLAN_URL" "2016/17+Q2")
PDF_LATE=${SKIP_PDF:+skipped}; [[ -n ${SKIP_PDF:-} ]] || PDF_LATE=$(pdf_times "$PLAN_URL" "2017/18+Q4")
PDF_WORST=${SKIP_PDF:+skipped}; [[ -n ${SKIP_PDF:-} ]] || PDF_WORST=$(pdf_times "$WORST_URL" "2017/18+Q4")

echo
echo "## Delivery plans ($(date -u +%F), $(nproc) CPUs, $("$JAVA" -version 2>&1 | head -1))"
echo
echo "| Measurement | Result |"
echo "|---|---|"
echo "| Import of $ACTIONS rows, first quarter (creates the plan) | ${IMPORT_TIMES[0]} s |"
echo "| Import of $ACTIONS rows, quarters 2-8 (updates only) | ${IMPORT_TIMES[*]:1} s |"
echo "| Plan overview, 16 connections, first ${WARM_UP:-10s} (warm-up) | $WARM |"
echo "| Plan overview, 16 connections, $DURATION | $WRK |"
echo "| Exception report PDF for 2016/17 Q2, 3 downloads | $PDF_EARLY |"
echo "| Exception report PDF for 2017/18 Q4 (most actions overdue), 3 downloads | $PDF_LATE |"
echo "| Exception report PDF for 2017/18 Q4 of the plan due in year one, 3 downloads | $PDF_WORST |"
