#!/usr/bin/env bash
# Determinism check: scans each TREE RUNS times with --jobs 1 and RUNS times with --jobs 2
# (./lockcheck scan TREE --no-cache --format json --fail-on never --jobs N) and compares every
# report with the first: the findings (all fields, in order), file errors and warnings, and
# stats.files / stats.parsed (durationMs left out). Prints one line per tree; exit 1 on a difference.
#   bench/superset/determinism.sh /work/trees/ums bench/work/trees/zookeeper
#   RUNS=3 EXTRA=--no-prefilter bench/superset/determinism.sh TREE
set -euo pipefail
[ -f pom.xml ] && [ -d bench ] || { echo "run me from the repository root" >&2; exit 2; }
LC="${LOCKCHECK:-./lockcheck}"
RUNS="${RUNS:-3}"
OUT=bench/work/determinism
mkdir -p "$OUT"
status=0
for tree in "$@"; do
  name="$(basename "$tree")"
  reports=()
  for jobs in 1 2; do
    for ((i = 1; i <= RUNS; i++)); do
      f="$OUT/$name.j$jobs.$i.json"
      # shellcheck disable=SC2086
      "$LC" scan "$tree" --no-cache --format json --fail-on never --jobs "$jobs" ${EXTRA:-} >"$f" 2>"$f.log"
      reports+=("$f")
    done
  done
  python3 - "$name" "${reports[@]}" <<'PY' || status=1
import json, sys
name, paths = sys.argv[1], sys.argv[2:]
def canon(p):
    r = json.load(open(p))
    st = dict(r.get("stats", {})); st.pop("durationMs", None)
    return {"findings": r.get("findings"), "errors": r.get("errors"), "warnings": r.get("warnings"), "stats": st}
base = canon(paths[0])
diff = [p for p in paths[1:] if canon(p) != base]
n = len(base["findings"] or [])
print(f"{name}: {len(paths)} runs (--jobs 1 and 2), {n} findings, parsed {base['stats'].get('parsed')}/{base['stats'].get('files')}: "
      + ("identical" if not diff else "DIFFERENT: " + ", ".join(diff)))
sys.exit(1 if diff else 0)
PY
done
exit $status
