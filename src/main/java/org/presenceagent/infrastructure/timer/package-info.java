/** Timers for expiries, on one scheduled executor owned by the application (not a thread per timer). */
package org.presenceagent.infrastructure.timer;
