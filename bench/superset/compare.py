#!/usr/bin/env python3
"""compare.py NAME A.json B.json: findings of A (default scan) that B (--no-prefilter) lacks or
reports at a lower severity, keyed by (ruleId, fingerprint). Exit 1 if any.
With BY_EDGE=1 in the environment, LC007 findings are keyed by their lock-order edge instead
(ruleId, inner lock, the held lock named in the message): a finding that only moved to another
call site of the same edge is then no loss."""
import json, os, re, sys

HOLDING = re.compile(r"while holding (?:monitor|read lock|write lock|lock|stamped lock|[a-z ]+?) (\S+) \(acquired")

def key(f):
    if os.environ.get("BY_EDGE") == "1" and f.get("ruleId") == "LC007":
        m = HOLDING.search(f.get("message", ""))
        if m:
            return ("LC007", f.get("lock"), m.group(1))
    return (f.get("ruleId"), f.get("fingerprint"))

RANK = {"info": 0, "warning": 1, "error": 2}

def load(path):
    r = json.load(open(path))
    out = {}
    for f in r.get("findings", []):
        k = key(f)
        # several findings of one edge: keep the strongest
        if k not in out or RANK.get(f.get("severity"), 0) > RANK.get(out[k].get("severity"), 0):
            out[k] = f
    return r, out

name, a_path, b_path = sys.argv[1:4]
ra, a = load(a_path)
rb, b = load(b_path)
lost = [k for k in a if k not in b]
lower = [k for k in a if k in b and RANK.get(b[k].get("severity"), 0) < RANK.get(a[k].get("severity"), 0)]
added = [k for k in b if k not in a]
sa, sb = ra.get("stats", {}), rb.get("stats", {})
print(f"## {name}: default {len(a)} findings, --no-prefilter {len(b)}; lost {len(lost)}, "
      f"lower severity {len(lower)}, added {len(added)} "
      f"(files {sa.get('files')}/{sb.get('files')}, parsed {sa.get('parsed')}/{sb.get('parsed')})")
def line(f, extra=""):
    loc = f.get("location", {})
    msg = f.get("message", "").replace("\n", " ")
    return f"- {f.get('ruleId')} {f.get('severity')}{extra} `{loc.get('file')}:{loc.get('line')}` fp={f.get('fingerprint')}: {msg}"
for k in sorted(lost, key=str):
    print("LOST " + line(a[k]))
for k in sorted(lower, key=str):
    print("LOWER " + line(a[k], f" -> {b[k].get('severity')}"))
    print("      without prefilter: " + b[k].get("message", "").replace("\n", " "))
sys.exit(1 if lost or lower else 0)
