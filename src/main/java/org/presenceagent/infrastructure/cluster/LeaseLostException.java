package org.presenceagent.infrastructure.cluster;

/** This node acted (or was about to) without a valid lease: the change is refused, nothing is stored. */
public final class LeaseLostException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LeaseLostException(String message) {
    super(message);
  }
}
