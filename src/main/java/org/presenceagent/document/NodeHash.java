package org.presenceagent.document;

import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A hash of a DOM node consistent with {@link Node#isEqualNode}: equal nodes (same type, names,
 * namespace, value, attributes in any order, children in order) hash alike, so that duplicates
 * among many extension elements are found with a map instead of comparing each with every other.
 * Recursive; the depth is bounded by {@link SecureXml}'s element-depth limit.
 */
final class NodeHash {

  private NodeHash() {}

  static int of(Node node) {
    int hash = node.getNodeType();
    hash = 31 * hash + hash(node.getNamespaceURI());
    hash = 31 * hash + hash(node.getLocalName() != null ? node.getLocalName() : node.getNodeName());
    hash = 31 * hash + hash(node.getNodeValue());
    NamedNodeMap attributes = node.getAttributes();
    if (attributes != null) {
      int attributeHash = 0; // a sum: isEqualNode ignores the attributes' order
      for (int i = 0; i < attributes.getLength(); i++) {
        attributeHash += of((Attr) attributes.item(i));
      }
      hash = 31 * hash + attributeHash;
    }
    for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
      hash = 31 * hash + of(child);
    }
    return hash;
  }

  private static int hash(String text) {
    return text == null ? 0 : text.hashCode();
  }
}
