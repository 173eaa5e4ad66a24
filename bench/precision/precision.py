#!/usr/bin/env python3
"""Precision of lockcheck's findings on pinned real trees, against the hand-judged record.

    python3 bench/precision/precision.py [--no-prefilter] RECORD TREE=REPORT.json...

RECORD is bench/precision/judged.tsv (tab-separated, one judged finding a line, header first).
Each REPORT is a fresh `lockcheck scan <tree> --format json` of the named tree. A finding is
matched to the record by (tree, rule, fingerprint); its severity is the one the scan gives now.
Prints: precision per rule and severity (judged TRUE / judged), the same per tree, the labelled
known findings (present or not), the findings no one has judged yet, and judged findings the scan
no longer reports. --no-prefilter says the reports come from `scan --no-prefilter`: then the
judgments recorded from such scans (scan column no-prefilter) are expected too, not only the default
ones. Always exits 0 (a report, not a gate), 2 on unreadable input.
"""
import collections
import json
import sys

COLUMNS = ["tree", "scan", "rule", "severity", "fingerprint", "location", "verdict", "label", "cause", "why"]
SEVERITIES = ["error", "warning", "note"]


def die(msg):
    print("precision: " + msg, file=sys.stderr)
    sys.exit(2)


def load_record(path):
    rows = {}
    with open(path, encoding="utf-8") as fh:
        header = None
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != COLUMNS:
                    die(f"{path}:{n}: header must be {' '.join(COLUMNS)} (tab-separated)")
                continue
            if len(cells) != len(COLUMNS):
                die(f"{path}:{n}: {len(cells)} cells, want {len(COLUMNS)}")
            row = dict(zip(COLUMNS, cells))
            if row["scan"] not in ("default", "no-prefilter"):
                die(f"{path}:{n}: scan must be default or no-prefilter, not {row['scan']!r}")
            if row["verdict"] not in ("TRUE", "FALSE"):
                die(f"{path}:{n}: verdict must be TRUE or FALSE, not {row['verdict']!r}")
            key = (row["tree"], row["rule"], row["fingerprint"])
            if key in rows:
                die(f"{path}:{n}: {key} judged twice")
            row["line_no"] = n
            rows[key] = row
    return rows


def pct(t, n):
    return "-" if n == 0 else f"{100.0 * t / n:.0f}%"


