#!/usr/bin/env bash
# Benchmark for hostile imports (issue 9): files built to exhaust the server are imported through
# the import screens (plans, indicator values) and the command line, on a server started with
# -Xmx256m, while a page is requested every 0.2 s. Each import must finish (be refused) within
# 10 s, the server must stay up, and the page must keep answering.
# Files: an XLSX of 200,000 rows with a cell in column XFD; a ~1.2 KB ODS with a row repeated
# a million times; a CSV of 1,000,000 rows; a CSV with a 20 MB cell; an XLSX zip bomb (a sheet
# that unpacks to 1 GB).
# Needs: target/ccr-hub.jar built, curl, python3. Uses a fresh data dir. Markdown on stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAR=${JAR:-target/ccr-hub.jar}
JAVA=${JAVA:-java}
HEAP=${HEAP:-256m}
[[ -f $JAR ]] || { echo "bench/hostile-imports.sh: build the jar first: ./mvnw -q package -DskipTests" >&2; exit 2; }
for tool in curl python3; do command -v $tool >/dev/null || { echo "bench/hostile-imports.sh: needs $tool" >&2; exit 2; }; done

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

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
echo "Generating the hostile files in $WORK..." >&2
python3 - "$WORK" <<'PY'
import sys, zipfile, zlib
work = sys.argv[1]
NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
def xlsx(path, rows):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook ' + NS + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as s:
            s.write(('<?xml version="1.0" encoding="UTF-8"?><worksheet ' + NS + '><sheetData>').encode())
            for chunk in rows():
                s.write(chunk)
            s.write(b"</sheetData></worksheet>")
def header():
    return b'<row r="1"><c r="A1" t="inlineStr"><is><t>ref</t></is></c><c r="B1" t="inlineStr"><is><t>action</t></is></c></row>'
def xfd_rows():
    yield header()
    for r in range(2, 200_002):
        yield b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r)
xlsx(f"{work}/xfd.xlsx", xfd_rows)
def bomb_rows():
    yield header()
    spaces = b" " * (1 << 20)
    for _ in range(1024):
        yield spaces
xlsx(f"{work}/bomb.xlsx", bomb_rows)

content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>'
    '<table:table table:name="Plan"><table:table-row>'
    '<table:table-cell office:value-type="string"><text:p>ref</text:p></table:table-cell>'
    '<table:table-cell office:value-type="string"><text:p>action</text:p></table:table-cell></table:table-row>'
    '<table:table-row table:number-rows-repeated="1048575">'
    '<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell>'
    '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>')
