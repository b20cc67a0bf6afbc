package org.presenceagent.application.port;

/** A NOTIFY that could not be sent at all (no dialog, no route to the subscriber). */
public final class NotifyFailedException extends RuntimeException {

  public NotifyFailedException(String message, Throwable cause) {
    super(message, cause);
  }

  public NotifyFailedException(String message) {
    super(message);
  }
}
