package org.presenceagent.document;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.AttributesImpl;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * A SAX filter that moves elements and attributes from one namespace to another, on the way in
 * (CPIM-PIDF read as PIDF) or out (PIDF written as CPIM-PIDF). CPIM-PIDF is PIDF under another
 * namespace name (SER's {@code pa} documentation: "differs from PIDF only in namespaces and MIME
 * type name"), so renaming on the event stream lets one set of JAXB classes, one validator and
 * one composer serve both, with no document text touched.
 *
 * <p>As a reader filter it refuses every external entity itself: {@link XMLFilterImpl} would
 * otherwise install itself as the parser's entity resolver and resolve what it does not know.
 */
final class NamespaceRenamer extends XMLFilterImpl {

  private final String from;
  private final String to;

  /** A filter for a content handler (writing). */
  NamespaceRenamer(String from, String to) {
    this.from = from;
    this.to = to;
  }

  /** A filter over a (hardened) reader (reading). */
  NamespaceRenamer(XMLReader parent, String from, String to) {
    super(parent);
    this.from = from;
    this.to = to;
  }

  @Override
  public InputSource resolveEntity(String publicId, String systemId) throws SAXException {
    throw new SAXException("external entity refused: " + systemId);
  }

  @Override
  public void startPrefixMapping(String prefix, String uri) throws SAXException {
    super.startPrefixMapping(prefix, rename(uri));
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
    super.startElement(rename(uri), localName, qName, renamed(atts));
  }

  @Override
  public void endElement(String uri, String localName, String qName) throws SAXException {
    super.endElement(rename(uri), localName, qName);
  }

  private Attributes renamed(Attributes atts) {
    AttributesImpl copy = new AttributesImpl(atts);
    for (int i = 0; i < copy.getLength(); i++) {
      copy.setURI(i, rename(copy.getURI(i)));
      // Namespace declarations show up as attributes when the parser reports them that way.
      if (copy.getQName(i).equals("xmlns") || copy.getQName(i).startsWith("xmlns:")) {
        copy.setValue(i, rename(copy.getValue(i)));
      }
    }
    return copy;
  }

  private String rename(String uri) {
    return from.equals(uri) ? to : uri;
  }
}
