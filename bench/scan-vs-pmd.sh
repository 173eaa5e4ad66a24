#!/usr/bin/env bash
# Benchmark: `lockcheck scan` against PMD 7's category/java/multithreading.xml rules on real
# source trees (the -sources.jar of a few large Maven Central artifacts), 2 threads each.
#
#   bench/scan-vs-pmd.sh                 all trees, 3 cold runs each (median), then 1 warm run
#   bench/scan-vs-pmd.sh zookeeper       only the named trees
#   bench/scan-vs-pmd.sh bench/work/trees/apache-kafka   a local directory tree (named by its basename)
#   LOCKCHECK_BASE=/tmp/lc-before bench/scan-vs-pmd.sh DIR   also time another checkout's ./lockcheck
#   RUNS=1 SKIP_PMD=1 bench/scan-vs-pmd.sh kafka-clients
#
# Run it from the repository root. Not part of `mvn verify` or CI. Everything it downloads or
# writes goes under bench/work/ (git-ignored); the table also lands in bench/work/results.md.
# Environment:
#   RUNS=3        cold runs per tool and tree (the median is reported); run i of every tool runs
#                 before run i+1 of any (PMD, lockcheck[, base], PMD, ...) so load changes hit all
#   LOCKCHECK_BASE  a checkout (built: analyzer-cli/target/lockcheck.jar) whose ./lockcheck launcher is
#                 timed too, in the same rounds: "before" against this checkout's "after"
#   WARM=0        skip the warm run (and its untimed priming run)
#   JOBS=2        threads for both tools
#   SKIP_PMD=1    time lockcheck only (PMD columns show "-")
#   LOCKCHECK_JAR path of a jar to time with plain `java -jar` (default: the ./lockcheck launcher,
#                 which builds the jars if needed and runs them with its JVM settings)
#   JAVA_OPTS     extra JVM options for both tools (e.g. -Xmx2g)
#   PMD_JAVA_OPTS JVM options for PMD only (e.g. the launcher's, to compare on equal settings)
#   LABEL=name    also keep the tables as bench/work/results-name.md
#   CENSUS=0      skip the prefilter census (bench/Census.java) at the end
#   TIMEOUT=900   seconds before one run is killed and reported as a timeout (the tree's other runs
#                 of that tool are skipped)
set -euo pipefail

# name|groupId:artifactId:version (each has a -sources.jar on Maven Central; checked 2026-11)
TREES=(
  "kafka-clients|org.apache.kafka:kafka-clients:3.7.0"
  "zookeeper|org.apache.zookeeper:zookeeper:3.9.2"
  "hadoop-hdfs|org.apache.hadoop:hadoop-hdfs:3.4.0"
  "cassandra-all|org.apache.cassandra:cassandra-all:4.1.5"
)
PMD_RULESET="category/java/multithreading.xml"

RUNS="${RUNS:-3}"
JOBS="${JOBS:-2}"
SKIP_PMD="${SKIP_PMD:-0}"
JAVA_OPTS="${JAVA_OPTS:-}"
TIMEOUT="${TIMEOUT:-900}"
WARM="${WARM:-1}"
LOCKCHECK_BASE="${LOCKCHECK_BASE:-}"

die() { echo "scan-vs-pmd: $*" >&2; exit 2; }
say() { echo "scan-vs-pmd: $*" >&2; }

[ -f pom.xml ] && [ -d analyzer-cli ] && [ -d bench ] || die "run me from the repository root (bench/scan-vs-pmd.sh)"
[[ "${LABEL:-}" =~ ^[A-Za-z0-9._-]*$ ]] || die "LABEL may use letters, digits, '.', '_' and '-' only (was '${LABEL:-}')"
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive integer (was '$RUNS')"
[[ "$JOBS" =~ ^[1-9][0-9]*$ ]] || die "JOBS must be a positive integer (was '$JOBS')"
[[ "$TIMEOUT" =~ ^[1-9][0-9]*$ ]] || die "TIMEOUT must be a positive number of seconds (was '$TIMEOUT')"
command -v timeout >/dev/null 2>&1 || die "need timeout (GNU coreutils)"
command -v java >/dev/null 2>&1 || die "java is not on PATH: install a JDK 17+"
command -v mvn >/dev/null 2>&1 || die "mvn is not on PATH: install Maven 3.8+ (it fetches the source trees and PMD)"
command -v unzip >/dev/null 2>&1 || command -v jar >/dev/null 2>&1 || die "need unzip or the JDK's jar tool to unpack the sources jars"

