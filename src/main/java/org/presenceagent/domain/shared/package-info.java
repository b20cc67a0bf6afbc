/** Value types shared by the aggregates: addresses of record, entity tags, expiry policy. */
package org.presenceagent.domain.shared;
