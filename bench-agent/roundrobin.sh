#!/usr/bin/env bash
# Two or more agent builds (and no agent) side by side, run by run: each round runs one JVM per
# configuration, in the same order, so a change in the machine's load hits every configuration
# alike. For a change to the agent, compare the jar before it with the jar after it.
#
#   mvn -q -o -Pbench -pl analyzer-agent,bench-agent -am package -DskipTests
#   cp analyzer-agent/target/lockcheck-agent.jar /tmp/after.jar       # likewise /tmp/before.jar from the older commit
#   bench-agent/roundrobin.sh ROUNDS WORKLOAD 'none|' 'before|-javaagent:/tmp/before.jar' 'after|-javaagent:/tmp/after.jar'
#
# WORKLOAD: contended (Contended 4 20000000), contended2 (Contended 2 20000000), contended40 and
# contended40-2 (the issue's 40 M operations, 4 and 2 threads), perop (PerOp 2000000 7),
# h2 (H2Load 4 30000), h2long (H2Load 4 300000), threads (ManyThreads 5000). Each configuration is NAME|JVM-ARGS (JVM-ARGS
# split on spaces, may be empty). Rows: bench-agent/target/roundrobin/WORKLOAD.tsv (round, name,
# load average at the start, the workload's own line, /usr/bin/time's wall, user, sys, peak RSS);
# summary (median (min..max) per configuration, ratio to the first) on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 3 ] || { sed -n '2,15p' "$0" >&2; exit 2; }
rounds=$1; workload=$2; shift 2
case "$workload" in
  contended) args=(dev.lockcheck.bench.load.Contended 4 20000000) ;;
  contended2) args=(dev.lockcheck.bench.load.Contended 2 20000000) ;;
  contended40) args=(dev.lockcheck.bench.load.Contended 4 40000000) ;;
  contended40-2) args=(dev.lockcheck.bench.load.Contended 2 40000000) ;;
  perop) args=(dev.lockcheck.bench.load.PerOp 2000000 7) ;;
  h2) args=(dev.lockcheck.bench.load.H2Load 4 30000) ;;
  h2long) args=(dev.lockcheck.bench.load.H2Load 4 300000) ;;
  threads) args=(dev.lockcheck.bench.load.ManyThreads 5000) ;;
  *) echo "unknown workload $workload" >&2; exit 2 ;;
esac
jar=bench-agent/target/benchmarks.jar
[ -f "$jar" ] || { echo "missing $jar: mvn -q -o -Pbench -pl analyzer-agent,bench-agent -am package -DskipTests" >&2; exit 2; }
out=bench-agent/target/roundrobin
mkdir -p "$out"
rows="$out/$workload.tsv"
: > "$rows"
configs=()
for c in "$@"; do configs+=("${c%%|*}"); done
echo "== $workload, $rounds rounds of: ${configs[*]}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"
for r in $(seq 1 "$rounds"); do
  for c in "$@"; do
    name=${c%%|*}
    read -r -a jvm <<< "${c#*|}"
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(timeout 600 /usr/bin/time -f "TIME %e %U %S %M" java ${jvm[@]+"${jvm[@]}"} -cp "$jar" "${args[@]}" 2>&1 \
      | grep -E '^(contended|perop|h2|manythreads) |^TIME' | tr '\n' ' ' || true)
    printf '%s\t%s\t%s\t%s\n' "$r" "$name" "$load" "$line" >> "$rows"
  done
done
echo "== done $(date -u +%H:%M:%S) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$rows" "${configs[@]}" <<'EOF'
import re, statistics as st, sys
rows, configs = sys.argv[1], sys.argv[2:]
vals, loads = {}, []
for l in open(rows):
    r, name, load, line = l.rstrip('\n').split('\t')
    loads.append(float(load))
    m = re.search(r'TIME (\S+) (\S+) (\S+) (\d+)', line)
    if not m:
        print('   failed:', name, 'round', r, line); continue
    v = vals.setdefault(name, {})
    v.setdefault('wall s', []).append(float(m.group(1)))
    v.setdefault('CPU s', []).append(float(m.group(2)) + float(m.group(3)))
    v.setdefault('peak RSS MB', []).append(int(m.group(4)) / 1024)
    t = re.search(r' ms=(\d+)', line)
    if t: v.setdefault('timed s', []).append(int(t.group(1)) / 1000)
    for k, ns in re.findall(r'kind=(\S+) ns=(\S+)', line): v.setdefault('perop ' + k + ' ns', []).append(float(ns))
    for k in ('rssKb', 'hwmKb'):
        x = re.search(k + r'=(\d+)', line)
        if x: v.setdefault(k[:-2] + ' MB (all parked)', []).append(int(x.group(1)) / 1024)
print('load average %.1f..%.1f' % (min(loads), max(loads)))
print('| measure | ' + ' | '.join(configs) + ' |')
print('|---' * (len(configs) + 1) + '|')
for measure in vals.get(configs[0], {}):
    base = st.median(vals[configs[0]][measure])
    cells = []
    for c in configs:
        x = vals.get(c, {}).get(measure)
        if not x: cells.append('–'); continue
        m = st.median(x)
        cells.append('%.2f (%.2f..%.2f)%s' % (m, min(x), max(x), '' if c == configs[0] else ' %.2f×' % (m / base)))
    print('| %s | %s |' % (measure, ' | '.join(cells)))
EOF
