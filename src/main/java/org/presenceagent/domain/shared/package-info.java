/**
 * Value types shared by the aggregates (addresses of record, entity tags, expiry policy) and the
 * unit of work through which every change to stored state is made.
 */
package org.presenceagent.domain.shared;
