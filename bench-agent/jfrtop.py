"""Top frames of a JFR recording, from `jfr print --json`: for jdk.ExecutionSample the top
(self) frame and every frame (inclusive) by share of samples, with line numbers; for
jdk.ThreadPark / jdk.JavaMonitorEnter the total blocked time by the first frame outside
java.util.concurrent (who waits), and by the parked-on class or monitor class; for
jdk.ObjectAllocationSample the weight by allocating frame.
Usage: python3 jfrtop.py RECORDING.jfr [N]   (N rows per table, default 15)."""
import json
import subprocess
import sys
from collections import Counter

path = sys.argv[1]
top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
events = json.loads(subprocess.run(["jfr", "print", "--json", "--events",
                                    "jdk.ExecutionSample,jdk.ThreadPark,jdk.JavaMonitorEnter,jdk.ObjectAllocationSample", path],
                                   capture_output=True, text=True, check=True).stdout)["recording"]["events"]


def frames(e):
    st = e["values"].get("stackTrace")
    if not st:
        return []
    out = []
    for f in st["frames"]:
        m = f["method"]
        out.append(f'{m["type"]["name"]}.{m["name"]}:{f.get("lineNumber", "?")}')
    return out


def dur_ms(e):
    d = e["values"].get("duration", "PT0S")
    # ISO-8601 PT..S
    d = d[2:]
    total = 0.0
    num = ""
    for ch in d:
        if ch.isdigit() or ch == ".":
            num += ch
        else:
            total += float(num) * {"H": 3600, "M": 60, "S": 1}[ch]
            num = ""
    return total * 1000


def table(title, counter, total, unit):
    print(f"\n-- {title} (total {total:.0f} {unit})")
    for k, v in counter.most_common(top_n):
        print(f"{100 * v / total if total else 0:6.1f}%  {v:10.0f} {unit}  {k}")


by_type = {}
for e in events:
    by_type.setdefault(e["type"], []).append(e)

samples = by_type.get("jdk.ExecutionSample", [])
self_c, incl_c = Counter(), Counter()
for e in samples:
    fs = frames(e)
    if not fs:
        continue
    self_c[fs[0]] += 1
    for f in set(x.rsplit(":", 1)[0] for x in fs):
        incl_c[f] += 1
table("execution samples, self (top frame:line)", self_c, len(samples), "samples")
table("execution samples, inclusive (method)", incl_c, len(samples), "samples")

for kind in ["jdk.ThreadPark", "jdk.JavaMonitorEnter"]:
    evs = by_type.get(kind, [])
    who, what = Counter(), Counter()
    total = 0.0
    for e in evs:
        d = dur_ms(e)
        total += d
        fs = frames(e)
        caller = next((f for f in fs if not f.startswith(("java.util.concurrent", "jdk.internal", "java.lang.Thread"))), "?")
        who[caller] += d
        v = e["values"]
        cls = v.get("parkedClass") or v.get("monitorClass") or {}
        what[(cls or {}).get("name", "?")] += d
    if evs:
        table(f"{kind}: blocked time by first frame outside j.u.c ({len(evs)} events)", who, total, "ms")
        table(f"{kind}: blocked time by parked-on / monitor class", what, total, "ms")

allocs = by_type.get("jdk.ObjectAllocationSample", [])
w = Counter()
tw = 0
for e in allocs:
    fs = frames(e)
    weight = e["values"].get("weight", 0)
    tw += weight
    cls = e["values"].get("objectClass", {}).get("name", "?")
    w[(fs[0] if fs else "?") + "  [" + cls + "]"] += weight
if allocs:
    table("allocation (sampled weight) by top frame [class]", w, tw, "bytes")
