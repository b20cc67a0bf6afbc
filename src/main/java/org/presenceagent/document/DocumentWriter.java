package org.presenceagent.document;

import jakarta.xml.bind.JAXBException;
import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.sax.SAXTransformerFactory;
import javax.xml.transform.sax.TransformerHandler;
import javax.xml.transform.stream.StreamResult;
import org.presenceagent.document.lpidf.LpidfDocument;
import org.presenceagent.document.pidf.Presence;
import org.presenceagent.domain.shared.Aor;

/**
 * Writes a composed presence document in one of the NOTIFY formats. Each constant names its
 * media type and turns the composed PIDF model into bytes through typed objects only.
 */
enum DocumentWriter {
  PIDF(Pidf.CONTENT_TYPE) {
    @Override
    byte[] write(Aor presentity, Presence composed) {
      return marshal(PidfModel.root(composed));
    }
  },
  CPIM_PIDF(CpimPidf.CONTENT_TYPE) {
    @Override
    byte[] write(Aor presentity, Presence composed) {
      return marshalRenamed(PidfModel.root(composed), Pidf.NAMESPACE, CpimPidf.NAMESPACE);
    }
  },
  XPIDF(Xpidf.CONTENT_TYPE) {
    @Override
    byte[] write(Aor presentity, Presence composed) {
      return marshal(XpidfMapper.toXpidf(presentity, composed));
    }
  },
  LPIDF(LpidfDocument.CONTENT_TYPE) {
    @Override
    byte[] write(Aor presentity, Presence composed) {
      return LpidfMapper.toLpidf(presentity, composed).encode();
    }
  };

  private final String contentType;

  DocumentWriter(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  abstract byte[] write(Aor presentity, Presence composed);

  /** The writer for a media type (compared without parameters, case-insensitively), or null. */
  static DocumentWriter forType(String contentType) {
    for (DocumentWriter writer : values()) {
      if (MediaTypes.sameType(contentType, writer.contentType)) {
        return writer;
      }
    }
    return null;
  }

  /**
   * A publication's model, repaired by the lenient reading, written back in the format it was
   * published in (PIDF, or CPIM-PIDF under its own namespace): what is stored and forwarded instead
   * of the bytes that held the deviation.
   */
  static byte[] republished(String contentType, Presence model) {
    return MediaTypes.sameType(contentType, CpimPidf.CONTENT_TYPE)
        ? marshalRenamed(PidfModel.root(model), Pidf.NAMESPACE, CpimPidf.NAMESPACE)
        : marshal(PidfModel.root(model));
  }

  private static byte[] marshal(Object root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XmlBinding.newMarshaller(root).marshal(root, out);
    } catch (JAXBException e) {
      // The model was built by us from validated documents: failing here is a bug, not bad input.
      throw new IllegalStateException("cannot write the presence document", e);
    }
    return out.toByteArray();
  }

  // JAXB emits SAX events, the renamer moves the namespace, an identity transformer writes text:
  // no string handling of XML anywhere on the way.
  private static byte[] marshalRenamed(Object root, String from, String to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      SAXTransformerFactory factory = (SAXTransformerFactory) SAXTransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      TransformerHandler serializer = factory.newTransformerHandler();
      serializer.getTransformer().setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      serializer.getTransformer().setOutputProperty(OutputKeys.INDENT, "no");
      serializer.setResult(new StreamResult(out));
      NamespaceRenamer renamer = new NamespaceRenamer(from, to);
      renamer.setContentHandler(serializer);
      XmlBinding.newMarshaller(root).marshal(root, renamer);
    } catch (JAXBException | TransformerConfigurationException e) {
      throw new IllegalStateException("cannot write the presence document", e);
    }
    return out.toByteArray();
  }
}
