package org.presenceagent.document;

import java.util.regex.Pattern;

/**
 * XML names without colons ({@code NCName}, Namespaces in XML 1.0 section 3, on the name
 * characters of XML 1.0 fifth edition section 2.3): what an {@code xs:ID} such as a PIDF tuple id
 * must be. The JDK has no public check for it.
 */
final class XmlNames {

  private static final String START_CHARS = "A-Z_a-z\\x{C0}-\\x{D6}\\x{D8}-\\x{F6}\\x{F8}-\\x{2FF}"
      + "\\x{370}-\\x{37D}\\x{37F}-\\x{1FFF}\\x{200C}-\\x{200D}\\x{2070}-\\x{218F}\\x{2C00}-\\x{2FEF}"
      + "\\x{3001}-\\x{D7FF}\\x{F900}-\\x{FDCF}\\x{FDF0}-\\x{FFFD}\\x{10000}-\\x{EFFFF}";
  private static final String NAME_CHARS = START_CHARS + "\\-.0-9\\x{B7}\\x{300}-\\x{36F}\\x{203F}-\\x{2040}";
  private static final Pattern NC_NAME = Pattern.compile("[" + START_CHARS + "][" + NAME_CHARS + "]*");
  private static final Pattern NOT_A_NAME_CHAR = Pattern.compile("[^" + NAME_CHARS + "]");
  private static final Pattern START_CHAR = Pattern.compile("[" + START_CHARS + "]");
  /** Put in front of a text that cannot start a name, as in the {@code t1} ids of RFC 3863's examples. */
  private static final String PREFIX = "t";

  private XmlNames() {}

  static boolean isNcName(String text) {
    return text != null && NC_NAME.matcher(text).matches();
  }

  /**
   * The name closest to {@code text}: each character a name may not hold becomes {@code _}, and
   * {@code t} goes in front when the first one cannot start a name ({@code 32} becomes {@code t32}).
   */
  static String nearestNcName(String text) {
    String chars = NOT_A_NAME_CHAR.matcher(text).replaceAll("_");
    boolean startsWell = !chars.isEmpty() && START_CHAR.matcher(chars.substring(0, chars.offsetByCodePoints(0, 1))).matches();
    return startsWell ? chars : PREFIX + chars;
  }
}
