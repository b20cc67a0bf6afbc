package org.presenceagent.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The context parameters of the packaged {@code sip.xml}, so that the launcher validates and
 * shows exactly the settings the application will run with (sip.xml values under the command
 * line's overrides).
 */
final class DeployedParams {

  private static final String SIP_XML = "presence-agent-webapp/WEB-INF/sip.xml";

  private DeployedParams() {}

  static Map<String, String> read() {
    try (InputStream in = DeployedParams.class.getClassLoader().getResourceAsStream(SIP_XML)) {
      if (in == null) {
        throw new IllegalStateException(SIP_XML + " is missing from the class path");
      }
      Document document = builder().parse(in);
      Map<String, String> params = new LinkedHashMap<>();
      NodeList entries = document.getElementsByTagNameNS("*", "context-param");
      for (int i = 0; i < entries.getLength(); i++) {
        Element entry = (Element) entries.item(i);
        params.put(text(entry, "param-name"), text(entry, "param-value"));
      }
      return params;
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot read " + SIP_XML + ": " + e.getMessage(), e);
    }
  }

  private static DocumentBuilder builder() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder();
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS("*", name);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
  }
}
