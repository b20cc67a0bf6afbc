-- Scale-out (docs/scale-out.md): when each node last renewed its lease, by the database's clock, for
-- the operator's view of the cluster (admin API, console, JMX). NULL for rows written before it: the
-- view shows the join time then. Only cluster mode on PostgreSQL writes it.
ALTER TABLE cluster_node ADD COLUMN renewed_at BIGINT;
