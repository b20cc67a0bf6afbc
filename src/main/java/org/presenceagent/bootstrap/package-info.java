/**
 * The composition root: builds the object graph once when the application starts (from the
 * typed settings), restores durable state, and closes everything when it stops. The only place that
 * knows every layer.
 */
package org.presenceagent.bootstrap;
