"""Summary of bench-agent/overhead.sh's results.tsv: per section, median and spread (min..max) of
each measure without and with the agent, and the ratio of the medians."""
import statistics
import sys
from collections import defaultdict

rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
runs = defaultdict(lambda: defaultdict(list))
jmh = defaultdict(dict)
perop = defaultdict(lambda: defaultdict(list))
other = []
for r in rows:
    if r[0] == "perop":
        perop[r[3]][r[1]].append(float(r[4]))
        continue
    if r[0] == "jmh":
        jmh[r[2]][r[1]] = (float(r[3]), r[4])
        continue
    if r[0].startswith("attach"):
        other.append(r[8])
        continue
    section, side = r[0], r[1]
    inner = None if r[3] == "-" else float(r[3]) / 1000
    cpu = float(r[5]) + float(r[6])
    vals = {"inner_s": inner, "wall_s": float(r[4]), "cpu_s": cpu, "maxrss_mb": float(r[7]) / 1024}
    for kv in r[8].split():
        k, v = kv.split("=")
        if k == "hwmKb":
            vals["hwm_mb"] = float(v) / 1024
        if k == "heapUsedKb":
            vals["heap_mb"] = float(v) / 1024
    for k, v in vals.items():
        if v is not None:
            runs[section][(side, k)].append(v)

def fmt(xs):
    return f"{statistics.median(xs):9.2f} ({min(xs):.2f}..{max(xs):.2f})" if xs else "-"

print("\n== summary: median (min..max) over pairs; ratio = with / without (medians)")
print(f"{'section':16} {'measure':10} {'without':>26} {'with':>26} {'ratio':>7}")
for section, d in runs.items():
    for m in ["inner_s", "wall_s", "cpu_s", "maxrss_mb", "hwm_mb", "heap_mb"]:
        a, b = d.get(("without", m), []), d.get(("with", m), [])
        if not a or not b:
            continue
        ratio = statistics.median(b) / statistics.median(a)
        print(f"{section:16} {m:10} {fmt(a):>26} {fmt(b):>26} {ratio:6.2f}x")
for line in other:
    print(line)
if perop:
    print(f"\n{'perop: thread CPU ns per lock/unlock pair':44} {'without':>22} {'with':>22} {'ratio':>7}")
    for k, d in perop.items():
        if d.get("without") and d.get("with"):
            print(f"{k:44} {fmt(d['without']):>22} {fmt(d['with']):>22} {statistics.median(d['with']) / statistics.median(d['without']):6.2f}x")
if jmh:
    print(f"\n{'jmh benchmark (ns/op)':44} {'without':>10} {'with':>10} {'ratio':>7}")
    for b, d in jmh.items():
        if "without" in d and "with" in d:
            print(f"{b:44} {d['without'][0]:10.2f} {d['with'][0]:10.2f} {d['with'][0] / d['without'][0]:6.2f}x")
