-- RFC 6446 notification rate control of each subscription (notifications per second), so that a
-- restored subscription keeps the rates its watcher asked for. NULL: not asked for.
ALTER TABLE subscription ADD COLUMN min_rate DOUBLE PRECISION;
ALTER TABLE subscription ADD COLUMN max_rate DOUBLE PRECISION;
ALTER TABLE subscription ADD COLUMN adaptive_min_rate DOUBLE PRECISION;
