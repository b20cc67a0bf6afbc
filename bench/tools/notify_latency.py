#!/usr/bin/env python3
"""notify_latency.py: PUBLISH -> NOTIFY latency across the nodes of a cluster (issue 17), split into
watchers whose dialog the PUBLISH's node owns (same node) and watchers owned by another node
(cross node: the change reaches them through the change log).

  notify_latency.py --nodes 127.0.0.1:5061,127.0.0.1:5062 --http 127.0.0.1:8061,127.0.0.1:8062 \
      [--lb 127.0.0.1:5070] [--presentities 6] [--watchers 2] [--publishes 200] [--interval-ms 50] \
      [--json out.json]

Placement:
  - Watchers: for every node, for every presentity, --watchers dialogs SUBSCRIBEd straight to that
    node (bypassing the balancer), so the node owns them. They answer every NOTIFY with 200 at once.
  - Publisher: with --publish-node I, every PUBLISH goes straight to node I. Else with --lb, every PUBLISH goes through the balancer, which hashes the presentity to one
    node; which node took a presentity's initial PUBLISH is read from the nodes' own counters
    (presence_sip_requests_total{method="PUBLISH",class="2xx"} on --http), and the counters are
    checked again at the end (a PUBLISH that the balancer moved to another node is reported).
    Without --lb, presentity p is published straight to node p mod N.
Each of --publishes modifying PUBLISHes (SIP-If-Match, one every --interval-ms, presentities in turn)
carries a new note "lat-<seq>" in its PIDF body. Its latency to a watcher is the time from sending the
PUBLISH (first transmission) to receiving the first NOTIFY whose body carries "lat-<seq>", both on
this process's monotonic clock. A watcher that never gets that NOTIFY (the server merged two
changes, or lost it) counts as missing. Only UDP on 127.0.0.1; python3 standard library only.
"""
import argparse
import json
import os
import random
import re
import socket
import sys
import threading
import time
import urllib.request

COMPACT = {"v": "via", "f": "from", "t": "to", "i": "call-id", "m": "contact", "l": "content-length",
           "c": "content-type", "e": "content-encoding", "o": "event", "k": "supported"}
MARKER = re.compile(rb"lat-(\d+)")


def parse(data):
    """-> (start line, {lower-case header name: [values]}, body) of one SIP datagram."""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("utf-8", "replace").split("\r\n")
    headers = {}
    for line in lines[1:]:
        if ":" not in line:
            continue
        name, value = line.split(":", 1)
        name = name.strip().lower()
        headers.setdefault(COMPACT.get(name, name), []).append(value.strip())
    return lines[0], headers, body


def first(headers, name, default=""):
    values = headers.get(name)
    return values[0] if values else default


def branch():
    return "z9hG4bK" + "%016x" % random.getrandbits(64)


class Endpoint:
    """One UDP socket on 127.0.0.1: matches responses to the requests sent, answers NOTIFYs with 200."""

    def __init__(self, on_notify=None):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.on_notify = on_notify
        self.waiting = {}  # (call-id, cseq) -> [threading.Event, response]
        self.lock = threading.Lock()
        self.running = True
        threading.Thread(target=self._receive, daemon=True).start()

    def _receive(self):
        self.sock.settimeout(0.2)
        while self.running:
            try:
                data, addr = self.sock.recvfrom(65535)
            except socket.timeout:
                continue
            except OSError:
                return
            received = time.monotonic()
            start, headers, body = parse(data)
            key = (first(headers, "call-id"), first(headers, "cseq"))
            if start.startswith("SIP/2.0"):
                status = int(start.split()[1])
                if status < 200:
                    continue
                with self.lock:
                    slot = self.waiting.get(key)
                if slot and slot[1] is None:
                    slot[1] = (status, headers, body, received)
                    slot[0].set()
                continue
            method = start.split()[0]
            reply = ["SIP/2.0 200 OK"] + ["Via: " + v for v in headers.get("via", [])]
            reply += ["From: " + first(headers, "from"), "To: " + first(headers, "to"),
                      "Call-ID: " + key[0], "CSeq: " + key[1], "Content-Length: 0", "", ""]
            if method != "NOTIFY":
                reply[0] = "SIP/2.0 405 Method Not Allowed"
            self.sock.sendto("\r\n".join(reply).encode(), addr)
            if method == "NOTIFY" and self.on_notify:
                self.on_notify(key, headers, body, received)

    def request(self, dest, text, timeout=4.0):
        """Sends a request (retransmitted every 0.5 s) -> (sent at, status, headers, body, received at)."""
        _, headers, _ = parse(text.encode())
        key = (first(headers, "call-id"), first(headers, "cseq"))
        slot = [threading.Event(), None]
        with self.lock:
            self.waiting[key] = slot
        sent = time.monotonic()
        deadline = sent + timeout
        try:
            while True:
                self.sock.sendto(text.encode(), dest)
                if slot[0].wait(min(0.5, max(0.0, deadline - time.monotonic()))):
                    status, rheaders, body, received = slot[1]
                    return sent, status, rheaders, body, received
                if time.monotonic() >= deadline:
                    return sent, None, {}, b"", None
        finally:
            with self.lock:
                self.waiting.pop(key, None)

    def close(self):
        self.running = False
        self.sock.close()


