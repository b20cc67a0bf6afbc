-- The display name of the watcher's From header (RFC 3858 section 4.4 shows it in watcher
-- information). Nullable: subscriptions stored before this version, and watchers that give none,
-- have none. The SIP adapter keeps at most 256 characters of it.
ALTER TABLE subscription ADD COLUMN watcher_display_name VARCHAR(256);
