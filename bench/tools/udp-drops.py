#!/usr/bin/env python3
"""Datagrams the kernel dropped at given local UDP ports while this runs.

  udp-drops.py PORT...      samples /proc/net/udp and /proc/net/udp6 every 100 ms until SIGTERM,
                            then prints one line per port seen: "port P drops D max_rx_queue Q"

D is the growth of the socket's drop counter (the last column) from the start (or from the
socket's creation, if it opened later) to the last sample, Q the fullest its receive queue was seen (bytes). A socket that closes before SIGTERM (a
SIPp that finished) keeps its last sample. Told apart by port, the counters say whether a late or
lost answer was dropped at the server's socket or at the load generator's
(bench/results/2026-12-03/sipp-drops).
"""
import signal
import sys
import time


def sample(ports):
    seen = {}
    for table in ('/proc/net/udp', '/proc/net/udp6'):
        try:
            lines = open(table).readlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            port = int(fields[1].split(':')[1], 16)
            if port in ports:
                queue = int(fields[4].split(':')[1], 16)
                drops = int(fields[-1])
                old_drops, old_queue = seen.get(port, (0, 0))
                seen[port] = (old_drops + drops, max(old_queue, queue))
    return seen


def main():
    ports = {int(p) for p in sys.argv[1:]}
    last, queue = {}, {}
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    signal.signal(signal.SIGINT, lambda *_: stop.append(True))
    # a socket opened after the start (the load generator's) counts from its creation, i.e. from 0
    first = {port: drops for port, (drops, _) in sample(ports).items()}
    while not stop:
        for port, (drops, q) in sample(ports).items():
            first.setdefault(port, 0)
            last[port] = drops
            queue[port] = max(queue.get(port, 0), q)
        time.sleep(0.1)
    for port in sorted(last):
        print(f"port {port} drops {last[port] - first[port]} max_rx_queue {queue[port]}", flush=True)


if __name__ == '__main__':
    main()
