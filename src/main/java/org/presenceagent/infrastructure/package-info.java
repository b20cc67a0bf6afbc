/**
 * Adapters to the world outside the application: durable storage (JPA), configuration, timers.
 * They implement the domain's repositories and the application's ports.
 */
package org.presenceagent.infrastructure;
