#!/usr/bin/env python3
"""GC pauses of each run's measured window (after its warm-up): bench.out gives the window."""
import re, sys, glob, datetime as dt
out = open(sys.argv[1]).read().splitlines()
day = None
runs = []
for i, line in enumerate(out):
    m = re.match(r'\[(\d\d:\d\d:\d\d)\] run (\S+) ', line)
    if m:
        start = m.group(1); label = m.group(2)
        for nxt in out[i+1:]:
            e = re.search(r'-> (\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)', nxt)
            if e:
                runs.append((label, e.group(1), start, e.group(2))); break
def q(v, p):
    v = sorted(v); return v[min(len(v)-1, int(round(p/100*(len(v)-1))))] if v else float('nan')
for label, day, start, end in runs:
    tag = label[len('pa-gc'):]
    s = dt.datetime.fromisoformat(f'{day}T{start}'); e = dt.datetime.fromisoformat(f'{day}T{end}')
    allp, win = [], []
    for line in open(f'{sys.argv[2]}/gc{tag}.log'):
        m = re.match(r'\[(\S+?)\+\d{4}\].*Pause (Young|Remark|Cleanup|Full|Mixed).* ([\d.]+)ms$', line)
        if not m: continue
        t = dt.datetime.fromisoformat(m.group(1)[:23]); ms = float(m.group(3))
        allp.append(ms)
        if s <= t <= e: win.append(ms)
    print(f'{label}: window {start}-{end} pauses n={len(win)} p50={q(win,50):.1f} p99={q(win,99):.1f} max={max(win or [0]):.1f} | whole life n={len(allp)} p50={q(allp,50):.1f} p99={q(allp,99):.1f} max={max(allp or [0]):.1f}')
