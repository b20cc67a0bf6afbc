package org.presenceagent.container;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleEvent;
import org.apache.catalina.LifecycleListener;
import org.mobicents.servlet.sip.core.SipApplicationDispatcherImpl;
import org.mobicents.servlet.sip.core.SipService;

/**
 * Starts every thread of the SIP container's dispatcher pool ({@code MSS-Executor-Thread-*}) when the
 * SIP service has started, before any application runs.
 *
 * <p>Restcomm creates these threads lazily, the first time a task is queued, and often an
 * application's own code is on the stack then (a servlet sending a NOTIFY). A new {@link Thread}
 * inherits the access control context of the code that created it, protection domains included, so
 * such a pool thread would hold the application's class loader for as long as the container runs:
 * after an undeploy the whole application would stay in memory. Created up front, the threads carry
 * only the container's own protection domains. The pool has an unbounded queue, so it never grows
 * past these core threads.
 *
 * <p>Registered on the SIP service: in {@code conf/server.xml} of the assembled container, and by
 * the standalone server.
 */
public final class PrestartedSipExecutor implements LifecycleListener {

  @Override
  public void lifecycleEvent(LifecycleEvent event) {
    if (Lifecycle.AFTER_START_EVENT.equals(event.getType())
        && event.getLifecycle() instanceof SipService service
        && service.getSipApplicationDispatcher() instanceof SipApplicationDispatcherImpl dispatcher
        && dispatcher.getAsynchronousExecutor() != null) {
      dispatcher.getAsynchronousExecutor().prestartAllCoreThreads();
    }
  }
}