with zipfile.ZipFile(f"{work}/repeated.ods", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
    z.writestr("content.xml", content)

with open(f"{work}/million.csv", "w", newline="") as f:
    f.write("ref,action\n")
    f.write("1.1,Train staff\n" * 1_000_000)
with open(f"{work}/huge-cell.csv", "w", newline="") as f:
    f.write('ref,action\n1.1,"' + "x" * (20 * 1024 * 1024) + '"\n')
PY
FILES=(xfd.xlsx repeated.ods million.csv huge-cell.csv bomb.xlsx)
for f in "${FILES[@]}"; do echo "  $f: $(stat -c %s "$WORK/$f") bytes" >&2; done

echo "Starting the server (-Xmx$HEAP) on port $PORT..." >&2
"$JAVA" -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" serve --port "$PORT" --ccr.data-dir="$DATA" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://localhost:$PORT/actuator/health" | grep -q '"status":"UP"' && break
  sleep 0.5
done
for _ in $(seq 1 240); do # the import readers warm up after start (ccr.imports.warm-up)
  grep -q "Import readers warmed up" "$WORK/server.log" && break
  sleep 0.5
done
cmd partnership create --slug bench --name "Benchmark CSP" >/dev/null
echo "harbour violet kettle lamp" | cmd user create --partnership bench --email bench@bench.example --name Bench --role PARTNERSHIP_ADMIN --password-stdin >/dev/null

COOKIES=$WORK/cookies
BASE=http://localhost:$PORT
csrf() { curl -s -c "$COOKIES" -b "$COOKIES" "$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
TOKEN=$(csrf "$BASE/sign-in")
curl -s -c "$COOKIES" -b "$COOKIES" -o /dev/null --data-urlencode "email=bench@bench.example" \
  --data-urlencode "password=harbour violet kettle lamp" --data-urlencode "_csrf=$TOKEN" "$BASE/sign-in"
PAGE="$BASE/p/bench/plans"
[[ $(curl -s -o /dev/null -w '%{http_code}' -b "$COOKIES" "$PAGE") == 200 ]] || { echo "sign-in failed" >&2; exit 1; }

# Sample the plan list every 0.2 s until told to stop: epoch, seconds, status.
SAMPLES=$WORK/samples
( while [[ ! -f $WORK/stop ]]; do
    echo "$(date +%s.%N) $(curl -s -o /dev/null -m 30 -w '%{time_total} %{http_code}' -b "$COOKIES" "$PAGE" || echo '30 000')"
    sleep 0.2
  done >"$SAMPLES" ) &
SAMPLER_PID=$!
sleep 3

# The first problem of a preview page, as text: its row, column, value and reason.
problem() { python3 -c 'import html,re,sys; p=sys.stdin.read(); m=re.search(r"<tbody class=\"govuk-table__body\">\s*<tr[^>]*>(.*?)</tr>",p,re.S); t=lambda s: html.unescape(re.sub(r"\s+"," ",re.sub(r"<[^>]+>"," ",s))).strip(); print(t(m.group(1)) if m else "no problem listed: " + t(re.sub(r"(?s)<head>.*?</head>","",p))[:120])'; }

RESULTS=()
screen() { # file, kind (plans|values)
  local url token out t status
  if [[ $2 == plans ]]; then url="$BASE/p/bench/plans/import"; else url="$BASE/p/bench/indicators/import"; fi
  token=$(csrf "$url")
  out=$WORK/page.html
  local start=$(date +%s.%N)
  if [[ $2 == plans ]]; then
    status=$(curl -s -o "$out" -w '%{http_code}' -b "$COOKIES" -F "_csrf=$token" -F "planName=Hostile" -F "year=2016/17" -F "file=@$WORK/$1" "$url")
  else
    status=$(curl -s -o "$out" -w '%{http_code}' -b "$COOKIES" -F "_csrf=$token" -F "kind=values" -F "file=@$WORK/$1" "$url")
  fi
  t=$(python3 -c "import time; print(f'{time.time() - $start:.2f}')")
  echo "  $1 via the $2 screen: $t s, HTTP $status" >&2
  RESULTS+=("| $1 | $2 import screen | $t s | HTTP $status: $(problem <"$out") |")
}
command_line() { # file
  local start t err inside
  start=$(date +%s.%N)
  cmd plan import --partnership bench --plan "Hostile" --year 2016/17 --file "$WORK/$1" 2>"$WORK/err.txt" >/dev/null || true
  t=$(python3 -c "import time; print(f'{time.time() - $start:.2f}')")
  err=$(sed -n 2p "$WORK/err.txt")
  inside=$(sed -n 's/^Reading and checking the file took \([0-9.]*\) s\./\1/p' "$WORK/err.txt")
  echo "  $1 via plan import: $inside s inside, $t s with the JVM start" >&2
  RESULTS+=("| $1 | \`plan import\` | $inside s ($t s with the JVM start) | $err |")
}

echo "Importing each file through the screens..." >&2
for f in "${FILES[@]}"; do screen "$f" plans; screen "$f" values; done
echo "All five at once through the plan screen..." >&2
PAR_START=$(date +%s.%N)
PAR_PIDS=()
PAR_TOKEN=$(csrf "$BASE/p/bench/plans/import") # one token: parallel curls must not write the cookie jar
for f in "${FILES[@]}"; do
  ( token=$PAR_TOKEN
    curl -s -o /dev/null -w "  $f in parallel: %{time_total} s, HTTP %{http_code}\n" -b "$COOKIES" -F "_csrf=$token" \
      -F "planName=Hostile" -F "year=2016/17" -F "file=@$WORK/$f" "$BASE/p/bench/plans/import" >&2 ) &
  PAR_PIDS+=($!)
done
wait "${PAR_PIDS[@]}"
PAR=$(python3 -c "import time; print(f'{time.time() - $PAR_START:.2f}')")
echo "Importing each file from the command line..." >&2
for f in "${FILES[@]}"; do command_line "$f"; done
BASELINE_START=$(date +%s.%N)
printf 'ref,action\n1.1,Train staff\n' >"$WORK/small.csv"
cmd plan import --partnership bench --plan "Small" --year 2016/17 --file "$WORK/small.csv" >/dev/null
BASELINE=$(python3 -c "import time; print(f'{time.time() - $BASELINE_START:.2f}')")

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

echo
echo "## Hostile imports ($(date -u +%F), $(nproc) CPUs, -Xmx$HEAP, $("$JAVA" -version 2>&1 | head -1))"
echo
echo "| File | Through | Time | What the person is told |"
echo "|---|---|---:|---|"
printf '%s\n' "${RESULTS[@]}"
echo "| all five at once | plan import screen | $PAR s | (at most 2 run at once; the others wait) |"
echo "| a 2-row CSV (for comparison) | \`plan import\` | $BASELINE s with the JVM start | imported |"
echo
echo "Plan list requested every 0.2 s throughout: $PAGES. Server still running: $ALIVE ($HEALTH)."
echo "Load average at the start $LOAD_START, at the end $(cut -d' ' -f1-3 /proc/loadavg) (other programs included)."
[[ $ALIVE == yes ]] || { tail -30 "$WORK/server.log" >&2; exit 1; }
