#!/usr/bin/env bash
# Determinism contract check (shared/spec/rules.md, "Evidence"): `--no-prefilter` may add findings,
# never remove one. For each TREE, scans it twice with the launcher,
#   ./lockcheck scan TREE --no-cache --format json --fail-on never [--no-prefilter]
# and lists every finding, keyed by (ruleId, fingerprint), that the default scan has and the
# no-prefilter scan lacks, and every finding whose severity is lower without the prefilter.
#
#   bench/superset/superset.sh /work/trees/ums bench/work/trees/zookeeper ...
#   LOCKCHECK=/tmp/lc-before/lockcheck bench/superset/superset.sh TREE   # another build
#   SKIP_SCAN=1 ...   only compare the reports already written
#   EXTRA="--jobs 1"  more scan options for both scans
# Reports go to bench/work/superset/<tree>.default.json and <tree>.noprefilter.json (git-ignored).
# Exit status 1 if some tree loses a finding. Not part of `mvn verify`.
set -euo pipefail
[ -f pom.xml ] && [ -d bench ] || { echo "run me from the repository root" >&2; exit 2; }
LC="${LOCKCHECK:-./lockcheck}"
OUT=bench/work/superset
mkdir -p "$OUT"
status=0
for tree in "$@"; do
  name="$(basename "$tree")"
  if [ "${SKIP_SCAN:-0}" != 1 ]; then
    for mode in default noprefilter; do
      flag=""; [ "$mode" = noprefilter ] && flag="--no-prefilter"
      t0=$(date +%s)
      # shellcheck disable=SC2086
      "$LC" scan "$tree" --no-cache --format json --fail-on never $flag ${EXTRA:-} >"$OUT/$name.$mode.json" 2>"$OUT/$name.$mode.log"
      echo "superset: $name $mode: $(( $(date +%s) - t0 )) s" >&2
    done
  fi
  python3 bench/superset/compare.py "$name" "$OUT/$name.default.json" "$OUT/$name.noprefilter.json" || status=1
done
exit $status
