/**
 * Presentities and their publications (RFC 3903): each live publication is one document
 * published by one device, named by an entity tag and kept until it expires or is removed.
 */
package org.presenceagent.domain.presentity;
