package org.presenceagent.document;

import org.presenceagent.document.pidf.Contact;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Tuple;
import org.presenceagent.document.xpidf.Address;
import org.presenceagent.document.xpidf.Atom;
import org.presenceagent.document.xpidf.Msnsubstatus;
import org.presenceagent.document.xpidf.Presentity;
import org.presenceagent.document.xpidf.Status;
import org.presenceagent.document.xpidf.XpidfPresence;
import org.presenceagent.domain.shared.Aor;

/**
 * Composed PIDF to XPIDF as Windows Messenger 4.7 reads it: one {@code <atom>} per tuple (same
 * id), its contact as {@code <address>}, and the tuple's {@link Availability} as {@code
 * <status>} plus {@code <msnsubstatus>}. Notes, timestamps and extensions have no place in XPIDF
 * and are dropped (see {@code docs/document-formats.md}).
 */
final class XpidfMapper {

  /** SER's {@code pa} sent this priority for every address; Messenger expects one. */
  static final String DEFAULT_PRIORITY = "0.8";

  private XpidfMapper() {}

  static XpidfPresence toXpidf(Aor presentity, Presence composed) {
    // The ";method=SUBSCRIBE" parameter is how the draft (and SER) say "subscribe to this URI".
    Presentity subscribeTo = new Presentity();
    subscribeTo.setUri(presentity.uri() + ";method=SUBSCRIBE");
    XpidfPresence xpidf = new XpidfPresence();
    xpidf.setPresentity(subscribeTo);
    for (Tuple tuple : composed.getTuples()) {
      Availability availability = Availability.of(tuple, composed.getExtensions());
      xpidf.getAtoms().add(atom(tuple.getId(), address(presentity, tuple, availability)));
    }
    if (xpidf.getAtoms().isEmpty()) { // a person-only document: nothing to reach
      xpidf.getAtoms().add(atom(PidfComposer.OFFLINE_TUPLE_ID, address(presentity, null, Availability.OFFLINE)));
    }
    return xpidf;
  }

  private static Atom atom(String id, Address address) {
    Atom atom = new Atom();
    atom.setId(id);
    atom.getAddresses().add(address);
    return atom;
  }

  private static Address address(Aor presentity, Tuple tuple, Availability availability) {
    Contact contact = tuple == null ? null : tuple.getContact();
    String uri = contact == null || contact.getValue() == null || contact.getValue().isBlank()
        ? presentity.uri() : contact.getValue().trim();
    String priority = contact == null || contact.getPriority() == null ? DEFAULT_PRIORITY : contact.getPriority().trim();
    Status status = new Status();
    status.setStatus(status(availability));
    Msnsubstatus substatus = new Msnsubstatus();
    substatus.setSubstatus(substatus(availability));
    Address address = new Address();
    address.setUri(uri);
    address.setPriority(priority);
    address.setStatus(status);
    address.setMsnsubstatus(substatus);
    return address;
  }

  static String status(Availability availability) {
    return switch (availability) {
      case OFFLINE -> "closed";
      case ONLINE -> "open";
      case AWAY, BE_RIGHT_BACK, OUT_TO_LUNCH -> "inactive";
      case BUSY, ON_THE_PHONE -> "inuse";
    };
  }

  static String substatus(Availability availability) {
    return switch (availability) {
      case OFFLINE -> "offline";
      case ONLINE -> "online";
      case AWAY -> "away";
      case BE_RIGHT_BACK -> "berightback";
      case OUT_TO_LUNCH -> "outtolunch";
      case BUSY -> "busy";
      case ON_THE_PHONE -> "onthephone";
    };
  }
}
