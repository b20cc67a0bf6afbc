-- Scale-out (docs/scale-out.md, "Watcher information across nodes"): a change-log row may name the
-- presence subscription whose change the presentity's presence.winfo watchers must hear of, and the
-- event that ended it (RFC 3857 section 3.4: rejected, deactivated, timeout...), which the row of a
-- deleted subscription cannot be read for any more. Both NULL for every other kind of change.
-- Portable between H2 2.x and PostgreSQL.

ALTER TABLE change_log ADD COLUMN subscription_id VARCHAR(1024);
ALTER TABLE change_log ADD COLUMN end_event VARCHAR(32);
