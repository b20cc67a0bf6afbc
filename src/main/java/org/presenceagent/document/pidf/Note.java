package org.presenceagent.document.pidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.Objects;
import javax.xml.XMLConstants;

/** A human-readable comment in some language (RFC 3863 section 4.1.6, {@code <note>}). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "note")
public class Note {

  @XmlValue private String text;

  @XmlAttribute(name = "lang", namespace = XMLConstants.XML_NS_URI)
  private String lang;

  /** For JAXB. */
  protected Note() {}

  public Note(String text, String lang) {
    this.text = text;
    this.lang = lang;
  }

  public String getText() {
    return text;
  }

  /** The {@code xml:lang} of the note, or null when it has none. */
  public String getLang() {
    return lang;
  }

  /** Equal when text and language are equal: used to drop repeated notes when composing. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Note note
        && Objects.equals(note.text, text)
        && Objects.equals(note.lang, lang);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, lang);
  }
}
