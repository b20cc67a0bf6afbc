package org.presenceagent.application.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of IP addresses and CIDR ranges ({@code 10.0.0.5}, {@code 192.0.2.0/24},
 * {@code 2001:db8::/32}): the proxies trusted to authenticate users for us (RFC 3325 section 2,
 * the "trust domain"). Only literal addresses: a host name would make trust depend on DNS.
 */
public final class AddressRanges {

  /** No address at all. */
  public static final AddressRanges NONE = new AddressRanges(List.of(), "");

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = prefix / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private final List<Range> ranges;
  private final String text;

  private AddressRanges(List<Range> ranges, String text) {
    this.ranges = List.copyOf(ranges);
    this.text = text;
  }

  /**
   * Parses a comma-separated list.
   *
   * @throws IllegalArgumentException naming the entry that is not an address or range
   */
  public static AddressRanges parse(String list) {
    List<Range> ranges = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (String raw : list.split(",")) {
      String entry = raw.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash), entry);
      int prefix = address.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > address.length * 8) {
          throw new IllegalArgumentException("'" + entry + "' has an invalid prefix length");
        }
      }
      ranges.add(new Range(address, prefix));
      entries.add(entry);
    }
    return new AddressRanges(ranges, String.join(", ", entries));
  }

  private static byte[] literal(String address, String entry) {
    String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
    // Only IPv4 dotted quads and IPv6 (with a colon) are literals; anything else would be looked up in DNS.
    if (!bare.contains(":") && !bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
    }
    try {
      return InetAddress.getByName(bare).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
    }
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether a remote address (a literal, as the transport reports it) is in one of the ranges. */
  public boolean contains(String remoteAddress) {
    if (ranges.isEmpty() || remoteAddress == null) {
      return false;
    }
    byte[] address;
    try {
      address = literal(remoteAddress, remoteAddress);
    } catch (IllegalArgumentException e) {
      return false;
    }
    for (Range range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }
}