ROOT="$(pwd)"
WORK="$ROOT/bench/work"
JARS="$WORK/jars"
TREEDIR="$WORK/trees"
OUT="$WORK/out"
RESULTS="$WORK/results.md"
BENCH_POM="$ROOT/bench/pmd/pom.xml"
# by default lockcheck runs the way a user runs it: the launcher, with its JVM settings
LAUNCHER=0
[ -n "${LOCKCHECK_JAR:-}" ] || LAUNCHER=1
LOCKCHECK_JAR="${LOCKCHECK_JAR:-$ROOT/analyzer-cli/target/lockcheck.jar}"
PMD_JAVA_OPTS="${PMD_JAVA_OPTS:-}"
mkdir -p "$JARS" "$TREEDIR" "$OUT"

# Maven always runs on the throwaway pom (-f): at the root it would walk the whole reactor.
MVN=(mvn -q -B -f "$BENCH_POM")

# ---- select trees ------------------------------------------------------------------------
selected=()
if [ $# -gt 0 ]; then
  for want in "$@"; do
    hit=""
    # a local directory: measured as it is (not fetched), named by its basename
    if [ -d "$want" ]; then selected+=("$(basename "$want")|dir:$(cd "$want" && pwd)"); continue; fi
    for t in "${TREES[@]}"; do [ "${t%%|*}" = "$want" ] && hit="$t"; done
    [ -n "$hit" ] || die "unknown tree '$want' (known: $(printf '%s ' "${TREES[@]%%|*}"))"
    selected+=("$hit")
  done
else
  selected=("${TREES[@]}")
fi

# ---- peak RSS: GNU time if present, else a /proc poller ------------------------------------
HAVE_GNU_TIME=0
if [ -x /usr/bin/time ] && /usr/bin/time -f '%M' -o /dev/null true 2>/dev/null; then
  HAVE_GNU_TIME=1
else
  say "GNU time not found (Debian package 'time'); peak RSS comes from polling /proc/<pid>/status VmHWM"
fi

# measure OUTPREFIX CMD... : runs CMD, stdout/stderr to OUTPREFIX.{out,err};
# sets M_WALL (seconds, 3 decimals), M_CPU (user + system seconds), M_RSS (MiB), M_RC (exit status)
measure() {
  local prefix="$1"; shift
  local t0 t1 rsskb=0 cpu=0
  t0=$(date +%s%N)
  if [ "$HAVE_GNU_TIME" = 1 ]; then
    set +e
    /usr/bin/time -f '%M %U %S' -o "$prefix.rss" timeout -s KILL "$TIMEOUT" "$@" >"$prefix.out" 2>"$prefix.err"
    M_RC=$?
    set -e
    t1=$(date +%s%N)
    read -r rsskb u s < <(tail -n 1 "$prefix.rss" 2>/dev/null || echo "0 0 0")
    [[ "$rsskb" =~ ^[0-9]+$ ]] || rsskb=0
    cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
  else
    timeout -s KILL "$TIMEOUT" "$@" >"$prefix.out" 2>"$prefix.err" &
    local pid=$! hwm ticks
    local hz
    hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
    while kill -0 "$pid" 2>/dev/null; do
      hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$hwm" ] && rsskb=$hwm
      # utime + stime (fields 14, 15; the last sample before exit, so slightly low)
      ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || true)
      [ -n "$ticks" ] && cpu=$(awk -v t="$ticks" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }')
      sleep 0.05
    done
    set +e
    wait "$pid"
    M_RC=$?
    set -e
    t1=$(date +%s%N)
  fi
  M_WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  M_RSS=$(awk -v k="$rsskb" 'BEGIN { printf "%.0f", k / 1024 }')
  M_CPU="$cpu"
  # timeout -s KILL: the command dies with SIGKILL (137); GNU time reports that as "Command terminated by signal 9"
  if [ "$M_RC" = 137 ] || grep -q 'terminated by signal 9' "$prefix.rss" 2>/dev/null; then M_RC=timeout; fi
}

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.1f}" 'BEGIN { n = "^[0-9]+([.][0-9]+)?$"; if (a !~ n || b !~ n || b + 0 == 0) print "-"; else printf f "\n", a / b }'; }

