package org.presenceagent.domain.auth;

import java.util.Objects;

/**
 * An element that {@code provide-unknown-attribute} lets through (RFC 5025 section 3.3.2): a
 * child of a person, device or tuple that RFC 5025 has no permission of its own for, named by
 * its namespace and local name.
 */
public record UnknownAttribute(String namespace, String name) {

  public UnknownAttribute {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
  }
}
