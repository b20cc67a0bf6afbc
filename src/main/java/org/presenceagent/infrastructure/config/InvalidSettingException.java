package org.presenceagent.infrastructure.config;

/** A parameter with a value outside its allowed range; the message names both. */
public final class InvalidSettingException extends RuntimeException {

  public InvalidSettingException(String message) {
    super(message);
  }
}
