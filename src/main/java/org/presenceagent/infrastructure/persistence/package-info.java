/**
 * Durable state with JPA (EclipseLink, {@code RESOURCE_LOCAL}) on H2 or PostgreSQL, schema by
 * Flyway migrations in {@code db/migration}.
 *
 * <p>The repositories keep every live subscription, publication and binding in memory (the hot path
 * never reads the database). Changes are collected in a unit of work ({@link
 * org.presenceagent.infrastructure.persistence.StoredChanges}) and written by the group commit
 * ({@link org.presenceagent.infrastructure.persistence.GroupCommit}): one writer thread commits the
 * units of many requests in one transaction, and only then are they applied to memory and the
 * requests answered, so an answer always follows a commit and a refused write changes nothing. With
 * {@code use_db=0} the stores write nothing and units apply at once.
 *
 * <p>XCAP documents and offline watcher information are read rarely (an HTTP request, a
 * presentity's first rules lookup, a winfo subscription), so their JPA repositories read the
 * database directly instead of keeping an index; in-memory twins serve {@code use_db=0}.
 */
package org.presenceagent.infrastructure.persistence;
