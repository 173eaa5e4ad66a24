#!/usr/bin/env bash
# Precision of lockcheck on pinned real trees, against the hand-judged record judged.tsv.
#
#   bench/precision/precision.sh                  all pinned trees: fetch, one fresh scan each, report
#   bench/precision/precision.sh kafka-streams    only the named trees
#   LOCKCHECK_JAR=path/to/lockcheck.jar bench/precision/precision.sh   scan with that jar (java -jar)
#   SKIP_SCAN=1 bench/precision/precision.sh      report again from the last scans (bench/work/precision/)
#   NO_PREFILTER=1 bench/precision/precision.sh   scan with --no-prefilter (slower; the record's
#                                                 no-prefilter judgments are then expected too)
#
# Run it from the repository root. Each tree is scanned once with
#   ./lockcheck scan <tree> --no-cache --jobs $JOBS --format json --fail-on never
# (JOBS=1 by default: parallel scans are not yet deterministic). Findings are matched to the
# record by (tree, rule, fingerprint). The report (also in bench/work/precision/report.md) gives
# precision per rule and severity, per tree, the labelled known bugs, the NEW unjudged findings
# and the judged findings that DISAPPEARED. It exits 0 whatever the figures say: it is a report,
# not a gate. It exits non-zero only when a fetch or a scan fails (scan exit 2 or 3).
# Everything fetched or written stays under bench/work/ (git-ignored).
set -euo pipefail

# name|groupId:artifactId:version (each has a -sources.jar on Maven Central)
TREES=(
  "zookeeper|org.apache.zookeeper:zookeeper:3.9.2"
  "hadoop-hdfs|org.apache.hadoop:hadoop-hdfs:3.4.0"
  "cassandra-all|org.apache.cassandra:cassandra-all:4.1.5"
  "kafka-clients|org.apache.kafka:kafka-clients:3.7.0"
  "kafka-streams|org.apache.kafka:kafka-streams:4.1.0"
)
JOBS="${JOBS:-1}"
NO_PREFILTER="${NO_PREFILTER:-0}"

die() { echo "precision: $*" >&2; exit 2; }
say() { echo "precision: $*" >&2; }

[ -f pom.xml ] && [ -d analyzer-cli ] && [ -d bench/precision ] || die "run me from the repository root (bench/precision/precision.sh)"
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "JOBS must be a positive integer (was '$JOBS')"
command -v python3 >/dev/null 2>&1 || die "python3 is not on PATH"

ROOT="$(pwd)"
WORK="$ROOT/bench/work"
JARS="$WORK/jars"
TREEDIR="$WORK/trees"
OUT="$WORK/precision"
RECORD="$ROOT/bench/precision/judged.tsv"
mkdir -p "$JARS" "$TREEDIR" "$OUT"
MODE_OPTS=(); MODE_ARGS=(); SUFFIX=""
if [ "$NO_PREFILTER" = 1 ]; then MODE_OPTS=(--no-prefilter); MODE_ARGS=(--no-prefilter); SUFFIX=".no-prefilter"; fi

selected=()
if [ $# -gt 0 ]; then
  for want in "$@"; do
    hit=""
    for t in "${TREES[@]}"; do [ "${t%%|*}" = "$want" ] && hit="$t"; done
    [ -n "$hit" ] || die "unknown tree '$want' (known: $(printf '%s ' "${TREES[@]%%|*}"))"
    selected+=("$hit")
  done
else
  selected=("${TREES[@]}")
fi

. "$ROOT/bench/fetch-tree.sh"

if [ "${SKIP_SCAN:-0}" != 1 ]; then
  if [ -n "${LOCKCHECK_JAR:-}" ]; then
    [ -f "$LOCKCHECK_JAR" ] || die "LOCKCHECK_JAR=$LOCKCHECK_JAR does not exist"
    SCAN=(java -jar "$LOCKCHECK_JAR" scan)
    WHO="java -jar $LOCKCHECK_JAR"
  else
    "$ROOT/lockcheck" --version >/dev/null || die "./lockcheck --version failed (the launcher builds the jars)"
    SCAN=("$ROOT/lockcheck" scan)
    WHO="./lockcheck ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'))"
  fi
  for t in "${selected[@]}"; do fetch_tree "${t%%|*}" "${t#*|}"; done
  for t in "${selected[@]}"; do
    name="${t%%|*}"
    say "$name: scanning (--no-cache --jobs $JOBS ${MODE_OPTS[*]:-})..."
    set +e
    "${SCAN[@]}" "bench/work/trees/$name" --no-cache --jobs "$JOBS" ${MODE_OPTS[@]+"${MODE_OPTS[@]}"} \
      --format json --fail-on never --output "$OUT/$name$SUFFIX.json" 2>"$OUT/$name$SUFFIX.err"
    rc=$?
    set -e
    if [ "$rc" != 0 ]; then
      cat "$OUT/$name$SUFFIX.err" >&2
      die "lockcheck exited with $rc on bench/work/trees/$name (output above)"
    fi
  done
  echo "$WHO, $(date -u '+%Y-%m-%d %H:%M UTC'), --jobs $JOBS --no-cache ${MODE_OPTS[*]:-}" >"$OUT/scanned-by$SUFFIX.txt"
fi

args=()
for t in "${selected[@]}"; do
  name="${t%%|*}"
  [ -f "$OUT/$name$SUFFIX.json" ] || die "no scan of $name in $OUT (run without SKIP_SCAN=1)"
  args+=("$name=$OUT/$name$SUFFIX.json")
done
{
  echo "# lockcheck precision on pinned trees"
  echo
  echo "Scanned by $(cat "$OUT/scanned-by$SUFFIX.txt" 2>/dev/null || echo '?'); record: bench/precision/judged.tsv."
  echo
  python3 "$ROOT/bench/precision/precision.py" ${MODE_ARGS[@]+"${MODE_ARGS[@]}"} "$RECORD" "${args[@]}"
} >"$OUT/report$SUFFIX.md"
cat "$OUT/report$SUFFIX.md"
say "also written to bench/work/precision/report$SUFFIX.md"
