/**
 * The registrar (RFC 3261 section 10.3): REGISTER adds, refreshes, removes and lists bindings;
 * a change to a user's bindings changes the user's presence (the seed's presence from the
 * registrar, parameter {@code use_callbacks}).
 */
package org.presenceagent.application.register;
