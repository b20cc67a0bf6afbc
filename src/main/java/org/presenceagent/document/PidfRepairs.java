package org.presenceagent.document;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import org.presenceagent.document.pidf.Contact;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Status;
import org.presenceagent.document.pidf.Tuple;
import org.w3c.dom.Element;

/**
 * The lenient reading of published PIDF: repairs, in place, the {@link Deviation}s real clients
 * are known to publish, in a model that {@link PidfValidator} has already accepted as recognisably
 * PIDF. Only optional values and labels are touched, each in the one way its {@link Deviation}
 * describes; everything else in the document is left as it came.
 */
final class PidfRepairs {

  private static final int MAX_ECHOED_LENGTH = 40;
  private static final String ID = "id";

  private PidfRepairs() {}

  /** One deviation found and repaired, with what the publisher sent (for the DEBUG log). */
  record Repair(Deviation deviation, String tupleId, String published) {

    @Override
    public String toString() {
      return deviation.tag() + " in tuple " + echo(tupleId) + ": \"" + echo(published) + "\" " + deviation.repair();
    }
  }

  /** @return the repairs made, in document order; empty when the document needed none */
  static List<Repair> repair(Presence presence) {
    List<Repair> repairs = new ArrayList<>();
    Set<String> ids = idsIn(presence);
    for (Tuple tuple : presence.getTuples()) {
      repairBasic(tuple, repairs);
      repairPriority(tuple, repairs);
      repairTimestamp(tuple, repairs);
      repairId(tuple, ids, repairs);
    }
    return repairs;
  }

  private static void repairBasic(Tuple tuple, List<Repair> repairs) {
    Status status = tuple.getStatus();
    String basic = status.getBasic();
    if (basic == null || basic.equals(Pidf.OPEN) || basic.equals(Pidf.CLOSED)) {
      return;
    }
    String meant = basic.trim().toLowerCase(Locale.ROOT);
    boolean known = meant.equals(Pidf.OPEN) || meant.equals(Pidf.CLOSED);
    status.setBasic(known ? meant : null);
    repairs.add(new Repair(known ? Deviation.BASIC_SPELLING : Deviation.BASIC_UNKNOWN, tuple.getId(), basic));
  }

  private static void repairPriority(Tuple tuple, List<Repair> repairs) {
    Contact contact = tuple.getContact();
    String priority = contact == null ? null : contact.getPriority();
    if (priority != null && !isQvalue(priority)) {
      contact.setPriority(null);
      repairs.add(new Repair(Deviation.PRIORITY_INVALID, tuple.getId(), priority));
    }
  }

  // RFC 3863's qvalue is a decimal from 0 to 1; surrounding white space has always been read as meant.
  private static boolean isQvalue(String text) {
    try {
      BigDecimal value = new BigDecimal(text.trim());
      return value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void repairTimestamp(Tuple tuple, List<Repair> repairs) {
    String timestamp = tuple.getTimestamp();
    if (timestamp != null && !isDateTime(timestamp)) {
      tuple.setTimestamp(null);
      repairs.add(new Repair(Deviation.TIMESTAMP_INVALID, tuple.getId(), timestamp));
    }
  }

  private static boolean isDateTime(String text) {
    try {
      return DatatypeConstants.DATETIME.equals(
          DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(text.trim()).getXMLSchemaType());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  private static void repairId(Tuple tuple, Set<String> ids, List<Repair> repairs) {
    String id = tuple.getId();
    if (XmlNames.isNcName(id)) {
      return;
    }
    String base = XmlNames.nearestNcName(id);
    String renamed = base;
    for (int suffix = 2; ids.contains(renamed); suffix++) {
      renamed = base + "-" + suffix;
    }
    ids.add(renamed);
    tuple.setId(renamed);
    repairs.add(new Repair(Deviation.TUPLE_ID_NOT_A_NAME, renamed, id));
  }

  // Tuple ids share the xs:ID space with the ids of RFC 4479 persons and devices.
  private static Set<String> idsIn(Presence presence) {
    Set<String> ids = new HashSet<>();
    presence.getTuples().forEach(tuple -> ids.add(tuple.getId()));
    for (Element extension : presence.getExtensions()) {
      if (extension.hasAttribute(ID)) {
        ids.add(extension.getAttribute(ID));
      }
    }
    return ids;
  }

  /** Publisher-supplied text in a log line: bounded and without control characters. */
  private static String echo(String text) {
    String clean = String.valueOf(text).replaceAll("\\p{Cntrl}", "?");
    return clean.length() <= MAX_ECHOED_LENGTH ? clean : clean.substring(0, MAX_ECHOED_LENGTH) + "...";
  }
}
