package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A stored XCAP document (table {@code xcap_document}), keyed by its path below the XCAP root. */
@Entity
@Table(name = "xcap_document")
@NamedQueries({
  @NamedQuery(name = XcapDocumentRecord.DELETE, query = "DELETE FROM XcapDocumentRecord d WHERE d.path = :path AND d.etag = :etag"),
  @NamedQuery(name = XcapDocumentRecord.REPLACE, query = "UPDATE XcapDocumentRecord d SET d.etag = :etag,"
      + " d.contentType = :contentType, d.body = :body, d.modifiedAt = :modifiedAt WHERE d.path = :path AND d.etag = :expected"),
  @NamedQuery(name = XcapDocumentRecord.COUNT_BY_USER, query = "SELECT COUNT(d) FROM XcapDocumentRecord d WHERE d.xui = :xui")
})
public class XcapDocumentRecord {

  static final String DELETE = "XcapDocumentRecord.delete";
  static final String REPLACE = "XcapDocumentRecord.replace";
  static final String COUNT_BY_USER = "XcapDocumentRecord.countByUser";

  @Id
  @Column(name = "path")
  String path;

  @Column(name = "auid")
  String auid;

  @Column(name = "xui")
  String xui;

  @Column(name = "name")
  String name;

  @Column(name = "etag")
  String etag;

  @Column(name = "content_type")
  String contentType;

  @Column(name = "body")
  byte[] body;

  @Column(name = "modified_at")
  long modifiedAt;

  /** For JPA. */
  protected XcapDocumentRecord() {}

  XcapDocumentRecord(String path) {
    this.path = path;
  }
}
