-- Presence Agent schema, version 3: offline watcher information (the seed's store_winfo):
-- watchers left pending while their presentity was offline. Times are epoch milliseconds.

CREATE TABLE offline_watcher (
    id              VARCHAR(64)   NOT NULL PRIMARY KEY,
    presentity      VARCHAR(512)  NOT NULL,
    watcher         VARCHAR(512)  NOT NULL,
    stored_at       BIGINT        NOT NULL
);

CREATE INDEX offline_watcher_presentity ON offline_watcher (presentity);
CREATE INDEX offline_watcher_stored_at ON offline_watcher (stored_at);
