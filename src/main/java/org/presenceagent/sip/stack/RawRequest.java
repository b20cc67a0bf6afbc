package org.presenceagent.sip.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The few facts of a UDP request that overload control needs before JAIN-SIP parses it: its
 * method, whether it is in a dialog (a To tag), its transaction (the top Via's branch), and the
 * header lines a stateless final response copies (RFC 3261 section 8.2.6.2: Via, From, To,
 * Call-ID, CSeq). Parsing is what a refusal under overload would otherwise cost most (RFC 7339
 * section 1: refusing must be cheaper than serving), so this reads the header lines once and
 * takes nothing else apart.
 *
 * <p>Only requests in the plain form every phone sends are read: anything unusual (folded header
 * lines, a bare LF, a header we need missing or repeated, a top Via that is not UDP, carries
 * {@code maddr}, quotes, or a branch without RFC 3261's magic cookie, a CSeq method other than the
 * request's) gives {@link Optional#empty()}, and the request takes the ordinary path through the
 * parser, where it is judged (and refused, if need be) as before.
 *
 * @param method the request's method, as sent
 * @param viaLines the Via header lines, whole ({@code Via: ...} or {@code v: ...}), in order
 * @param topVia the first value of the first Via line
 * @param restOfTopViaLine what follows the top Via value on its line (more values: {@code , ...}), or ""
 * @param from the From header line, whole
 * @param to the To header line, whole
 * @param callId the Call-ID header line, whole
 * @param cseq the CSeq header line, whole
 * @param toTagged whether the To header carries a tag (a request in a dialog)
 * @param branch the top Via's branch, as sent
 * @param sentByHost the top Via's sent-by host
 * @param sentByPort the top Via's sent-by port, or -1 when it names none
 * @param rport whether the top Via asks for the source port (RFC 3581 section 4: {@code rport}
 *     without a value)
 */
public record RawRequest(String method, List<String> viaLines, String topVia, String restOfTopViaLine,
    String from, String to, String callId, String cseq, boolean toTagged, String branch, String sentByHost,
    int sentByPort, boolean rport) {

  /** RFC 3261 section 8.1.1.7: a branch that starts with it identifies the transaction alone. */
  private static final String MAGIC_COOKIE = "z9hg4bk";

  /**
   * The server transaction key JAIN-SIP files this request under (RFC 3261 section 17.2.3: the
   * branch; CANCEL is not read here).
   */
  public String transactionId() {
    return branch.toLowerCase(Locale.ROOT);
  }

  /** Reads a datagram, or empty when it is not a plain request (see the class comment). */
  public static Optional<RawRequest> scan(byte[] data, int offset, int length) {
    // ISO-8859-1 maps bytes to chars one to one: UTF-8 in values is copied back unchanged.
    String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
    int headersEnd = text.indexOf("\r\n\r\n");
    if (headersEnd < 0) {
      return Optional.empty();
    }
    String[] lines = text.substring(0, headersEnd).split("\r\n", -1);
    String method = method(lines[0]);
    if (method == null) {
      return Optional.empty();
    }
    Headers headers = new Headers();
    for (int i = 1; i < lines.length; i++) {
      if (!headers.add(lines[i])) {
        return Optional.empty();
      }
    }
    return headers.complete(method);
  }

  /** The method of a request line {@code METHOD SP Request-URI SP SIP/2.0}, or null. */
  private static String method(String requestLine) {
    if (requestLine.indexOf('\n') >= 0 || !requestLine.endsWith(" SIP/2.0")) {
      return null;
    }
    int space = requestLine.indexOf(' ');
    if (space <= 0) {
      return null;
    }
    for (int i = 0; i < space; i++) {
      if (!Character.isLetter(requestLine.charAt(i))) {
        return null;
      }
    }
    return requestLine.substring(0, space);
  }

  /** The header lines a refusal needs, collected line by line. */
  private static final class Headers {
    private final List<String> vias = new ArrayList<>();
    private String from;
    private String to;
    private String callId;
    private String cseq;
    /** A header that may appear once appeared again: the parser's business (it answers 400). */
    private boolean repeated;

    /** Takes one header line; false when the request is not plain. */
    boolean add(String line) {
      if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.indexOf('\n') >= 0) {
        return false; // folded (RFC 3261 section 7.3.1) or a bare LF: the parser's business
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        return false;
      }
      switch (line.substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
        case "via", "v" -> vias.add(line);
        case "from", "f" -> {
          repeated |= from != null;
          from = line;
        }
        case "to", "t" -> {
          repeated |= to != null;
          to = line;
        }
        case "call-id", "i" -> {
          repeated |= callId != null;
          callId = line;
        }
        case "cseq" -> {
          repeated |= cseq != null;
          cseq = line;
        }
        default -> { }
      }
      return !repeated;
    }

    Optional<RawRequest> complete(String method) {
      if (vias.isEmpty() || from == null || to == null || callId == null || cseq == null
          || !value(cseq).endsWith(" " + method)) {
        return Optional.empty();
      }
      String topLine = vias.get(0);
      String values = value(topLine);
      int comma = values.indexOf(',');
      String top = (comma < 0 ? values : values.substring(0, comma)).trim();
      String rest = comma < 0 ? "" : values.substring(comma);
      return TopVia.read(top).flatMap(via -> toTag(value(to)).map(tagged -> new RawRequest(method, List.copyOf(vias),
          top, rest, from, to, callId, cseq, tagged, via.branch, via.host, via.port, via.rport)));
    }
  }

  /** The value of a header line, trimmed. */
  static String value(String line) {
    return line.substring(line.indexOf(':') + 1).trim();
  }

  /**
   * Whether a To value carries a tag parameter (RFC 3261 section 20.39: the header's parameters
   * follow the {@code >} of a name-addr, or the addr-spec, which cannot hold a semicolon itself).
   * Empty when the value is not plain (quotes in the display name).
   */
  private static Optional<Boolean> toTag(String value) {
    if (value.indexOf('"') >= 0) {
      return Optional.empty();
    }
    int close = value.lastIndexOf('>');
    String params = close >= 0 ? value.substring(close + 1) : value;
    for (String param : params.split(";")) {
      String name = param.split("=", 2)[0].trim();
      if (name.equalsIgnoreCase("tag")) {
        return Optional.of(true);
      }
    }
    return Optional.of(false);
  }

  /** The parts of the top Via that a response's destination depends on (RFC 3261 section 18.2.2). */
  private record TopVia(String host, int port, String branch, boolean rport) {

    static Optional<TopVia> read(String via) {
      if (via.indexOf('"') >= 0) {
        return Optional.empty();
      }
      String[] parts = via.split(";");
      String[] protocolAndSentBy = parts[0].trim().split("\\s+", 2);
      if (protocolAndSentBy.length != 2 || !protocolAndSentBy[0].replace(" ", "").equalsIgnoreCase("SIP/2.0/UDP")) {
        return Optional.empty();
      }
      String sentBy = protocolAndSentBy[1].trim();
      String host = sentBy;
      int port = -1;
      if (sentBy.startsWith("[")) {
        return Optional.empty(); // IPv6 references: the parser's business
      }
      int colon = sentBy.indexOf(':');
      if (colon >= 0) {
        host = sentBy.substring(0, colon).trim();
        try {
          port = Integer.parseInt(sentBy.substring(colon + 1).trim());
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (port < 1 || port > 65_535) {
          return Optional.empty();
        }
      }
      String branch = null;
      boolean rport = false;
      for (int i = 1; i < parts.length; i++) {
        String[] param = parts[i].split("=", 2);
        String name = param[0].trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "branch" -> branch = param.length == 2 ? param[1].trim() : null;
          case "rport" -> rport = param.length == 1;
          case "maddr" -> {
            return Optional.empty();
          }
          default -> { }
        }
      }
      if (host.isEmpty() || branch == null || !branch.toLowerCase(Locale.ROOT).startsWith(MAGIC_COOKIE)
          || branch.length() == MAGIC_COOKIE.length()) {
        return Optional.empty();
      }
      return Optional.of(new TopVia(host, port, branch, rport));
    }
  }
}
