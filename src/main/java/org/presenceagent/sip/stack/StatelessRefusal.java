package org.presenceagent.sip.stack;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * A {@code 503 Service Unavailable} written from a request's raw lines ({@link RawRequest}),
 * without the stack's parser or message objects, for refusing requests under overload at the
 * cost of a copy (RFC 7339 section 1).
 *
 * <p>What RFC 3261 asks of a stateless response is kept: the Via, From, Call-ID and CSeq lines
 * copied in order, a To tag added (section 8.2.6.2), {@code received} added to the top Via when
 * its sent-by is not the packet's source address, and {@code rport} filled in (section 18.2.1,
 * RFC 3581 section 4); it goes to the source address, at the sent-by port (5060 when none), or at
 * the source port when the client asked for {@code rport} (section 18.2.2).
 */
final class StatelessRefusal {

  private static final int DEFAULT_PORT = 5060;

  private StatelessRefusal() {}

  /** The response's bytes. */
  static byte[] encode(RawRequest request, InetAddress source, int sourcePort, String reasonPhrase,
      int retryAfterSeconds, String toTag) {
    StringBuilder response = new StringBuilder(512).append("SIP/2.0 503 ").append(reasonPhrase).append("\r\n");
    String topLine = request.viaLines().get(0);
    response.append(topLine, 0, topLine.indexOf(':')).append(": ")
        .append(topVia(request, source, sourcePort)).append(request.restOfTopViaLine()).append("\r\n");
    for (String via : request.viaLines().subList(1, request.viaLines().size())) {
      response.append(via).append("\r\n");
    }
    response.append(request.from()).append("\r\n").append(request.to().stripTrailing());
    if (!request.toTagged()) {
      response.append(";tag=").append(toTag);
    }
    response.append("\r\n").append(request.callId()).append("\r\n").append(request.cseq()).append("\r\n")
        .append("Retry-After: ").append(retryAfterSeconds).append("\r\n")
        .append("Content-Length: 0\r\n\r\n");
    return response.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Where the response goes: the source address, at this port (RFC 3261 section 18.2.2, RFC 3581 section 4). */
  static int destinationPort(RawRequest request, int sourcePort) {
    return request.rport() ? sourcePort : request.sentByPort() > 0 ? request.sentByPort() : DEFAULT_PORT;
  }

  /** The top Via value with {@code received} and {@code rport} as the server must set them. */
  private static String topVia(RawRequest request, InetAddress source, int sourcePort) {
    String address = source.getHostAddress();
    StringJoiner via = new StringJoiner(";");
    for (String part : request.topVia().split(";")) {
      String name = part.split("=", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (name.equals("received")) {
        continue; // a client's own received parameter is not ours to keep
      }
      via.add(name.equals("rport") && request.rport() ? "rport=" + sourcePort : part);
    }
    if (request.rport() || !request.sentByHost().equals(address)) {
      via.add("received=" + address);
    }
    return via.toString();
  }
}
