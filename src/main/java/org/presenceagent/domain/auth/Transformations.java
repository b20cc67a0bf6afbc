package org.presenceagent.domain.auth;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a watcher may see of the presence document (RFC 5025 section 3.3): which persons, devices
 * and services ({@code provide-persons}, {@code provide-devices}, {@code provide-services}) and
 * which of their attributes ({@code provide-activities} ... {@code provide-note}, {@code
 * provide-user-input}, {@code provide-unknown-attribute}, or all of them with {@code
 * provide-all-attributes}). Anything not granted is not shown. Combining the transformations of
 * all matching rules (RFC 4745 section 10.2) unites the boolean and set permissions and keeps the
 * most permissive user-input level.
 *
 * <p>A record, so that watchers with the same view share one composed body.
 */
public record Transformations(
    ComponentSelection persons,
    ComponentSelection devices,
    ComponentSelection services,
    boolean allAttributes,
    Set<PresenceAttribute> attributes,
    UserInputLevel userInput,
    Set<UnknownAttribute> unknownAttributes) {

  /** Nothing granted: the value when no matching rule gives a transformation. */
  public static final Transformations NONE = new Transformations(ComponentSelection.NONE, ComponentSelection.NONE,
      ComponentSelection.NONE, false, Set.of(), UserInputLevel.FALSE, Set.of());

  /** Everything granted: the document as composed. */
  public static final Transformations ALL = new Transformations(ComponentSelection.ALL, ComponentSelection.ALL,
      ComponentSelection.ALL, true, Set.of(), UserInputLevel.FULL, Set.of());

  public Transformations {
    Objects.requireNonNull(persons, "persons");
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(services, "services");
    Objects.requireNonNull(userInput, "userInput");
    attributes = attributes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(attributes));
    unknownAttributes = Set.copyOf(unknownAttributes);
    if (allAttributes) {
      // provide-all-attributes covers every attribute: one canonical form, so equal views are equal.
      attributes = Set.of();
      userInput = UserInputLevel.FULL;
      unknownAttributes = Set.of();
    }
  }

  /** The union of both grants. */
  public Transformations combine(Transformations other) {
    Set<PresenceAttribute> bothAttributes = new HashSet<>(attributes);
    bothAttributes.addAll(other.attributes);
    Set<UnknownAttribute> bothUnknown = new HashSet<>(unknownAttributes);
    bothUnknown.addAll(other.unknownAttributes);
    return new Transformations(
        persons.combine(other.persons),
        devices.combine(other.devices),
        services.combine(other.services),
        allAttributes || other.allAttributes,
        bothAttributes,
        userInput.mostPermissive(other.userInput),
        bothUnknown);
  }

  /** Whether the whole document is shown unchanged: the cheap path, no filtering needed. */
  public boolean showsEverything() {
    return persons.all() && devices.all() && services.all() && allAttributes;
  }

  /** Whether no {@code provide-*} permission at all is granted. */
  public boolean grantsNothing() {
    return equals(NONE);
  }

  /** Whether an attribute is shown. */
  public boolean shows(PresenceAttribute attribute) {
    return allAttributes || attributes.contains(attribute);
  }

  /** Whether an element no permission of its own covers is shown. */
  public boolean showsUnknown(String namespace, String name) {
    return allAttributes || unknownAttributes.contains(new UnknownAttribute(namespace, name));
  }
}
