#!/usr/bin/env python3
"""Served calls per second while the load was offered, from SIPp's per-second statistics.

The harness's success_cps divides all successful calls by the run's whole elapsed time, which
ends only when the last call ended: one call that waits 27 s for a retransmitted answer turns a
run that served 730 calls/s during its 10 s of load into "196/s". This reads SIPp's stat.csv
(written with -fd 1) and divides the calls that succeeded while calls were being created, or in the second after
(the answers to the last of them), by the seconds during which calls were created.

    bench/tools/served-rate.py RUN_DIR...    # the harness's raw/<label>_<transport>_<scenario>_r<rate>_rep<n>_<ts>
"""
import csv
import glob
import os
import sys


def window(stat):
    rows = list(csv.reader(open(stat), delimiter=';'))
    head = {name: i for i, name in enumerate(rows[0])}
    seconds = [r for r in rows[1:] if r[head['OutgoingCall(P)']].isdigit()]
    offered = [i for i, r in enumerate(seconds) if int(r[head['OutgoingCall(P)']]) > 0]
    if not offered:
        return None
    first, last = offered[0], min(offered[-1] + 1, len(seconds) - 1)
    span = seconds[first:last + 1]
    ok = sum(int(r[head['SuccessfulCall(P)']]) for r in span)
    failed = sum(int(r[head['FailedCall(P)']]) for r in span)
    created = sum(int(r[head['OutgoingCall(P)']]) for r in span)
    total_ok = int(seconds[-1][head['SuccessfulCall(C)']]) if 'SuccessfulCall(C)' in head else ok
    secs = last - first + 1
    load = max(1, secs - 1)  # the seconds in which calls were created; their answers may end a second later
    return load, created / load, ok / load, failed / load, total_ok


def main():
    print('| run | seconds of load | offered/s | served/s in the window | failed/s in the window | successful calls in all |')
    print('|---|---|---|---|---|---|')
    for run in sys.argv[1:]:
        stats = [s for s in glob.glob(os.path.join(run, '*.csv')) if s.endswith('stat.csv')]
        if not stats:
            continue
        result = window(stats[0])
        if result:
            secs, offered, ok, failed, total = result
            print(f'| {os.path.basename(run.rstrip("/"))} | {secs} | {offered:.0f} | {ok:.1f} | {failed:.1f} | {total} |')


if __name__ == '__main__':
    main()