# ---- lockcheck jar -------------------------------------------------------------------------
if [ ! -f "$LOCKCHECK_JAR" ]; then
  [ "$LOCKCHECK_JAR" = "$ROOT/analyzer-cli/target/lockcheck.jar" ] || die "LOCKCHECK_JAR=$LOCKCHECK_JAR does not exist"
  say "building analyzer-cli/target/lockcheck.jar (mvn -q -DskipTests package)..."
  log="$OUT/build.log"
  if ! mvn -q -B -DskipTests -pl rules,analyzer-cli -am package >"$log" 2>&1; then
    cat "$log" >&2
    die "build failed (log above, also in $log)"
  fi
  [ -f "$LOCKCHECK_JAR" ] || die "the build did not produce $LOCKCHECK_JAR"
fi
if [ "$LAUNCHER" = 1 ]; then
  # outside the timings: the launcher rebuilds stale jars and records its class-data archive once
  "$ROOT/lockcheck" --version >/dev/null || die "./lockcheck --version failed"
fi
if [ -n "$LOCKCHECK_BASE" ]; then
  [ -x "$LOCKCHECK_BASE/lockcheck" ] && [ -f "$LOCKCHECK_BASE/analyzer-cli/target/lockcheck.jar" ] \
    || die "LOCKCHECK_BASE=$LOCKCHECK_BASE: no built checkout there (needs ./lockcheck and analyzer-cli/target/lockcheck.jar)"
  "$LOCKCHECK_BASE/lockcheck" --version >/dev/null || die "$LOCKCHECK_BASE/lockcheck --version failed"
  BASE_REV="$(git -C "$LOCKCHECK_BASE" rev-parse --short HEAD 2>/dev/null || echo '?')"
fi

# ---- source trees ----------------------------------------------------------------------------
. "$ROOT/bench/fetch-tree.sh"

# ---- PMD ---------------------------------------------------------------------------------------
PMD_CP=""
if [ "$SKIP_PMD" != 1 ]; then
  cpfile="$WORK/pmd.classpath"
  if [ ! -s "$cpfile" ] || [ "$BENCH_POM" -nt "$cpfile" ]; then
    say "resolving PMD from Maven Central (bench/pmd/pom.xml)..."
    if ! "${MVN[@]}" dependency:build-classpath "-Dmdep.outputFile=$cpfile" >"$OUT/pmd-resolve.log" 2>&1; then
      cat "$OUT/pmd-resolve.log" >&2
      die "could not resolve PMD (log above)"
    fi
  fi
  PMD_CP="$(cat "$cpfile")"
  [ -n "$PMD_CP" ] || die "empty PMD classpath in $cpfile"
  PMD_VERSION="$(java -cp "$PMD_CP" net.sourceforge.pmd.cli.PmdCli --version 2>/dev/null | grep -m1 '^PMD ' || true)"
fi

