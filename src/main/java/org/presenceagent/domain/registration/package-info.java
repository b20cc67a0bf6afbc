/**
 * Registrations (RFC 3261 section 10): the contacts bound to an address of record. A user is
 * online while registered, and each binding is a tuple of the user's presence (the seed's
 * presence from the registrar).
 */
package org.presenceagent.domain.registration;
