#!/usr/bin/env bash
# The agent's cost (issue 13), every figure measured side by side in one run: each workload runs
# without and with the agent in alternating pairs (the order flips every pair), and the summary
# gives the median, the spread (min..max) and the ratio of medians. Bounded: fixed operation
# counts, a timeout on every JVM. No network (H2 comes from the local Maven repository).
#
#   mvn -q -o -Pbench -pl analyzer-agent,bench-agent -am package -DskipTests
#   bench-agent/overhead.sh            # full: about 10 minutes on 2 cores
#   bench-agent/overhead.sh --quick    # smaller counts, fewer pairs: about 3 minutes
#   bench-agent/overhead.sh contended h2   # only some sections
# Sections: contended (4 threads, then nproc threads; 20 M operations), contended40 (the same at the
# issue's 40 M operations; not in the default set), h2, h2long (ten times H2's load; not in the
# default set), threads, attach, perop (uncontended
# lock/unlock pairs timed by thread CPU time, steadier than JMH on shared cores), jmh.
# Environment: AGENT=path/to/lockcheck-agent.jar (default: the built one), PAIRS=n, JAVA_OPTS=...
# Raw rows: bench-agent/target/overhead/results.tsv; summary: bench-agent/target/overhead/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0
sections=()
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    contended|contended40|h2|h2long|threads|attach|perop|jmh) sections+=("$a") ;;
    *) echo "usage: $0 [--quick] [contended|contended40|h2|h2long|threads|attach|perop|jmh ...]" >&2; exit 2 ;;
  esac
