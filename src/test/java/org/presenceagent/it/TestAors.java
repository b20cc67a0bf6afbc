package org.presenceagent.it;

import java.util.UUID;

/** Addresses of record unique to one test, so tests sharing a server never see each other's state. */
final class TestAors {

  private TestAors() {}

  static String unique(String user) {
    return "sip:" + user + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
  }
}