# shellcheck disable=SC2086
run_pmd() { # tree report
  measure "$OUT/pmd-run" java $JAVA_OPTS $PMD_JAVA_OPTS -cp "$PMD_CP" net.sourceforge.pmd.cli.PmdCli check \
    -d "$1" -R "$PMD_RULESET" -t "$JOBS" -f text -r "$2" \
    --no-cache --no-progress --no-fail-on-violation --no-fail-on-error
  if [ "$M_RC" = timeout ]; then say "PMD took longer than TIMEOUT=${TIMEOUT}s on $1: killed"; return 0; fi
  # PMD 7 exits 1 despite --no-fail-on-error when type resolution logs errors (the whole apache/kafka
  # checkout: "Cannot parameterize java/lang/Record", 8 processing errors): the run analysed the
  # rest and wrote its report; the table shows the count of processing errors
  if [ "$M_RC" = 1 ] && grep -q 'errors\{0,1\} occurred while executing PMD' "$OUT/pmd-run.err" \
      && grep -q 'Found [0-9]* violations' "$OUT/pmd-run.err"; then
    say "PMD exited with 1 after processing errors ($(grep -c 'ERROR net.sourceforge.pmd' "$OUT/pmd-run.err") logged): counted as a run"
    return 0
  fi
  if [ "$M_RC" != 0 ]; then
    cat "$OUT/pmd-run.err" >&2
    die "PMD exited with $M_RC on $1 (output above)"
  fi
}

# shellcheck disable=SC2086
run_lockcheck() { # tree json [extra scan options...]: this checkout's lockcheck
  local tree="$1" json="$2"; shift 2
  if [ "$LAUNCHER" = 1 ]; then
    measure "$OUT/lc-run" env LOCKCHECK_JAVA_OPTS="$JAVA_OPTS" "$ROOT/lockcheck" scan "$tree" --jobs "$JOBS" \
      --format json --output "$json" --fail-on never "$@"
  else
    measure "$OUT/lc-run" java $JAVA_OPTS -jar "$LOCKCHECK_JAR" scan "$tree" --jobs "$JOBS" \
      --format json --output "$json" --fail-on never "$@"
  fi
  if [ "$M_RC" = timeout ]; then say "lockcheck took longer than TIMEOUT=${TIMEOUT}s on $tree: killed"; return 0; fi
  if [ "$M_RC" != 0 ]; then
    cat "$OUT/lc-run.err" >&2
    die "lockcheck exited with $M_RC on $tree (output above)"
  fi
}

# the LOCKCHECK_BASE checkout's launcher, cold (--no-cache), with the same JVM options
run_base() { # tree json
  measure "$OUT/base-run" env LOCKCHECK_JAVA_OPTS="$JAVA_OPTS" "$LOCKCHECK_BASE/lockcheck" scan "$1" --jobs "$JOBS" \
    --format json --output "$2" --fail-on never --no-cache
  if [ "$M_RC" = timeout ]; then say "base lockcheck took longer than TIMEOUT=${TIMEOUT}s on $1: killed"; return 0; fi
  if [ "$M_RC" != 0 ]; then
    cat "$OUT/base-run.err" >&2
    die "base lockcheck ($LOCKCHECK_BASE) exited with $M_RC on $1 (output above)"
  fi
}

