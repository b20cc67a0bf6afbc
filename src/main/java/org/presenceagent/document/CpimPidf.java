package org.presenceagent.document;

/**
 * Names of CPIM-PIDF, the last pre-RFC 3863 draft of PIDF (draft-ietf-impp-cpim-pidf-05): the
 * same elements in another namespace, under another media type.
 */
final class CpimPidf {

  static final String NAMESPACE = "urn:ietf:params:xml:ns:cpim-pidf";

  static final String CONTENT_TYPE = "application/cpim-pidf+xml";

  private CpimPidf() {}
}
