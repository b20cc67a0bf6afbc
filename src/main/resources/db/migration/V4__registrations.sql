-- Registrations (RFC 3261 section 10): one row per contact bound to an address of record.
-- (Versions 2 and 3 hold the XCAP documents and the offline watcher information.)
CREATE TABLE binding (
    id              VARCHAR(1600) NOT NULL PRIMARY KEY,
    aor             VARCHAR(512)  NOT NULL,
    contact         VARCHAR(1024) NOT NULL,
    q               DOUBLE PRECISION,
    instance_id     VARCHAR(256),
    call_id         VARCHAR(512)  NOT NULL,
    cseq            BIGINT        NOT NULL,
    registered_at   BIGINT        NOT NULL,
    expires_at      BIGINT        NOT NULL
);

-- Lookups of a user's contacts (presence, MESSAGE delivery) go by address of record.
CREATE INDEX binding_aor ON binding (aor);