# ---- the runs ------------------------------------------------------------------------------
BASEROWS=()
ROWS=()
CPUROWS=()
SUMMARY_ARGS=()
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
say "machine: $(nproc) cores, load $LOAD_BEFORE; $RUNS cold run(s) per tool and tree, $JOBS threads"
for t in "${selected[@]}"; do
  name="${t%%|*}"; gav="${t#*|}"
  if [[ "$gav" == dir:* ]]; then
    tree="${gav#dir:}"
    rel="$tree"
    [ -f "$tree/.unpacked" ] && say "$name: $tree ($(cat "$tree/.unpacked"))"
  else
    fetch_tree "$name" "$gav"
    tree="$TREEDIR/$name"
    rel="bench/work/trees/$name"
  fi
  files=$(find "$tree" -name '*.java' -type f | wc -l | tr -d ' ')
  lines=$(find "$tree" -name '*.java' -type f -print0 | xargs -0 cat | wc -l | tr -d ' ')
  [ "$files" -gt 0 ] || die "$rel has no .java files"

  pmd_wall=(); pmd_rss=(); pmd_cpu=(); pmd_viol="-"; pmd_err="-"
  lc_wall=(); lc_rss=(); lc_cpu=()
  base_wall=(); base_rss=(); base_cpu=()
  pmd_dead=0; lc_dead=0; base_dead=0
  # alternating rounds: PMD run i, lockcheck run i (and the base's run i), then round i+1, so a
  # change of load on the shared machine hits every tool alike
  for ((i = 1; i <= RUNS; i++)); do
    if [ "$SKIP_PMD" != 1 ] && [ "$pmd_dead" = 0 ]; then
      say "$name: PMD run $i/$RUNS (load $(cut -d' ' -f1 /proc/loadavg))..."
      run_pmd "$rel" "$OUT/pmd-$name.txt"
      if [ "$M_RC" = timeout ]; then pmd_wall=(">$TIMEOUT"); pmd_rss=("-"); pmd_cpu=("-"); pmd_dead=1
      else pmd_wall+=("$M_WALL"); pmd_rss+=("$M_RSS"); pmd_cpu+=("$M_CPU"); say "$name: PMD $M_WALL s wall, $M_CPU s CPU, $M_RSS MiB"; fi
    fi
    if [ "$lc_dead" = 0 ]; then
      rm -rf "$tree/.lockcheck-cache"
      say "$name: lockcheck cold run $i/$RUNS (load $(cut -d' ' -f1 /proc/loadavg))..."
      run_lockcheck "$rel" "$OUT/$name.json" --no-cache
      if [ "$M_RC" = timeout ]; then lc_wall=(">$TIMEOUT"); lc_rss=("-"); lc_cpu=("-"); rm -f "$OUT/$name.json"; lc_dead=1
      else lc_wall+=("$M_WALL"); lc_rss+=("$M_RSS"); lc_cpu+=("$M_CPU"); say "$name: lockcheck $M_WALL s wall, $M_CPU s CPU, $M_RSS MiB"; fi
    fi
    if [ -n "$LOCKCHECK_BASE" ] && [ "$base_dead" = 0 ]; then
      say "$name: base lockcheck ($BASE_REV) cold run $i/$RUNS (load $(cut -d' ' -f1 /proc/loadavg))..."
      run_base "$rel" "$OUT/$name.base.json"
      if [ "$M_RC" = timeout ]; then base_wall=(">$TIMEOUT"); base_rss=("-"); base_cpu=("-"); base_dead=1
      else base_wall+=("$M_WALL"); base_rss+=("$M_RSS"); base_cpu+=("$M_CPU"); say "$name: base $M_WALL s wall, $M_CPU s CPU, $M_RSS MiB"; fi
    fi
  done
  if [ "$SKIP_PMD" != 1 ]; then
    # text format: one violation a line (file:line:<TAB>Rule:<TAB>message); processing errors are
    # logged on stderr, and listed in the report after the violations
    pmd_viol=$(grep -c $'^[^\t]*:[0-9]*:\t' "$OUT/pmd-$name.txt" 2>/dev/null || true)
    pmd_viol=${pmd_viol:-0}
    pmd_err=$(sed -n 's/.* \([0-9][0-9]*\) errors\{0,1\} occurred.*/\1/p' "$OUT/pmd-run.err" | head -n 1)
    pmd_err=${pmd_err:-0}
    cp "$OUT/pmd-run.err" "$OUT/pmd-$name.log"
    [ "$pmd_viol" -gt 0 ] || say "WARNING: PMD reported no violation on $name: did it analyse anything? see $OUT/pmd-$name.log"
  fi
  cp "$OUT/lc-run.err" "$OUT/lockcheck-$name.log"
  if [ "${lc_wall[0]}" = ">$TIMEOUT" ]; then
    warm="-"; warm_cpu="-"; warm_kind="cold run timed out"
  elif [ "$WARM" != 1 ]; then
    warm="-"; warm_cpu="-"; warm_kind="WARM=0"
  else
    # the cold runs wrote no cache (--no-cache): one untimed run writes it, then the timed warm run
    rm -rf "$tree/.lockcheck-cache"
    say "$name: lockcheck priming run (untimed), then the warm run..."
    run_lockcheck "$rel" "$OUT/$name.warm.json"
    run_lockcheck "$rel" "$OUT/$name.warm.json"
    warm="$M_WALL"; warm_cpu="$M_CPU"
    [ "$M_RC" = timeout ] && warm=">$TIMEOUT" && warm_cpu="-"
    if [ -d "$tree/.lockcheck-cache" ]; then warm_kind="cache"; else warm_kind="no cache: 2nd run"; fi
  fi
  if [ -n "$LOCKCHECK_BASE" ]; then
    bw=$(median "${base_wall[@]}"); bc=$(median "${base_cpu[@]}"); br=$(median "${base_rss[@]}")
    aw=$(median "${lc_wall[@]}"); ac=$(median "${lc_cpu[@]}"); ar=$(median "${lc_rss[@]}")
    pw0=$( [ ${#pmd_wall[@]} -gt 0 ] && median "${pmd_wall[@]}" || echo "-")
    pc0=$( [ ${#pmd_cpu[@]} -gt 0 ] && median "${pmd_cpu[@]}" || echo "-")
    BASEROWS+=("| $name | before ($BASE_REV) | ${base_wall[*]} | $bw | ${base_cpu[*]} | $bc | $br | $(div "$pw0" "$bw" %.1f)× | $(div "$pc0" "$bc" %.1f)× |")
    BASEROWS+=("| $name | after ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')) | ${lc_wall[*]} | $aw | ${lc_cpu[*]} | $ac | $ar | $(div "$pw0" "$aw" %.1f)× | $(div "$pc0" "$ac" %.1f)× |")
    BASEROWS+=("| $name | PMD | ${pmd_wall[*]:--} | $pw0 | ${pmd_cpu[*]:--} | $pc0 | $( [ ${#pmd_rss[@]} -gt 0 ] && median "${pmd_rss[@]}" || echo "-") | 1× | 1× |")
    BASEROWS+=("| $name | after / before | | $(div "$aw" "$bw" %.2f) | | $(div "$ac" "$bc" %.2f) | $(div "$ar" "$br" %.2f) | | |")
  fi

  pw=$( [ ${#pmd_wall[@]} -gt 0 ] && median "${pmd_wall[@]}" || echo "-")
  pr=$( [ ${#pmd_rss[@]} -gt 0 ] && median "${pmd_rss[@]}" || echo "-")
  lw=$(median "${lc_wall[@]}")
  lr=$(median "${lc_rss[@]}")
  pc=$( [ ${#pmd_cpu[@]} -gt 0 ] && median "${pmd_cpu[@]}" || echo "-")
  lc=$(median "${lc_cpu[@]}")
  CPUROWS+=("| $name | $pc | $lc | $(div "$pc" "$lc" %.1f)× | $warm_cpu |")
  ROWS+=("| $name | $files | $lines | $pw | $(div "$lines" "$pw" %.0f) | $pr | $pmd_viol$( [ "$pmd_err" != "-" ] && [ "$pmd_err" != 0 ] && echo " ($pmd_err processing errors)" || true) | $lw | $(div "$lines" "$lw" %.0f) | $lr | $warm ($warm_kind) | **$(div "$pw" "$lw" %.1f)×** | $(div "$pw" "$warm" %.0f)× |")
  SUMMARY_ARGS+=("$name=$OUT/$name.json")
  say "$name: wall: PMD ${pmd_wall[*]:-skipped} s; lockcheck cold ${lc_wall[*]} s, warm $warm s"
  say "$name: CPU:  PMD ${pmd_cpu[*]:-skipped} s; lockcheck cold ${lc_cpu[*]} s, warm $warm_cpu s"
done

# ---- report ----------------------------------------------------------------------------------
{
  echo "# lockcheck vs PMD $PMD_RULESET"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg); $JOBS threads each,"
  echo "median of $RUNS cold run(s), alternating (fresh JVM; lockcheck with --no-cache)."
  echo "lockcheck: $(java -jar "$LOCKCHECK_JAR" --version 2>/dev/null | head -n 1 || echo '?') ($(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')), $([ "$LAUNCHER" = 1 ] && echo 'run by ./lockcheck (its JVM settings)' || echo "run as java -jar $LOCKCHECK_JAR")${JAVA_OPTS:+, JAVA_OPTS=$JAVA_OPTS}."
  echo "PMD JVM options: ${PMD_JAVA_OPTS:-none (as its own launcher runs it)}."
  echo "PMD: ${PMD_VERSION:-skipped}, no auxclasspath. $(java -version 2>&1 | head -n 1)."
  echo
  echo "| tree | .java files | lines | PMD s | PMD lines/s | PMD peak MiB | PMD violations | lockcheck cold s | lockcheck lines/s | lockcheck peak MiB | lockcheck warm s | PMD/lockcheck cold | PMD/lockcheck warm |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Wall time includes JVM start. Lines: every line of every .java file (comments and blanks too)."
  echo
  echo "CPU time (user + system, all threads; median of the cold runs): steadier than wall time when"
  echo "other work shares the machine."
  echo
  echo "| tree | PMD CPU s | lockcheck cold CPU s | PMD/lockcheck CPU | lockcheck warm CPU s |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${CPUROWS[@]}"
  echo
  if [ -n "$LOCKCHECK_BASE" ]; then
    echo "## before ($LOCKCHECK_BASE, $BASE_REV) and after, same rounds"
    echo
    echo "| tree | build | wall s, each run | wall median | CPU s, each run | CPU median | peak MiB | PMD/it wall | PMD/it CPU |"
    echo "| --- | --- | --- | ---: | --- | ---: | ---: | ---: | ---: |"
    printf '%s\n' "${BASEROWS[@]}"
    echo
  fi
  if [ "$SKIP_PMD" != 1 ]; then
    echo "## PMD violations by rule"
    echo
    for t in "${selected[@]}"; do
      name="${t%%|*}"
      echo "- $name: $(awk -F'\t' 'NF >= 3 && $1 ~ /:[0-9]+:$/ { sub(/:$/, "", $2); n[$2]++ } END { for (r in n) printf "%s %d, ", r, n[r] }' "$OUT/pmd-$name.txt" | sed 's/, $//')"
    done
    echo
  fi
  java -cp "$LOCKCHECK_JAR" "$ROOT/bench/Summarize.java" "${SUMMARY_ARGS[@]}"
  if [ "${CENSUS:-1}" = 1 ]; then
    echo
    census_trees=()
    for t in "${selected[@]}"; do
      if [[ "${t#*|}" == dir:* ]]; then census_trees+=("${t#*|dir:}"); else census_trees+=("$TREEDIR/${t%%|*}"); fi
    done
    java "$ROOT/bench/Census.java" "${census_trees[@]}"
  fi
} >"$RESULTS"
cat "$RESULTS"
if [ -n "${LABEL:-}" ]; then
  cp "$RESULTS" "$WORK/results-$LABEL.md"
  for t in "${selected[@]}"; do
    name="${t%%|*}"
    [ -f "$OUT/$name.json" ] && cp "$OUT/$name.json" "$OUT/$name-$LABEL.json"
  done
  say "written to bench/work/results.md and results-$LABEL.md (per-tree reports: bench/work/out/<tree>.json, <tree>-$LABEL.json)"
else
  say "written to bench/work/results.md (per-tree reports: bench/work/out/<tree>.json)"
fi
