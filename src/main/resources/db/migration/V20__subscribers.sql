-- Presence Agent schema, version 20: the users who may authenticate (SIP digest, XCAP), managed
-- through the admin API and JMX. As Kamailio's subscriber table: the HA1 hashes of the password
-- in one realm, never the password; ha1 for the user part as digest username, ha1b for user@domain.
-- Portable between H2 2.x and PostgreSQL.

CREATE TABLE subscriber (
    aor             VARCHAR(512)  NOT NULL PRIMARY KEY,
    realm           VARCHAR(256)  NOT NULL,
    ha1_md5         VARCHAR(32),
    ha1b_md5        VARCHAR(32),
    ha1_sha256      VARCHAR(64),
    ha1b_sha256     VARCHAR(64)
);
