package org.presenceagent.domain.auth;

/**
 * What a watcher may see of the presence document (RFC 5025 section 3.3): the {@code
 * provide-devices}, {@code provide-persons} and {@code provide-services} elements with their
 * {@code all-*} child, and {@code provide-all-attributes}. Only the "all" forms are modelled; a
 * permission given by any matching rule is given (RFC 4745 section 10.2 combines these boolean
 * permissions with OR).
 */
public record Transformations(boolean allDevices, boolean allPersons, boolean allServices, boolean allAttributes) {

  /** Nothing granted: the value when no matching rule gives a transformation. */
  public static final Transformations NONE = new Transformations(false, false, false, false);

  /** Everything granted. */
  public static final Transformations ALL = new Transformations(true, true, true, true);

  /** The union of both grants. */
  public Transformations combine(Transformations other) {
    return new Transformations(
        allDevices || other.allDevices,
        allPersons || other.allPersons,
        allServices || other.allServices,
        allAttributes || other.allAttributes);
  }
}
