#!/usr/bin/env python3
import sys,re
v=[]
for l in open(sys.argv[1]):
    if 'Pause' in l:
        m=re.search(r'([0-9.]+)ms\s*$',l)
        if m: v.append(float(m.group(1)))
v.sort()
if not v: print("no pauses"); sys.exit()
p=lambda q: v[min(len(v)-1,int(q*len(v)))]
print(f"pauses n={len(v)} p50={p(.5):.1f} p99={p(.99):.1f} max={v[-1]:.1f} total={sum(v):.0f}ms")
