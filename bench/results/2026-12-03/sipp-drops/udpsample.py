import time,sys
ports={int(p) for p in sys.argv[1:]}
mx={}
import signal
signal.signal(signal.SIGTERM, lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
try:
    while True:
        for line in open('/proc/net/udp').readlines()[1:]+open('/proc/net/udp6').readlines()[1:]:
            f=line.split(); port=int(f[1].split(':')[1],16)
            if port in ports:
                rxq=int(f[4].split(':')[1],16); drops=int(f[-1])
                d,q=mx.get(port,(0,0)); mx[port]=(max(d,drops),max(q,rxq))
        time.sleep(0.1)
except KeyboardInterrupt: pass
finally:
    for p,(d,q) in sorted(mx.items()): print(f"  port {p} max drops {d} max rx_queue {q} bytes", flush=True)
