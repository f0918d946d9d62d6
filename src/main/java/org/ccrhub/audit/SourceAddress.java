package org.ccrhub.audit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A source address as people write it. Java gives IPv6 addresses in full ({@code 0:0:0:0:0:0:0:1})
 * and an IPv4 client of an IPv6 socket as an IPv4-mapped address ({@code ::ffff:192.0.2.7}). Shown:
 * an IPv4 address as it is ({@code 192.0.2.7}, also when mapped); the loopback, this machine
 * itself, as {@code 127.0.0.1} whichever protocol reached it; any other IPv6 address in its short
 * form ({@code 2001:db8::1}, RFC 5952). Anything that is not an address is shown as it is.
 */
public final class SourceAddress {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%[\\w.-]+)?");

  private SourceAddress() {}

  public static String display(@Nullable String address) {
    if (address == null || address.isBlank()) {
      return "";
    }
    String text = address.strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    // only literal addresses: never look a name up
    if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
      return address.strip();
    }
    InetAddress parsed;
    try {
      parsed = InetAddress.getByName(text.replaceFirst("%.*$", ""));
    } catch (UnknownHostException | SecurityException e) {
      return address.strip();
    }
    if (parsed.isLoopbackAddress()) {
      return "127.0.0.1";
    }
    if (parsed instanceof Inet4Address) {
      // also what InetAddress makes of an IPv4-mapped IPv6 address
      return parsed.getHostAddress();
    }
    if (parsed instanceof Inet6Address v6) {
      return shortForm(v6.getAddress());
    }
    return address.strip();
  }

  /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
  static String shortForm(byte[] bytes) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    if (bestLength < 2) {
      bestStart = -1;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
