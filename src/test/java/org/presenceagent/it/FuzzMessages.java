package org.presenceagent.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A small seeded SIP mutator: real SUBSCRIBE, PUBLISH, REGISTER and MESSAGE requests (and answers
 * to the server's NOTIFYs), each changed by one to three mutations drawn from what broken phones
 * and scripts send: flipped bytes, lost and repeated lines, header values that are empty, huge,
 * negative, out of range or not text, made-up methods and URIs, truncation, deeply nested XML,
 * random bodies and lying {@code Content-Length}s. The same seed gives the same messages.
 */
final class FuzzMessages {

  private static final String[] HOSTILE_VALUES = {
    "", " ", "-1", "0", "4294967296", "99999999999999999999999", "<sip:@>", "<>", ";;;;", "\u0000\u0001",
    "\u00ff\u00fe\u00fd", "%00%0d%0a", "sip:" + "a".repeat(3000) + "@example.com", "a".repeat(5000),
    "<sip:x@10.0.0.1>", "<sip:x@127.0.0.1:5060>", "*", "presence;id=" + "i".repeat(600), "presence.winfo",
    "application/pidf+xml;" + "p=1;".repeat(200), "\"unterminated", "<sip:x@[::1]>;expires=-3", "1.5",
  };
  private static final String[] METHODS = {"SUBSCRIBE", "PUBLISH", "REGISTER", "MESSAGE"};
  private static final int USERS = 40;
  private static final int MAX_DATAGRAM = 65_000;

  private final Random random;
  private final int contactPort;
  private long sequence;

  /** @param contactPort where the messages' Contacts point (the peer that answers NOTIFYs) */
  FuzzMessages(long seed, int contactPort) {
    this.random = new Random(seed);
    this.contactPort = contactPort;
  }

  /** The next fuzzed request, framed for {@code transport} ({@code udp} or {@code tcp}). */
  byte[] next(String transport) {
    String template = template(METHODS[random.nextInt(METHODS.length)], transport);
    String mutated = template;
    int mutations = 1 + random.nextInt(3);
    boolean reliable = "tcp".equals(transport);
    for (int i = 0; i < mutations; i++) {
      mutated = mutate(mutated, reliable);
    }
    byte[] bytes = (reliable ? reframed(mutated) : mutated).getBytes(StandardCharsets.ISO_8859_1);
    // a datagram holds at most 65,507 bytes (an IPv4 UDP payload): longer ones are cut, as a network would not carry them
    return reliable || bytes.length <= MAX_DATAGRAM ? bytes : Arrays.copyOf(bytes, MAX_DATAGRAM);
  }

  /** An answer to a NOTIFY from the server: mostly right, sometimes an error, sometimes garbage. */
  String notifyAnswer(String notify) {
    int[] statuses = {200, 200, 200, 200, 481, 408, 500, 603, 180};
    String response = RawSipPeer.responseTo(notify, statuses[random.nextInt(statuses.length)], "Fuzz");
    return random.nextInt(5) == 0 ? mutate(response, false) : response;
  }

  private String template(String method, String transport) {
    long n = ++sequence;
    String user = "fuzz" + random.nextInt(USERS) + "@example.com";
    String from = "fuzzer" + random.nextInt(USERS) + "@example.com";
    String body = switch (method) {
      case "PUBLISH" -> new String(Pidf.open("sip:" + user, "t" + random.nextInt(3), "note " + n), StandardCharsets.UTF_8);
      case "MESSAGE" -> "hello " + n;
      default -> "";
    };
    StringBuilder message = new StringBuilder()
        .append(method).append(" sip:").append(user).append(" SIP/2.0\r\n")
        .append("Via: SIP/2.0/").append(transport.toUpperCase()).append(" 127.0.0.1:").append(contactPort)
        .append(";branch=z9hG4bK-fz").append(n).append('-').append(random.nextInt(1_000_000)).append("\r\n")
        .append("Max-Forwards: 70\r\n")
        .append("From: <sip:").append(method.equals("REGISTER") || method.equals("PUBLISH") ? user : from)
        .append(">;tag=f").append(n).append("\r\n")
        .append("To: <sip:").append(user).append(">\r\n")
        .append("Call-ID: fuzz-").append(n).append('-').append(random.nextInt(1_000_000)).append("@127.0.0.1\r\n")
        .append("CSeq: ").append(1 + random.nextInt(5)).append(' ').append(method).append("\r\n")
        .append("Contact: <sip:fz").append(n % 7).append("@127.0.0.1:").append(contactPort).append(">\r\n");
    switch (method) {
      case "SUBSCRIBE" -> message.append("Event: presence\r\nExpires: ").append(random.nextBoolean() ? 0 : 60)
          .append("\r\nAccept: application/pidf+xml\r\n");
      case "PUBLISH" -> message.append("Event: presence\r\nExpires: 60\r\nContent-Type: application/pidf+xml\r\n");
      case "REGISTER" -> message.append("Expires: 60\r\n");
      default -> message.append("Content-Type: text/plain\r\n");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return message.append("Content-Length: ").append(bytes.length).append("\r\n\r\n")
        .append(new String(bytes, StandardCharsets.ISO_8859_1)).toString();
  }

  private String mutate(String message, boolean reliable) {
    int kind = random.nextInt(reliable ? 10 : 11);
    List<String> lines = new ArrayList<>(Arrays.asList(head(message).split("\r\n", -1)));
    String body = body(message);
    switch (kind) {
      case 0 -> { // flip a byte
        char[] chars = message.toCharArray();
        if (chars.length > 0) {
          chars[random.nextInt(chars.length)] = (char) random.nextInt(256);
        }
        return new String(chars);
      }
      case 1 -> {
        if (lines.size() > 1) {
          lines.remove(1 + random.nextInt(lines.size() - 1));
        }
      }
      case 2 -> lines.add(1 + random.nextInt(lines.size()), lines.get(random.nextInt(lines.size())));
      case 3 -> { // a hostile header value
        int index = 1 + random.nextInt(Math.max(1, lines.size() - 1));
        if (index < lines.size() && lines.get(index).contains(":")) {
          String line = lines.get(index);
          lines.set(index, line.substring(0, line.indexOf(':') + 1) + " " + HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)]);
        }
      }
      case 4 -> { // truncated
        return message.substring(0, random.nextInt(Math.max(1, message.length())));
      }
      case 5 -> { // a made-up method
        String first = lines.get(0);
        int space = first.indexOf(' ');
        lines.set(0, randomToken() + (space > 0 ? first.substring(space) : " sip:x@example.com SIP/2.0"));
      }
      case 6 -> { // a hostile Request-URI
        String[] parts = lines.get(0).split(" ");
        if (parts.length == 3) {
          lines.set(0, parts[0] + " " + HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)].replace(" ", "") + " " + parts[2]);
        }
      }
      case 7 -> lines.add(1, "X-Fuzz: " + "x".repeat(random.nextInt(20_000)));
      case 8 -> { // deeply nested XML as a presence document
        int depth = 1 + random.nextInt(5000);
        body = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:x@example.com\"><tuple id=\"t\"><status>"
            + "<basic>open</basic></status>" + "<e xmlns=\"urn:fuzz\">".repeat(depth) + "</e>".repeat(depth)
            + "</tuple></presence>";
        lines.add(1, "Content-Type: application/pidf+xml");
      }
      case 9 -> { // random bytes as the body
        byte[] bytes = new byte[random.nextInt(4096)];
        random.nextBytes(bytes);
        body = new String(bytes, StandardCharsets.ISO_8859_1);
      }
      default -> { // a Content-Length that lies (datagrams only: on a stream it would swallow the next message)
        lines.replaceAll(line -> line.startsWith("Content-Length:") ? "Content-Length: " + random.nextInt(100_000) : line);
      }
    }
    return String.join("\r\n", lines) + "\r\n\r\n" + body;
  }

  /** On a stream the framing must hold: Content-Length set to the body's length, the head terminated. */
  private static String reframed(String message) {
    String head = head(message);
    String body = body(message);
    StringBuilder framed = new StringBuilder();
    boolean hasLength = false;
    for (String line : head.split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15) || line.regionMatches(true, 0, "l:", 0, 2)) {
        if (hasLength) {
          continue;
        }
        line = "Content-Length: " + body.length();
        hasLength = true;
      }
      if (!line.isEmpty()) {
        framed.append(line).append("\r\n");
      }
    }
    if (!hasLength) {
      framed.append("Content-Length: ").append(body.length()).append("\r\n");
    }
    return framed.append("\r\n").append(body).toString();
  }

  private static String head(String message) {
    int end = message.indexOf("\r\n\r\n");
    return end < 0 ? message : message.substring(0, end);
  }

  private static String body(String message) {
    int end = message.indexOf("\r\n\r\n");
    return end < 0 ? "" : message.substring(end + 4);
  }

  private String randomToken() {
    int length = 1 + random.nextInt(12);
    StringBuilder token = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      token.append((char) ('A' + random.nextInt(26)));
    }
    return token.toString();
  }
}
