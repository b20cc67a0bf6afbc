#!/usr/bin/env python3
"""owners.py FILE.collapsed [N]: charge each sample to the nearest non-JDK frame's owner; top frames."""
import sys, re, collections
OWN = [("org.presenceagent","ours"),("gov/nist","jain-sip"),("gov.nist","jain-sip"),("javax/sip","jain-sip"),("javax.sip","jain-sip"),
 ("org/mobicents","container"),("org.mobicents","container"),("org/restcomm","container"),("org.restcomm","container"),
 ("org/apache/catalina","tomcat"),("org/apache/tomcat","tomcat"),("org/apache/coyote","tomcat"),
 ("org/h2","h2"),("org.h2","h2"),("org/eclipse/persistence","eclipselink"),("org.eclipse.persistence","eclipselink"),
 ("com/zaxxer","hikari"),("ch/qos","logging"),("org/slf4j","logging"),("org/apache/log4j","logging"),
 ("org/glassfish/jaxb","jaxb"),("com/sun/xml","jaxb"),("jakarta/xml","jaxb"),("io/micrometer","metrics"),("org/presenceagent","ours")]
def owner(frame):
    for p,o in OWN:
        if frame.startswith(p): return o
    return None
tot=collections.Counter(); thr=collections.Counter(); leaf=collections.Counter(); ourtop=collections.Counter()
total=0
for line in open(sys.argv[1]):
    line=line.rstrip()
    if not line: continue
    stack,n=line.rsplit(' ',1); n=int(n); total+=n
    frames=stack.split(';')
    t=frames[0]
    tname=re.sub(r'\d+','N',t)
    thr[tname]+=n
    o=None
    for f in reversed(frames[1:]):
        o=owner(f)
        if o: break
    if o is None:
        o = "jvm(gc/jit)" if len(frames)<=3 or not any('/' in f or '.' in f for f in frames[1:]) else "jdk-only"
    tot[o]+=n
    leaf[frames[-1]]+=n
    for f in reversed(frames):
        if f.startswith('org/presenceagent'):
            ourtop[f]+=n; break
N=int(sys.argv[2]) if len(sys.argv)>2 else 25
print("total samples",total)
for o,n in tot.most_common(): print(f"{o:14s} {100*n/total:5.1f}%")
print("-- threads"); [print(f"{100*n/total:5.1f}% {t}") for t,n in thr.most_common(15)]
print("-- leaf frames"); [print(f"{100*n/total:5.1f}% {t}") for t,n in leaf.most_common(N)]
print("-- nearest own frame"); [print(f"{100*n/total:5.1f}% {t}") for t,n in ourtop.most_common(15)]
