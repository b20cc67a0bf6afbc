package org.presenceagent.application.port;

/** The cluster's registry could not be read (the shared database is unreachable or failed the query). */
public final class ClusterUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ClusterUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