def addr(text):
    host, port = text.rsplit(":", 1)
    return host, int(port)


def pidf(entity, basic, note):
    return ('<?xml version="1.0" encoding="UTF-8"?>\r\n'
            '<presence xmlns="urn:ietf:params:xml:ns:pidf" entity="%s">\r\n'
            '<tuple id="t1"><status><basic>%s</basic></status><note>%s</note></tuple>\r\n'
            '</presence>\r\n') % (entity, basic, note)


def publish_text(ep, uri, call_id, cseq, body, etag=None, expires=600):
    lines = ["PUBLISH %s SIP/2.0" % uri,
             "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=%s;rport" % (ep.port, branch()),
             "Max-Forwards: 70",
             "From: <%s>;tag=p%d" % (uri, cseq), "To: <%s>" % uri,
             "Call-ID: %s" % call_id, "CSeq: %d PUBLISH" % cseq,
             "Event: presence", "Expires: %d" % expires]
    if etag:
        lines.append("SIP-If-Match: %s" % etag)
    if body:
        lines.append("Content-Type: application/pidf+xml")
    lines += ["Content-Length: %d" % len(body.encode()), "", body]
    return "\r\n".join(lines)


def subscribe_text(ep, ruri, watcher, presentity, call_id, cseq, from_tag, to_tag, expires):
    return "\r\n".join([
        "SUBSCRIBE %s SIP/2.0" % ruri,
        "Via: SIP/2.0/UDP 127.0.0.1:%d;branch=%s;rport" % (ep.port, branch()),
        "Max-Forwards: 70",
        "From: <%s>;tag=%s" % (watcher, from_tag),
        "To: <%s>%s" % (presentity, ";tag=" + to_tag if to_tag else ""),
        "Call-ID: %s" % call_id, "CSeq: %d SUBSCRIBE" % cseq,
        "Contact: <%s@127.0.0.1:%d>" % (watcher.split("@")[0], ep.port),
        "Event: presence", "Accept: application/pidf+xml", "Expires: %d" % expires,
        "Content-Length: 0", "", ""])


def metric_publish_2xx(http):
    """The node's count of PUBLISHes answered 2xx (None when /metrics cannot be read)."""
    try:
        with urllib.request.urlopen("http://%s/metrics" % http, timeout=5) as response:
            text = response.read().decode()
    except OSError:
        return None
    total = 0.0
    for line in text.splitlines():
        if line.startswith("presence_sip_requests_total{") and 'method="PUBLISH"' in line and 'class="2xx"' in line:
            total += float(line.rsplit(" ", 1)[1])
    return total


