package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;

/** A stored publication (table {@code publication}). */
@Entity
@Table(name = "publication")
@NamedQueries({
  // Loaded once at start-up and copied into the domain: read-only skips EclipseLink's working copies.
  @NamedQuery(name = PublicationRecord.ALL, query = "SELECT p FROM PublicationRecord p",
      hints = @QueryHint(name = "eclipselink.read-only", value = "true")),
  // Cluster mode: another node changed the presentity's publications; read them again.
  @NamedQuery(name = PublicationRecord.OF_PRESENTITY,
      query = "SELECT p FROM PublicationRecord p WHERE p.presentity = :presentity AND p.event = :event",
      hints = @QueryHint(name = "eclipselink.read-only", value = "true")),
  @NamedQuery(name = PublicationRecord.PRESENTITIES, query = "SELECT DISTINCT p.presentity FROM PublicationRecord p"),
  @NamedQuery(name = PublicationRecord.DELETE, query = "DELETE FROM PublicationRecord p WHERE p.etag = :etag"),
  // A refresh or modification gets a new entity tag: one UPDATE moves the row to it.
  @NamedQuery(name = PublicationRecord.REPLACE, query = "UPDATE PublicationRecord p SET p.etag = :newEtag,"
      + " p.contentType = :contentType, p.body = :body, p.expiresAt = :expiresAt, p.origin = :origin"
      + " WHERE p.etag = :etag")
})
public class PublicationRecord {

  static final String ALL = "PublicationRecord.all";
  static final String OF_PRESENTITY = "PublicationRecord.ofPresentity";
  static final String PRESENTITIES = "PublicationRecord.presentities";
  static final String DELETE = "PublicationRecord.delete";
  static final String REPLACE = "PublicationRecord.replace";

  @Id
  @Column(name = "etag")
  String etag;

  @Column(name = "presentity")
  String presentity;

  @Column(name = "event")
  String event;

  @Column(name = "content_type")
  String contentType;

  @Column(name = "body")
  byte[] body;

  @Column(name = "published_at")
  long publishedAt;

  @Column(name = "expires_at")
  long expiresAt;

  /** The Call-ID and CSeq of the PUBLISH that produced this version (see RequestId). */
  @Column(name = "origin")
  String origin;

  /** For JPA. */
  protected PublicationRecord() {}

  PublicationRecord(String etag) {
    this.etag = etag;
  }
}
