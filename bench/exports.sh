#!/usr/bin/env bash
# Benchmark for file exports (issue 9): a viewer downloads the files of a 99,999-row delivery plan
# (CSV, XLSX, ODS; the exception report as CSV, XLSX and PDF) from a server started with -Xmx256m
# -XX:+ExitOnOutOfMemoryError, one at a time, then four at a time, then eight at a time, and four
# files of a 20,000-row plan at a time, while the plan list is requested every 0.2 s. The server
# must stay up, pages must keep answering, and each file must be made or refused plainly.
# With LibreOffice installed (soffice), it also opens the downloaded XLSX and ODS files and compares
# them with the imported CSV.
# Needs: target/ccr-hub.jar built, curl, python3. Uses a fresh data dir. Markdown on stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=${JAR:-target/ccr-hub.jar}
JAVA=${JAVA:-java}
HEAP=${HEAP:-256m}
ROWS=${ROWS:-99999}
[[ -f $JAR ]] || { echo "bench/exports.sh: build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }
for tool in curl python3; do command -v $tool >/dev/null || { echo "bench/exports.sh: needs $tool" >&2; exit 2; }; done

WORK=$(mktemp -d)
DATA=$WORK/data
PORT=$(shuf -i 20000-32000 -n 1)
SERVER_PID=
SAMPLER_PID=
cleanup() {
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

cmd() { "$JAVA" -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" "$@" --ccr.data-dir="$DATA"; }
elapsed() { python3 -c "import time; print(f'{time.time() - $1:.2f}')"; }

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Generating plans of $ROWS, 20,000 and 600 rows in $WORK..." >&2
python3 - "$WORK" "$ROWS" <<'PY'
import sys
work, rows = sys.argv[1], int(sys.argv[2])
def plan(path, n):
    # five outcomes, 40 areas each; every action Red in 2016/17 Q2, so every one is an exception
    with open(path, "w", newline="") as f:
        f.write("outcome,area,ref,action,due,lead,links,rag,comment,period\r\n")
        for i in range(n):
            o = i * 5 // n + 1
            f.write(f'{o} Outcome {o},{o}.{i % 40} Area,{o}.{i},"Deliver healthy relationships sessions in'
                    f' every secondary school, number {i}",Q4,Public health; Schools,,Red,"Only 4 of 12'
                    f' schools booked, consent module delayed ({i})",2016/17 Q2\r\n')
plan(f"{work}/big.csv", rows)
plan(f"{work}/medium.csv", 20_000)
plan(f"{work}/small.csv", 600)
PY

echo "Starting the server (-Xmx$HEAP) on port $PORT..." >&2
"$JAVA" -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" serve --port "$PORT" --ccr.data-dir="$DATA" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://localhost:$PORT/actuator/health" | grep -q '"status":"UP"' && break
  sleep 0.5
done
cmd partnership create --slug bench --name "Benchmark CSP" >/dev/null
echo "harbour violet kettle lamp" | cmd user create --partnership bench --email viewer@bench.example --name Viewer --role VIEWER --password-stdin >/dev/null
IMPORTS=()
for plan in big medium small; do
  start=$(date +%s.%N)
  cmd plan import --partnership bench --plan "Plan $plan" --year 2016/17 --period "2016/17 Q2" --file "$WORK/$plan.csv" >/dev/null
  IMPORTS+=("$plan: $(elapsed "$start") s")
  echo "  imported $plan in ${IMPORTS[-1]#*: }" >&2
done
for _ in $(seq 1 480); do # both warm-ups must be done before measuring
  grep -q "Import readers warmed up" "$WORK/server.log" && grep -q "PDF renderer warmed up" "$WORK/server.log" && break
  sleep 0.5
done

COOKIES=$WORK/cookies
BASE=http://localhost:$PORT
TOKEN=$(curl -s -c "$COOKIES" -b "$COOKIES" "$BASE/sign-in" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "email=viewer@bench.example" \
  --data-urlencode "password=harbour violet kettle lamp" --data-urlencode "_csrf=$TOKEN" "$BASE/sign-in"
PAGE="$BASE/p/bench/plans"
[[ $(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" "$PAGE") == 200 ]] || { echo "sign-in failed" >&2; exit 1; }
declare -A PLAN_ID
LIST=$(curl -s -b "$COOKIES" "$PAGE")
for plan in big medium small; do
  PLAN_ID[$plan]=$(sed -n "s|.*href=\"/p/bench/plans/\([0-9]*\)\"[^>]*>Plan $plan<.*|\1|p" <<<"$LIST" | head -1)
done

# Sample the plan list every 0.2 s until told to stop: epoch, seconds, status.
SAMPLES=$WORK/samples
( while [[ ! -f $WORK/stop ]]; do
    echo "$(date +%s.%N) $(curl -s -o /dev/null -m 30 -w '%{time_total} %{http_code}' -b "$COOKIES" "$PAGE" || echo '30 000')"
    sleep 0.2
  done >"$SAMPLES" ) &
SAMPLER_PID=$!
sleep 3

# The heading and first paragraph of a refusal page, as text.
said() { python3 -c 'import html,re,sys; p=sys.stdin.read(); m=re.search(r"<h1[^>]*>(.*?)</h1>\s*<p[^>]*>(.*?)</p>",p,re.S); print(html.unescape(m.group(1).strip() + ": " + m.group(2).strip()) if m else "")'; }

RESULTS=()
# One download: plan, file, label. Prints "status seconds bytes" and keeps the file.
download() {
  local out=$WORK/$1-$2-$3
  curl -s -H "Accept: text/html" -b "$COOKIES" -o "$out" -w '%{http_code} %{time_total} %{size_download}' \
    "$BASE/p/bench/plans/${PLAN_ID[$1]}/$2?period=2016/17%20Q2" || echo "000 0 0"
}
row() { # plan, file, how, "status seconds bytes", file kept
  local status time size note=""
  read -r status time size <<<"$4"
  [[ $status != 200 && -f $5 ]] && note=$(said <"$5")
  RESULTS+=("| $1 | $2 | $3 | $status | $(printf '%.2f' "$time") s | $(python3 -c "print(f'{$size/1048576:.1f} MB' if $size >= 1048576 else f'{$size/1024:.0f} KB')") | $note |")
  echo "  $1 $2 ($3): HTTP $status in $time s, $size bytes" >&2
}

echo "A PDF of the 600-row plan, before the big plan is loaded..." >&2
row small exceptions.pdf "alone" "$(download small exceptions.pdf first)" "$WORK/small-exceptions.pdf-first"
echo "Each file of the $ROWS-row plan alone..." >&2
for file in export.csv export.xlsx export.ods exceptions.csv exceptions.xlsx exceptions.pdf; do
  row big "$file" "alone" "$(download big "$file" alone)" "$WORK/big-$file-alone"
done
echo "A PDF of the 600-row plan for another period while the big plan is kept in memory..." >&2
out=$WORK/small-pdf-q1
r=$(curl -s -H "Accept: text/html" -b "$COOKIES" -o "$out" -w '%{http_code} %{time_total} %{size_download}' \
  "$BASE/p/bench/plans/${PLAN_ID[small]}/exceptions.pdf?period=2016/17%20Q3" || echo "000 0 0")
row small "exceptions.pdf (2016/17 Q3)" "alone, big plan kept" "$r" "$out"

concurrently() { # plan, label, files...
  local plan=$1 label=$2; shift 2
  local i=0 pids=() start
  start=$(date +%s.%N)
  for file in "$@"; do
    i=$((i + 1))
    ( download "$plan" "$file" "$label$i" >"$WORK/r-$label$i" ) &
    pids+=($!)
  done
  wait "${pids[@]}"
  local all
  all=$(elapsed "$start")
  i=0
  for file in "$@"; do
    i=$((i + 1))
    row "$plan" "$file" "$label ($all s for all)" "$(cat "$WORK/r-$label$i")" "$WORK/$plan-$file-$label$i"
  done
}
echo "Four files of the $ROWS-row plan at once..." >&2
concurrently big "4 at once" export.xlsx export.ods export.csv export.xlsx
echo "Four files of the 20,000-row plan at once..." >&2
concurrently medium "4 at once" export.xlsx export.ods export.csv export.xlsx
echo "Eight XLSX files of the $ROWS-row plan at once..." >&2
concurrently big "8 at once" export.xlsx export.xlsx export.xlsx export.xlsx export.xlsx export.xlsx export.xlsx export.xlsx

touch "$WORK/stop"; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=
ALIVE=$(kill -0 "$SERVER_PID" 2>/dev/null && echo yes || echo NO)
HEALTH=$(curl -s "$BASE/actuator/health" | grep -o '"status":"[A-Z]*"' | head -1 || true)
PAGES=$(python3 - "$SAMPLES" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if len(l.split()) == 3]
times = sorted(float(r[1]) * 1000 for r in rows)
bad = sum(1 for r in rows if r[2] != "200")
pct = lambda p: times[min(len(times) - 1, int(p / 100 * len(times)))]
others = ", ".join(sorted({r[2] for r in rows if r[2] != "200"}))
print(f"{len(rows)} requests, {bad} not 200{' (' + others + ')' if bad else ''}; p50 {pct(50):.0f} ms, p95 {pct(95):.0f} ms, max {times[-1]:.0f} ms")
PY
)
ROUND_TRIP=$(cmp -s <(tr -d '\r' <"$WORK/big-export.csv-alone") <(tr -d '\r' <"$WORK/big.csv") && echo "identical to the imported file" || echo "DIFFERENT from the imported file")
LIBREOFFICE="not installed"
if command -v soffice >/dev/null; then
  mkdir -p "$WORK/lo"
  LIBREOFFICE=""
  for format in xlsx ods; do
    cp "$WORK/big-export.$format-alone" "$WORK/lo/plan.$format"
    start=$(date +%s.%N)
    timeout 600 soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
      "$WORK/lo/plan.$format" --outdir "$WORK/lo/$format" >/dev/null 2>&1 || true
    converted=$(ls "$WORK/lo/$format"/*.csv 2>/dev/null | head -1)
    if [[ -n $converted ]] && cmp -s <(tr -d '\r' <"$converted") <(tr -d '\r' <"$WORK/big.csv"); then
      LIBREOFFICE+="$format opened in $(elapsed "$start") s, same as the imported file; "
    else
      LIBREOFFICE+="$format NOT read as imported; "
    fi
  done
fi

echo
echo "## File exports ($(date -u +%F), $(nproc) CPUs, -Xmx$HEAP, $("$JAVA" -version 2>&1 | head -1))"
echo
echo "Imports (\`plan import\`, JVM start included): ${IMPORTS[*]}."
echo
echo "| Plan | File | Asked for | HTTP | Time | Size | What the person is told |"
echo "|---|---|---|---:|---:|---:|---|"
printf '%s\n' "${RESULTS[@]}"
echo
echo "Plan list requested every 0.2 s throughout: $PAGES. Server still running: $ALIVE ($HEALTH)."
echo "The plan's CSV export is $ROUND_TRIP. LibreOffice: $LIBREOFFICE"
echo "Load average at the start $LOAD_START, at the end $(cut -d' ' -f1-3 /proc/loadavg) (other programs included)."
[[ $ALIVE == yes ]] || { tail -30 "$WORK/server.log" >&2; exit 1; }
