/**
 * The application's own threads besides the timers: the bounded pool of workers that finish
 * requests once their change is stored (answers, NOTIFYs) and send the NOTIFYs of presentity
 * changes. The SIP container's threads only start work; they never wait for it.
 */
package org.presenceagent.infrastructure.concurrency;