def main(argv):
    no_prefilter = bool(argv) and argv[0] == "--no-prefilter"
    if no_prefilter:
        argv = argv[1:]
    if len(argv) < 2:
        die("usage: precision.py [--no-prefilter] RECORD TREE=REPORT.json...")
    record = load_record(argv[0])
    scans = []
    for arg in argv[1:]:
        if "=" not in arg:
            die(f"not TREE=REPORT.json: {arg}")
        tree, path = arg.split("=", 1)
        try:
            with open(path, encoding="utf-8") as fh:
                report = json.load(fh)
        except (OSError, ValueError) as e:
            die(f"cannot read {path}: {e}")
        scans.append((tree, report))

    # (rule, severity) -> [true, judged, unjudged]; same per tree
    by_rule = collections.defaultdict(lambda: [0, 0, 0, 0])
    by_tree = collections.defaultdict(lambda: [0, 0, 0, 0])
    new, seen, moved = [], set(), []
    for tree, report in scans:
        for f in report.get("findings", []):
            if f.get("suppressed") or f.get("suppressedBy"):
                continue
            rule, sev, fp = f["ruleId"], f["severity"], f.get("fingerprint", "")
            loc = f"{f['location']['file']}:{f['location']['line']}"
            key = (tree, rule, fp)
            row = record.get(key)
            for table, k in ((by_rule, (rule, sev)), (by_tree, (tree, rule, sev))):
                cell = table[k]
                if row is None:
                    cell[2] += 1
                else:
                    cell[1] += 1
                    cell[0] += row["verdict"] == "TRUE"
                    cell[3] += row["verdict"] == "TRUE" and row["cause"] != "only-under-ea"
            if row is None:
                new.append((tree, rule, sev, loc, fp, f.get("message", "")))
            else:
                seen.add(key)
                if row["location"] != loc or row["severity"] != sev:
                    moved.append((tree, rule, fp, row["location"], row["severity"], loc, sev))
    scanned = {t for t, _ in scans}
    # judgments made on a --no-prefilter scan are kept in reserve: absent from a default scan is normal
    def expected(r):
        return r["tree"] in scanned and (no_prefilter or r["scan"] == "default")
    gone = [r for k, r in record.items() if expected(r) and k not in seen]

    def order(k):
        return tuple(SEVERITIES.index(x) if x in SEVERITIES else x for x in k)

    print("## Precision per rule and severity (judged TRUE / judged; unjudged findings not counted)")
    print()
    print("| rule | severity | findings | judged | TRUE | precision | without -ea | unjudged |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    tot = collections.defaultdict(lambda: [0, 0, 0, 0])
    for (rule, sev) in sorted(by_rule, key=lambda k: (k[0], order((k[1],)))):
        t, n, u, tp = by_rule[(rule, sev)]
        print(f"| {rule} | {sev} | {n + u} | {n} | {t} | {pct(t, n)} | {pct(tp, n)} | {u} |")
        for i, v in enumerate((t, n, u, tp)):
            tot[sev][i] += v
    for sev in sorted(tot, key=lambda s: order((s,))):
        t, n, u, tp = tot[sev]
        print(f"| **all** | {sev} | {n + u} | {n} | {t} | **{pct(t, n)}** | {pct(tp, n)} | {u} |")
    print()
    print("precision = judged TRUE / judged. \"without -ea\" counts the findings that are TRUE only when")
    print("assertions are enabled (cause only-under-ea) as FALSE: what a production JVM can hit.")
    print()
    print("## Per tree")
    print()
    print("| tree | rule | severity | findings | judged | TRUE | precision | without -ea | unjudged |")
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    tree_order = [t for t, _ in scans]
    for (tree, rule, sev) in sorted(by_tree, key=lambda k: (tree_order.index(k[0]), k[1], order((k[2],)))):
        t, n, u, tp = by_tree[(tree, rule, sev)]
        print(f"| {tree} | {rule} | {sev} | {n + u} | {n} | {t} | {pct(t, n)} | {pct(tp, n)} | {u} |")
    for tree in tree_order:
        if not any(k[0] == tree for k in by_tree):
            print(f"| {tree} | - | - | 0 | 0 | 0 | - | - | 0 |")
    print()

    labels = collections.OrderedDict()
    for k, r in record.items():
        if r["label"] not in ("", "-") and r["tree"] in scanned:
            labels.setdefault(r["label"], []).append((k, r))
    if labels:
        print("## Labelled findings (known real bugs and notable cases)")
        print()
        current = {}
        for tree, report in scans:
            for f in report.get("findings", []):
                current[(tree, f["ruleId"], f.get("fingerprint", ""))] = f["severity"]
        for label, rows in labels.items():
            parts = []
            for k, r in rows:
                sev = current.get(k)
                parts.append(f"{r['location']} {r['rule']} " + (f"reported ({sev})" if sev else "NOT REPORTED"))
            if all(k in current for k, _ in rows):
                state = "all reported"
            elif any(expected(r) for _, r in rows):
                state = "MISSING"
            else:
                state = "not reported by this scan (judged from a --no-prefilter scan)"
            print(f"- {label} [{r['verdict']}]: {state}: " + "; ".join(parts))
        print()

    print(f"## New, unjudged findings ({len(new)})")
    print()
    gone_at = {(r["tree"], r["rule"], r["location"]): r for r in gone}
    for tree, rule, sev, loc, fp, msg in sorted(new, key=lambda x: (tree_order.index(x[0]), order((x[2],)), x[1], x[3])):
        was = gone_at.get((tree, rule, loc))
        hint = f" [same rule and line as disappeared {was['fingerprint']} judged {was['verdict']}]" if was else ""
        print(f"- {tree}\t{rule}\t{sev}\t{loc}\t{fp}{hint}\t{msg}")
    if not new:
        print("(none)")
    print()
    print(f"## Judged findings that disappeared ({len(gone)})")
    print()
    for r in sorted(gone, key=lambda r: r["line_no"]):
        print(f"- {r['tree']}\t{r['rule']}\t{r['severity']}\t{r['location']}\t{r['fingerprint']}\t{r['verdict']}\t{r['why']}")
    if not gone:
        print("(none)")
    if moved:
        print()
        print(f"## Judged findings whose line or severity changed ({len(moved)}; same fingerprint, judgment kept)")
        print()
        for tree, rule, fp, oloc, osev, loc, sev in moved:
            print(f"- {tree}\t{rule}\t{fp}\t{oloc} {osev} -> {loc} {sev}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
