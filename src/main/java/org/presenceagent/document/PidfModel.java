package org.presenceagent.document;

import jakarta.xml.bind.JAXBElement;
import org.presenceagent.document.pidf.Contact;
import org.presenceagent.document.pidf.Note;
import org.presenceagent.document.pidf.ObjectFactory;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.document.pidf.Status;
import org.presenceagent.document.pidf.Tuple;

/**
 * Building blocks for the PIDF model. The classes generated from {@code pidf.xsd} have only
 * no-argument constructors and setters; these factories keep the code that builds documents
 * (composition, registrations) short and say which parts a valid document needs.
 */
final class PidfModel {

  private static final ObjectFactory FACTORY = new ObjectFactory();

  private PidfModel() {}

  static Presence presence(String entity) {
    Presence presence = new Presence();
    presence.setEntity(entity);
    return presence;
  }

  /** A tuple with a status whose {@code <basic>} is {@code basic} (open or closed). */
  static Tuple tuple(String id, String basic) {
    Status status = new Status();
    status.setBasic(basic);
    Tuple tuple = new Tuple();
    tuple.setId(id);
    tuple.setStatus(status);
    return tuple;
  }

  /** @param priority the priority as written, or null for none */
  static Contact contact(String uri, String priority) {
    Contact contact = new Contact();
    contact.setValue(uri);
    contact.setPriority(priority);
    return contact;
  }

  /**
   * The same tuple under another id, for composition where two publications used one id. The
   * parts are shared, not copied: parsed documents are never modified after validation.
   */
  static Tuple withId(Tuple tuple, String newId) {
    Tuple copy = new Tuple();
    copy.setId(newId);
    copy.setStatus(tuple.getStatus());
    copy.getExtensions().addAll(tuple.getExtensions());
    copy.setContact(tuple.getContact());
    copy.getNotes().addAll(tuple.getNotes());
    copy.setTimestamp(tuple.getTimestamp());
    return copy;
  }

  /**
   * The root element for marshalling: {@code presence} has a named type in RFC 3863, so XJC puts
   * the element on the ObjectFactory rather than an {@code @XmlRootElement} on the class.
   */
  static JAXBElement<Presence> root(Presence presence) {
    return FACTORY.createPresence(presence);
  }

  /** Text and language: what makes two notes the same note when composing. */
  record NoteKey(String text, String lang) {

    static NoteKey of(Note note) {
      return new NoteKey(note.getValue(), note.getLang());
    }
  }
}