def percentile(values, q):
    """Nearest rank."""
    if not values:
        return None
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(-(-q * len(ordered) // 100)) - 1))
    return ordered[k]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", required=True, help="SIP host:port of every node, comma-separated")
    ap.add_argument("--http", help="HTTP host:port of every node (same order); needed with --lb")
    ap.add_argument("--lb", help="balancer host:port: PUBLISH through it (else straight to node p mod N)")
    ap.add_argument("--publish-node", type=int, help="PUBLISH every presentity straight to this node (0-based), "
                    "not through --lb")
    ap.add_argument("--domain", default="127.0.0.1")
    ap.add_argument("--presentities", type=int, default=6)
    ap.add_argument("--watchers", type=int, default=2, help="dialogs per node and presentity")
    ap.add_argument("--publishes", type=int, default=200)
    ap.add_argument("--interval-ms", type=float, default=50.0)
    ap.add_argument("--json", help="write every sample here")
    args = ap.parse_args()

    nodes = [addr(n) for n in args.nodes.split(",")]
    https = args.http.split(",") if args.http else []
    if args.lb and len(https) != len(nodes):
        ap.error("--lb needs --http with one address per node")
    run = "%x" % random.getrandbits(32)
    presentities = ["sip:lat%d-%s@%s" % (p, run, args.domain) for p in range(args.presentities)]

    notifies = {}  # call-id -> list of (seq or None, received at)
    seen = set()
    notify_lock = threading.Lock()

    def on_notify(key, headers, body, received):
        with notify_lock:
            if key in seen:  # a retransmission
                return
            seen.add(key)
            match = MARKER.search(body)
            notifies.setdefault(key[0], []).append((int(match.group(1)) if match else None, received))

    watcher_ep = Endpoint(on_notify)
    publisher_ep = Endpoint()
    lb = addr(args.lb) if args.lb and args.publish_node is None else None
    if args.publish_node is not None and not 0 <= args.publish_node < len(nodes):
        ap.error("--publish-node must name one of the %d nodes" % len(nodes))

    # 1. One publication per presentity, and the node that holds it.
    etags, publish_node, publish_dest = {}, {}, {}
    for p, uri in enumerate(presentities):
        fixed = args.publish_node if args.publish_node is not None else p % len(nodes)
        dest = lb or nodes[fixed]
        before = [metric_publish_2xx(h) for h in https] if lb else None
        _, status, headers, _, _ = publisher_ep.request(
            dest, publish_text(publisher_ep, uri, "pub-%s-%d" % (run, p), 1, pidf(uri, "open", "init-%d" % p)))
        if status != 200:
            sys.exit("initial PUBLISH of %s: %s" % (uri, status))
        etags[p] = first(headers, "sip-etag")
        publish_dest[p] = dest
        if lb:
            time.sleep(0.05)  # the counter moves when the answer is sent
            after = [metric_publish_2xx(h) for h in https]
            rose = [i for i in range(len(nodes)) if None not in (before[i], after[i]) and after[i] > before[i]]
            if len(rose) != 1:
                sys.exit("cannot tell which node took the PUBLISH of %s (counters rose on %s)" % (uri, rose))
            publish_node[p] = rose[0]
        else:
            publish_node[p] = fixed

    # 2. The watchers, each straight to its node.
    dialogs = []  # dicts: node, presentity, call_id, from_tag, to_tag, target
    for n, node in enumerate(nodes):
        for p, uri in enumerate(presentities):
            for w in range(args.watchers):
                watcher = "sip:latw%d-%d-%d-%s@%s" % (n, p, w, run, args.domain)
                call_id, tag = "sub-%s-%d-%d-%d" % (run, n, p, w), "w%d%d%d" % (n, p, w)
                _, status, headers, _, _ = watcher_ep.request(
                    node, subscribe_text(watcher_ep, uri, watcher, uri, call_id, 1, tag, None, 600))
                if status not in (200, 202):
                    sys.exit("SUBSCRIBE to node %d: %s" % (n, status))
                to_tag = re.search(r";\s*tag=([^;>\s]+)", first(headers, "to"))
                target = re.search(r"<([^>]+)>", first(headers, "contact"))
                dialogs.append(dict(node=n, presentity=p, watcher=watcher, call_id=call_id, from_tag=tag,
                                    to_tag=to_tag.group(1) if to_tag else "",
                                    target=target.group(1) if target else uri))
    time.sleep(1.0)  # the initial NOTIFYs

    # 3. The changes, one every interval, presentities in turn.
    counts_before = [metric_publish_2xx(h) for h in https] if lb else None
    sent, publish_rtt, failed_publishes = {}, [], 0
    interval = args.interval_ms / 1000.0
    start = time.monotonic()
    for seq in range(1, args.publishes + 1):
        pause = start + (seq - 1) * interval - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        p = (seq - 1) % len(presentities)
        uri = presentities[p]
        t0, status, headers, _, t1 = publisher_ep.request(
            publish_dest[p], publish_text(publisher_ep, uri, "pub-%s-%d" % (run, p), seq + 1,
                                          pidf(uri, "open" if seq % 2 else "closed", "lat-%d" % seq), etags[p]))
        if status != 200:
            failed_publishes += 1
            continue
        etags[p] = first(headers, "sip-etag") or etags[p]
        sent[seq] = (p, t0)
        publish_rtt.append((t1 - t0) * 1000.0)
    time.sleep(2.0)  # stragglers

    placement_ok = True
    if lb:
        # Every modifying PUBLISH must have reached the node that took its presentity's first one,
        # or the split same/cross would be wrong.
        counts_after = [metric_publish_2xx(h) for h in https]
        expected = [sum(1 for p, _ in sent.values() if publish_node[p] == n) for n in range(len(nodes))]
        got = [None if None in (a, b) else int(a - b) for a, b in zip(counts_after, counts_before)]
        placement_ok = got == expected
        print("placement check (PUBLISH 2xx per node, expected %s, counted %s): %s"
              % (expected, got, "ok" if placement_ok else "MOVED"))

    # 4. Latencies.
    samples = {"same-node": [], "cross-node": []}
    missing = {"same-node": 0, "cross-node": 0}
    with notify_lock:
        by_dialog = {d["call_id"]: {} for d in dialogs}
        for call_id, items in notifies.items():
            for seq, received in items:
                if seq is not None and call_id in by_dialog:
                    by_dialog[call_id].setdefault(seq, received)
    for seq, (p, t0) in sent.items():
        for d in dialogs:
            if d["presentity"] != p:
                continue
            kind = "same-node" if d["node"] == publish_node[p] else "cross-node"
            received = by_dialog[d["call_id"]].get(seq)
            if received is None:
                missing[kind] += 1
            else:
                samples[kind].append((received - t0) * 1000.0)

    # 5. Clean up: un-SUBSCRIBE (straight to the node) and remove the publications.
    for d in dialogs:
        watcher_ep.request(nodes[d["node"]], subscribe_text(
            watcher_ep, d["target"], d["watcher"], presentities[d["presentity"]], d["call_id"], 2,
            d["from_tag"], d["to_tag"], 0), timeout=2.0)
    for p, uri in enumerate(presentities):
        publisher_ep.request(publish_dest[p], publish_text(publisher_ep, uri, "pub-%s-%d" % (run, p),
                                                           args.publishes + 10, "", etags[p], 0), timeout=2.0)
    watcher_ep.close()
    publisher_ep.close()

    print("nodes=%d presentities=%d watchers/node/presentity=%d publishes=%d interval=%gms publish=%s"
          % (len(nodes), len(presentities), args.watchers, args.publishes, args.interval_ms,
             "via balancer" if lb else "straight to node %d" % args.publish_node if args.publish_node is not None
             else "straight to node p mod N"))
    print("presentity -> publishing node: %s" % " ".join("%d:%d" % (p, n) for p, n in sorted(publish_node.items())))
    print("PUBLISH failed: %d; PUBLISH->200 ms p50 %s p99 %s" % (
        failed_publishes, fmt(percentile(publish_rtt, 50)), fmt(percentile(publish_rtt, 99))))
    print("| placement | samples | missing | p50 ms | p90 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    for kind in ("same-node", "cross-node"):
        v = samples[kind]
        if not v and not missing[kind]:
            continue
        print("| %s | %d | %d | %s | %s | %s | %s |" % (kind, len(v), missing[kind], fmt(percentile(v, 50)),
              fmt(percentile(v, 90)), fmt(percentile(v, 99)), fmt(max(v) if v else None)))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"nodes": args.nodes, "publish_node": publish_node, "samples_ms": samples, "missing": missing,
                       "publish_rtt_ms": publish_rtt, "failed_publishes": failed_publishes}, f)
    return 0 if placement_ok and failed_publishes == 0 else 1


def fmt(value):
    return "-" if value is None else "%.1f" % value


if __name__ == "__main__":
    sys.exit(main())
