package org.presenceagent.it;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends hand-written SIP datagrams, for input no SIP library would produce (malformed headers).
 * Returns the first response line, or null when nothing came back.
 */
final class RawSip {

  private RawSip() {}

  static String exchange(int serverPort, String message) throws Exception {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(3000);
      String text = message.replace("LOCALPORT", Integer.toString(socket.getLocalPort()));
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), serverPort));
      byte[] buffer = new byte[65536];
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        while (true) {
          socket.receive(packet);
          String response = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
          if (response.startsWith("SIP/2.0 1")) {
            continue; // provisional
          }
          return response.substring(0, response.indexOf("\r\n"));
        }
      } catch (SocketTimeoutException e) {
        return null;
      }
    }
  }

  /** A SUBSCRIBE with one header line replaced (or added when {@code header} is not in it). */
  static String subscribe(String header, String value) {
    String[] lines = {
      "SUBSCRIBE sip:raw@example.com SIP/2.0",
      "Via: SIP/2.0/UDP 127.0.0.1:LOCALPORT;branch=z9hG4bK-raw-" + System.nanoTime(),
      "Max-Forwards: 70",
      "From: <sip:watcher@example.com>;tag=raw1",
      "To: <sip:raw@example.com>",
      "Call-ID: raw-" + System.nanoTime() + "@test",
      "CSeq: 1 SUBSCRIBE",
      "Contact: <sip:watcher@127.0.0.1:LOCALPORT>",
      "Event: presence",
      "Expires: 60",
      "Content-Length: 0"
    };
    StringBuilder message = new StringBuilder();
    boolean replaced = false;
    for (String line : lines) {
      if (line.startsWith(header + ":")) {
        message.append(header).append(": ").append(value).append("\r\n");
        replaced = true;
      } else {
        message.append(line).append("\r\n");
      }
    }
    if (!replaced) {
      message.append(header).append(": ").append(value).append("\r\n");
    }
    return message.append("\r\n").toString();
  }
}