done
[ ${#sections[@]} -eq 0 ] && sections=(contended h2 threads attach perop jmh)
jar=bench-agent/target/benchmarks.jar
agent="${AGENT:-analyzer-agent/target/lockcheck-agent.jar}"
for f in "$jar" "$agent"; do
  [ -f "$f" ] || { echo "missing $f: mvn -q -o -Pbench -pl analyzer-agent,bench-agent -am package -DskipTests" >&2; exit 2; }
done
out=bench-agent/target/overhead
mkdir -p "$out"
results="$out/results.tsv"
: > "$results"
report="$out/agent-report.json"
agentArg="-javaagent:$agent=report=$report"
cores=$(nproc)
read -r -a jopts <<< "${JAVA_OPTS:-}"
if [ $quick = 1 ]; then
  pairs=${PAIRS:-3}; contendedOps=5000000; h2Ops=10000; manyThreads=5000; loopSeconds=2; jmh=(-f 1 -wi 2 -w 1s -i 3 -r 1s)
else
  pairs=${PAIRS:-5}; contendedOps=20000000; h2Ops=30000; manyThreads=5000; loopSeconds=4; jmh=(-f 1 -wi 3 -w 1s -i 5 -r 1s)
fi

echo "== machine: $cores cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== java: $(java -version 2>&1 | head -2 | tail -1)"
echo "== JVM flags (both sides): ${JAVA_OPTS:-defaults} -> $(java "${jopts[@]}" -XX:+PrintCommandLineFlags -version 2>&1 | head -1)"
echo "== agent: $agent ($(git log -1 --format='%h %cs' -- analyzer-agent/src/main 2>/dev/null || echo '?')), with: $agentArg"
echo "== pairs: $pairs, order alternates (odd pairs: without first)"

# one JVM: prints its own line(s), then /usr/bin/time's; one row per run in results.tsv:
# section side pair inner_ms wall_s user_s sys_s maxrss_kb extra
run() {
  local section=$1 side=$2 pair=$3; shift 3
  local log="$out/run.log"
  local a=()
  [ "$side" = with ] && a=("$agentArg")
  if ! timeout 600 /usr/bin/time -f "TIME %e %U %S %M" -o "$out/time.txt" java "${jopts[@]}" "${a[@]}" -cp "$jar" "$@" > "$log" 2>&1; then
    echo "   $section $side pair $pair FAILED:"; sed 's/^/     /' "$log"; return 0
  fi
  local ms extra
  ms=$(grep -o ' ms=[0-9]*' "$log" | head -1 | cut -d= -f2 || true)
  extra=$(grep -o -E '(hwmKb|rssKb|heapUsedKb)=[0-9]+' "$log" | tr '\n' ' ' || true)
  read -r _ wall user sys rss < <(grep '^TIME' "$out/time.txt")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$section" "$side" "$pair" "${ms:--}" "$wall" "$user" "$sys" "$rss" "$extra" >> "$results"
  printf '   %-14s %-7s pair %d: inner %6s ms  wall %6ss  cpu %6.2fs  maxRSS %7d kB  %s\n' "$section" "$side" "$pair" "${ms:--}" "$wall" \
    "$(echo "$user + $sys" | bc)" "$rss" "$extra"
  grep -q 'internal failure' "$log" && { echo "     agent said:"; grep -A2 'internal failure' "$log" | sed 's/^/     /'; }
  return 0
}

paired() {
  local section=$1; shift
  echo "== $section: $*"
  for ((p = 1; p <= pairs; p++)); do
    if ((p % 2)); then run "$section" without $p "$@"; run "$section" with $p "$@"
    else run "$section" with $p "$@"; run "$section" without $p "$@"; fi
  done
}

for s in "${sections[@]}"; do
  case $s in
    contended)
      paired "contended-4" dev.lockcheck.bench.load.Contended 4 $contendedOps
      [ "$cores" != 4 ] && paired "contended-$cores" dev.lockcheck.bench.load.Contended "$cores" $contendedOps
      ;;
    contended40)
      # the issue's own size: 40 M operations (1.6 s without the agent on the issue's machine)
      paired "contended-4-40M" dev.lockcheck.bench.load.Contended 4 $((contendedOps * 2))
      [ "$cores" != 4 ] && paired "contended-$cores-40M" dev.lockcheck.bench.load.Contended "$cores" $((contendedOps * 2))
      ;;
    h2)
      paired "h2-4clients" dev.lockcheck.bench.load.H2Load 4 $h2Ops ;;
    h2long)
      # ten times the load: a JVM that serves for about 12 s instead of 3.5 (the start is paid once)
      paired "h2-4clients-long" dev.lockcheck.bench.load.H2Load 4 $((h2Ops * 10)) ;;
    threads)
      paired "threads-$manyThreads" dev.lockcheck.bench.load.ManyThreads $manyThreads ;;
    attach)
      echo "== attach: tight single-thread loop (ReentrantLock + synchronized), ${loopSeconds}s before and after"
      for mode in control attach; do
        rm -f "$out/ready" "$out/go"
        timeout 300 java "${jopts[@]}" -cp "$jar" dev.lockcheck.bench.load.TightLoop $loopSeconds "$out/ready" "$out/go" > "$out/loop.log" 2>&1 &
        loop=$!
        i=0
        while [ ! -f "$out/ready" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
        if [ $mode = attach ] && [ -f "$out/ready" ]; then
          java -cp "$jar" dev.lockcheck.bench.load.Attach "$(cat "$out/ready")" "$(realpath "$agent")" "report=$(realpath "$out")/attach-report.json" \
            || echo "   attach failed"
        fi
        touch "$out/go"
        wait $loop || true
        line=$(grep tightloop "$out/loop.log" || cat "$out/loop.log")
        echo "   $mode: $line"
        printf 'attach-%s\t-\t1\t-\t-\t-\t-\t-\t%s\n' "$mode" "$line" >> "$results"
      done
      ;;
    perop)
      echo "== perop: uncontended lock/unlock pairs, one thread, median of 7 rounds of 2 M, thread CPU ns per pair"
      for ((p = 1; p <= pairs; p++)); do
        if ((p % 2)); then order=(without with); else order=(with without); fi
        for side in "${order[@]}"; do
          a=()
          [ "$side" = with ] && a=("$agentArg")
          timeout 300 java "${jopts[@]}" "${a[@]}" -cp "$jar" dev.lockcheck.bench.load.PerOp 2000000 7 > "$out/perop.log" 2>&1 || echo "   perop $side failed"
          echo "   perop $side pair $p: $(grep -o 'kind=[a-zA-Z]* ns=[0-9.]*' "$out/perop.log" | sed 's/kind=//; s/ ns=/ /' | tr '\n' ' ')"
          grep -o 'kind=[a-zA-Z]* ns=[0-9.]*' "$out/perop.log" | sed 's/kind=//; s/ ns=/\t/' | awk -v s="$side" -v p="$p" '{print "perop\t" s "\t" p "\t" $1 "\t" $2}' >> "$results"
        done
      done
      ;;
    jmh)
      echo "== jmh AgentOverhead (uncontended per operation), ${jmh[*]}"
      for side in without with; do
        a=()
        [ $side = with ] && a=(-jvmArgsAppend "$agentArg")
        java -jar "$jar" AgentOverhead "${jmh[@]}" "${a[@]}" > "$out/jmh-$side.txt" 2>&1 || echo "   jmh $side failed"
        sed -n '/^Benchmark/,$p' "$out/jmh-$side.txt" | sed "s/^/   $side: /"
        sed -n '/^Benchmark/,$p' "$out/jmh-$side.txt" | awk -v s=$side 'NR>1 && $0 !~ /^$/ {print "jmh\t" s "\t" $1 "\t" $(NF-3) "\t" $(NF-1)}' >> "$results"
      done
      ;;
  esac
done

python3 bench-agent/summarise.py "$results" | tee "$out/summary.txt"
