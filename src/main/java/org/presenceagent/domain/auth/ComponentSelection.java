package org.presenceagent.domain.auth;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which data components of one kind (RFC 4479 persons, devices or services) a watcher may see:
 * the content of one {@code provide-persons}, {@code provide-devices} or {@code provide-services}
 * element (RFC 5025 section 3.3.1). Either all of them ({@code all-*}), or those that one of the
 * selectors names: the component's {@code <class>} (RFC 4480 section 3.1), its {@code id}
 * ({@code occurrence-id}), and for devices its {@code <deviceID>}, for services the URI of their
 * {@code <contact>} or that URI's scheme. Combining two selections unites them (RFC 4745 section
 * 10.2, set-valued permissions).
 *
 * @param serviceUriSchemes lower-case schemes, without the colon
 */
public record ComponentSelection(
    boolean all,
    Set<String> classes,
    Set<String> occurrenceIds,
    Set<String> deviceIds,
    Set<String> serviceUris,
    Set<String> serviceUriSchemes) {

  /** No component of this kind. */
  public static final ComponentSelection NONE = new ComponentSelection(false, Set.of(), Set.of(), Set.of(), Set.of(),
      Set.of());

  /** Every component of this kind. */
  public static final ComponentSelection ALL = new ComponentSelection(true, Set.of(), Set.of(), Set.of(), Set.of(),
      Set.of());

  public ComponentSelection {
    classes = Set.copyOf(classes);
    occurrenceIds = Set.copyOf(occurrenceIds);
    deviceIds = Set.copyOf(deviceIds);
    serviceUris = Set.copyOf(serviceUris);
    serviceUriSchemes = serviceUriSchemes.stream().map(scheme -> scheme.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether nothing at all is selected. */
  public boolean isEmpty() {
    return !all && classes.isEmpty() && occurrenceIds.isEmpty() && deviceIds.isEmpty() && serviceUris.isEmpty()
        && serviceUriSchemes.isEmpty();
  }

  /** The union of both selections. */
  public ComponentSelection combine(ComponentSelection other) {
    if (all || other.all) {
      return ALL;
    }
    return new ComponentSelection(false, union(classes, other.classes), union(occurrenceIds, other.occurrenceIds),
        union(deviceIds, other.deviceIds), union(serviceUris, other.serviceUris),
        union(serviceUriSchemes, other.serviceUriSchemes));
  }

  /**
   * Whether a component is selected; each argument is empty when the component has no such value.
   *
   * @param componentClasses the values of its {@code <class>} elements
   * @param contactUri for services, the URI of the tuple's {@code <contact>}
   */
  public boolean selects(Set<String> componentClasses, Optional<String> id, Optional<String> deviceId,
      Optional<String> contactUri) {
    if (all) {
      return true;
    }
    return componentClasses.stream().anyMatch(classes::contains)
        || id.filter(occurrenceIds::contains).isPresent()
        || deviceId.filter(deviceIds::contains).isPresent()
        || contactUri.filter(serviceUris::contains).isPresent()
        || contactUri.flatMap(ComponentSelection::scheme).filter(serviceUriSchemes::contains).isPresent();
  }

  private static Optional<String> scheme(String uri) {
    int colon = uri.indexOf(':');
    return colon <= 0 ? Optional.empty() : Optional.of(uri.substring(0, colon).trim().toLowerCase(Locale.ROOT));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return union;
  }
}
