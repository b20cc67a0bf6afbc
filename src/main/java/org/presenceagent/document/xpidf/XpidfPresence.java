package org.presenceagent.document.xpidf;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The root {@code <presence>}: the presentity and one atom per device or contact. */
@XmlRootElement(name = "presence")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "xpidfPresence", propOrder = {"presentity", "atoms"})
public class XpidfPresence {

  /** The media type (draft-rosenberg-impp-pidf-00). */
  public static final String CONTENT_TYPE = "application/xpidf+xml";

  @XmlElement(name = "presentity", required = true)
  private Presentity presentity;

  @XmlElement(name = "atom")
  private List<Atom> atoms = new ArrayList<>();

  /** For JAXB. */
  protected XpidfPresence() {}

  public XpidfPresence(Presentity presentity) {
    this.presentity = presentity;
  }

  public Presentity getPresentity() {
    return presentity;
  }

  public List<Atom> getAtoms() {
    return atoms;
  }
}
