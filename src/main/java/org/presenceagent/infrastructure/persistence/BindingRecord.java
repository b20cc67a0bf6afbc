package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;

/** A stored registration binding (table {@code binding}). */
@Entity
@Table(name = "binding")
@NamedQueries({
  // Loaded once at start-up and copied into the domain: read-only skips EclipseLink's working copies.
  @NamedQuery(name = BindingRecord.ALL, query = "SELECT b FROM BindingRecord b",
      hints = @QueryHint(name = "eclipselink.read-only", value = "true")),
  // Cluster mode: another node changed the address of record's bindings; read them again.
  @NamedQuery(name = BindingRecord.OF_AOR, query = "SELECT b FROM BindingRecord b WHERE b.aor = :aor",
      hints = @QueryHint(name = "eclipselink.read-only", value = "true")),
  @NamedQuery(name = BindingRecord.AORS, query = "SELECT DISTINCT b.aor FROM BindingRecord b"),
  @NamedQuery(name = BindingRecord.DELETE, query = "DELETE FROM BindingRecord b WHERE b.id = :id"),
  // Cluster mode: only the version this node saw, not one another node stored since.
  @NamedQuery(name = BindingRecord.DELETE_SEEN,
      query = "DELETE FROM BindingRecord b WHERE b.id = :id AND b.expiresAt = :expiresAt")
})
public class BindingRecord {

  static final String ALL = "BindingRecord.all";
  static final String OF_AOR = "BindingRecord.ofAor";
  static final String AORS = "BindingRecord.aors";
  static final String DELETE = "BindingRecord.delete";
  static final String DELETE_SEEN = "BindingRecord.deleteSeen";

  @Id
  @Column(name = "id")
  String id;

  @Column(name = "aor")
  String aor;

  @Column(name = "contact")
  String contact;

  @Column(name = "q")
  Double q;

  @Column(name = "instance_id")
  String instanceId;

  @Column(name = "call_id")
  String callId;

  @Column(name = "cseq")
  long cseq;

  @Column(name = "registered_at")
  long registeredAt;

  @Column(name = "expires_at")
  long expiresAt;

  /** For JPA. */
  protected BindingRecord() {}

  BindingRecord(String id) {
    this.id = id;
  }
}
