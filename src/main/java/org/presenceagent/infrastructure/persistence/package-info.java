/**
 * Durable state with JPA (EclipseLink, {@code RESOURCE_LOCAL}) on H2 or PostgreSQL, schema by
 * Flyway migrations in {@code db/migration}.
 *
 * <p>The repositories keep every live subscription and publication in memory (the hot path never
 * reads the database) and write each change through in one transaction before returning, so a
 * request is answered only once its effect is durable. With {@code use_db=0} the stores do nothing
 * and state lives in memory only.
 *
 * <p>XCAP documents and offline watcher information are read rarely (an HTTP request, a
 * presentity's first rules lookup, a winfo subscription), so their JPA repositories read the
 * database directly instead of keeping an index; in-memory twins serve {@code use_db=0}.
 */
package org.presenceagent.infrastructure.persistence;
