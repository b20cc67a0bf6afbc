-- Presence Agent schema, version 1. Portable between H2 2.x and PostgreSQL.
-- Times are epoch milliseconds (BIGINT): exact, zone-free and the same on both databases.

CREATE TABLE subscription (
    id              VARCHAR(1024) NOT NULL PRIMARY KEY,
    call_id         VARCHAR(512)  NOT NULL,
    watcher_tag     VARCHAR(256)  NOT NULL,
    event           VARCHAR(64)   NOT NULL,
    event_id        VARCHAR(256)  NOT NULL,
    presentity      VARCHAR(512)  NOT NULL,
    watcher         VARCHAR(512)  NOT NULL,
    content_type    VARCHAR(128)  NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    reason          VARCHAR(16),
    created_at      BIGINT        NOT NULL,
    expires_at      BIGINT        NOT NULL,
    local_tag       VARCHAR(256)  NOT NULL,
    remote_target   VARCHAR(1024) NOT NULL,
    route_set       VARCHAR(4000) NOT NULL,
    remote_cseq     BIGINT        NOT NULL,
    local_cseq      BIGINT        NOT NULL,
    transport       VARCHAR(16)   NOT NULL,
    version         BIGINT        NOT NULL
);

-- NOTIFY fan-out and watcher lists look subscriptions up by presentity and event.
CREATE INDEX subscription_presentity ON subscription (presentity, event);
-- Restoring a dialog from an in-dialog request looks it up by Call-ID.
CREATE INDEX subscription_call_id ON subscription (call_id);

CREATE TABLE publication (
    etag            VARCHAR(128)  NOT NULL PRIMARY KEY,
    presentity      VARCHAR(512)  NOT NULL,
    event           VARCHAR(64)   NOT NULL,
    content_type    VARCHAR(128)  NOT NULL,
    body            BYTEA         NOT NULL,
    published_at    BIGINT        NOT NULL,
    expires_at      BIGINT        NOT NULL
);

CREATE INDEX publication_presentity ON publication (presentity, event);
