-- Presence Agent schema, version 2: documents of the built-in XCAP server (RFC 4825), e.g. a
-- user's pres-rules. Portable between H2 2.x and PostgreSQL; times are epoch milliseconds.

CREATE TABLE xcap_document (
    path            VARCHAR(1024) NOT NULL PRIMARY KEY,
    auid            VARCHAR(128)  NOT NULL,
    xui             VARCHAR(512)  NOT NULL,
    name            VARCHAR(128)  NOT NULL,
    etag            VARCHAR(128)  NOT NULL,
    content_type    VARCHAR(128)  NOT NULL,
    body            BYTEA         NOT NULL,
    modified_at     BIGINT        NOT NULL
);
