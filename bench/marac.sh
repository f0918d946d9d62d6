#!/usr/bin/env bash
# Benchmark for the MARAC (issue 12), run as a test against the embedded PostgreSQL of the test
# build (MaracBenchmarkIntegrationTests, skipped by the ordinary build):
#  - 200,000 earlier referrals of 150,000 victims in one MARAC, made in SQL (generate_series);
#  - the repeat and near-match search at referral (p95 of 300 new referrals: a third known victims,
#    a third names spelled differently, a third new people), and the whole recording of a referral;
#  - the data return for a financial year (2016/17) from the database;
#  - the agenda page of a meeting with 40 cases, over HTTP, one connection and sixteen at once
#    (after WARM_UP rounds of sixteen at once, default 3, as on a server that has run a while), with
#    the processor time per request of the JVM and of PostgreSQL;
#  - the import of 10,000 rows into a new MARAC (candidates loaded once, rows written in batches).
# BENCH plan lines: -Dccr.bench.explain=true prints the search query's plans and stops.
# Prints the BENCH lines. REFERRALS=N changes the size of the history; ONLY=meeting measures the
# meeting page alone.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REFERRALS=${REFERRALS:-200000}
./mvnw -o -q -Dccr.bench=true -Dccr.bench.referrals="$REFERRALS" -Dccr.bench.only="${ONLY:-}" -Dccr.bench.warm-up="${WARM_UP:-3}" \
  -Dtest=MaracBenchmarkIntegrationTests -Dsurefire.failIfNoSpecifiedTests=false test \
  | grep '^BENCH' || {
    echo "bench/marac.sh: the benchmark failed; see target/surefire-reports" >&2
    exit 1
  }
