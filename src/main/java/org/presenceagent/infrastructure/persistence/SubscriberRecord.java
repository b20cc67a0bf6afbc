package org.presenceagent.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A user who may authenticate (table {@code subscriber}, as Kamailio's): the AOR and the HA1
 * hashes of the password in one realm, never the password.
 */
@Entity
@Table(name = "subscriber")
@NamedQueries({
  @NamedQuery(name = SubscriberRecord.ALL, query = "SELECT s FROM SubscriberRecord s"),
  @NamedQuery(name = SubscriberRecord.DELETE, query = "DELETE FROM SubscriberRecord s WHERE s.aor = :aor")
})
public class SubscriberRecord {

  static final String ALL = "SubscriberRecord.all";
  static final String DELETE = "SubscriberRecord.delete";

  @Id
  @Column(name = "aor")
  String aor;

  @Column(name = "realm")
  String realm;

  @Column(name = "ha1_md5")
  String ha1Md5;

  @Column(name = "ha1b_md5")
  String ha1bMd5;

  @Column(name = "ha1_sha256")
  String ha1Sha256;

  @Column(name = "ha1b_sha256")
  String ha1bSha256;

  /** For JPA. */
  protected SubscriberRecord() {}

  SubscriberRecord(String aor) {
    this.aor = aor;
  }
}
