package org.presenceagent.document;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.presenceagent.application.port.InvalidDocumentException;
import org.presenceagent.application.port.RejectedDocumentException;
import org.presenceagent.application.port.RulesDocumentReader;
import org.presenceagent.document.policy.PolicyBinding;
import org.presenceagent.document.policy.PolicyConditions;
import org.presenceagent.document.policy.PolicyRule;
import org.presenceagent.document.policy.PolicyTransformations;
import org.presenceagent.document.policy.Ruleset;
import org.presenceagent.domain.auth.ComponentSelection;
import org.presenceagent.domain.auth.Conditions;
import org.presenceagent.domain.auth.IdentityCondition;
import org.presenceagent.domain.auth.ImHandling;
import org.presenceagent.domain.auth.ImRules;
import org.presenceagent.domain.auth.PresRules;
import org.presenceagent.domain.auth.PresenceAttribute;
import org.presenceagent.domain.auth.Rule;
import org.presenceagent.domain.auth.SubHandling;
import org.presenceagent.domain.auth.Transformations;
import org.presenceagent.domain.auth.UnknownAttribute;
import org.presenceagent.domain.auth.UserInputLevel;
import org.presenceagent.domain.auth.Validity;
import org.presenceagent.domain.shared.Aor;
import org.w3c.dom.Element;

/**
 * Reads pres-rules documents (RFC 5025) through {@link SecureXml} and checks what the schemas of
 * RFC 4745 and RFC 5025 require beyond well-formedness: the root element, unique rule ids, the
 * identity, except and validity shapes, the sub-handling values. A rule with a condition this
 * server does not understand can never match (RFC 4745 section 10.1: such a condition is false),
 * so it is left out; unknown actions and transformations are ignored. The transformations
 * (RFC 5025 section 3.3) are read completely: component selectors and attribute permissions.
 *
 * <p>Thread-safe.
 */
public final class PresRulesReader implements RulesDocumentReader {

  static final QName RULESET = new QName(PolicyBinding.COMMON_POLICY, "ruleset");

  private final SecureXml secureXml;

  public PresRulesReader(SecureXml secureXml) {
    this.secureXml = secureXml;
  }

  @Override
  public PresRules read(byte[] body) {
    JAXBElement<Ruleset> root = unmarshal(body);
    if (!RULESET.equals(root.getName())) {
      throw invalid("root element is " + root.getName() + ", not " + RULESET, null);
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (PolicyRule rule : root.getValue().rules) {
      if (rule.id == null || rule.id.isBlank()) {
        throw invalid("a rule without id", null);
      }
      if (!ids.add(rule.id)) {
        throw invalid("duplicate rule id " + rule.id, null);
      }
      toRule(rule).ifPresent(rules::add);
    }
    return new PresRules(rules);
  }

  @Override
  public ImRules readImRules(byte[] body) {
    PresRules common = read(body); // validates the ruleset and its conditions once, the same way
    JAXBElement<Ruleset> root = unmarshal(body);
    List<ImRules.ImRule> rules = new ArrayList<>();
    for (PolicyRule rule : root.getValue().rules) {
      Optional<Rule> parsed = common.rules().stream().filter(candidate -> candidate.id().equals(rule.id)).findFirst();
      if (parsed.isEmpty()) {
        continue; // a condition we do not understand: the rule never matches (RFC 4745)
      }
      Optional<ImHandling> handling = Optional.empty();
      if (rule.actions != null && rule.actions.imHandling != null) {
        try {
          handling = Optional.of(ImHandling.ofToken(rule.actions.imHandling.trim()));
        } catch (IllegalArgumentException e) {
          throw invalid("rule " + rule.id + ": " + e.getMessage(), e);
        }
      }
      rules.add(new ImRules.ImRule(rule.id, parsed.get().conditions(), handling));
    }
    return new ImRules(rules);
  }

  private JAXBElement<Ruleset> unmarshal(byte[] body) {
    try {
      return secureXml.unmarshal(body, PolicyBinding.newUnmarshaller(), Ruleset.class);
    } catch (InvalidDocumentException e) {
      throw RejectedDocuments.of(e);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot create a common-policy unmarshaller", e);
    }
  }

  private static Optional<Rule> toRule(PolicyRule rule) {
    PolicyConditions conditions = rule.conditions;
    if (conditions != null && !conditions.others.isEmpty()) {
      return Optional.empty();
    }
    Optional<SubHandling> handling = Optional.empty();
    if (rule.actions != null && rule.actions.subHandling != null) {
      try {
        handling = Optional.of(SubHandling.ofToken(rule.actions.subHandling.trim()));
      } catch (IllegalArgumentException e) {
        throw invalid("rule " + rule.id + ": " + e.getMessage(), e);
      }
    }
    return Optional.of(new Rule(rule.id, conditions == null ? Conditions.NONE : toConditions(rule.id, conditions),
        handling, toTransformations(rule.id, rule.transformations)));
  }

  private static Conditions toConditions(String ruleId, PolicyConditions conditions) {
    Optional<IdentityCondition> identity = Optional.empty();
    if (!conditions.identities.isEmpty()) {
      Set<Aor> ones = new LinkedHashSet<>();
      List<IdentityCondition.Many> manies = new ArrayList<>();
      for (PolicyConditions.Identity element : conditions.identities) {
        for (PolicyConditions.One one : element.ones) {
          ones.add(aor(ruleId, one.id));
        }
        for (PolicyConditions.Many many : element.manies) {
          manies.add(toMany(ruleId, many));
        }
        addDraftIdentity(ruleId, element, ones, manies);
      }
      identity = Optional.of(new IdentityCondition(ones, manies));
    }
    Set<String> spheres = new LinkedHashSet<>();
    for (PolicyConditions.Sphere sphere : conditions.spheres) {
      if (sphere.value == null || sphere.value.isBlank()) {
        throw invalid("rule " + ruleId + ": sphere without value", null);
      }
      spheres.addAll(List.of(sphere.value.trim().split("\\s+")));
    }
    List<Validity> validity = new ArrayList<>();
    for (PolicyConditions.ValidityElement element : conditions.validities) {
      if (element.from.isEmpty() || element.from.size() != element.until.size()) {
        throw invalid("rule " + ruleId + ": validity needs pairs of from and until", null);
      }
      for (int i = 0; i < element.from.size(); i++) {
        try {
          validity.add(new Validity(instant(ruleId, element.from.get(i)), instant(ruleId, element.until.get(i))));
        } catch (IllegalArgumentException e) {
          throw invalid("rule " + ruleId + ": " + e.getMessage(), e);
        }
      }
    }
    return new Conditions(identity, spheres, validity);
  }

  /**
   * The seed's (pre-RFC draft) identity syntax, so that its documents keep working: {@code id}
   * is {@code one}, each {@code domain} a {@code many} with a domain, and {@code except entity}
   * leaves that user of each of those domains out.
   */
  private static void addDraftIdentity(
      String ruleId, PolicyConditions.Identity element, Set<Aor> ones, List<IdentityCondition.Many> manies) {
    for (String id : element.draftIds) {
      ones.add(aor(ruleId, id == null ? "" : id.trim()));
    }
    if (!element.draftExcepts.isEmpty() && element.draftDomains.isEmpty()) {
      throw invalid("rule " + ruleId + ": except entity without a domain", null);
    }
    for (PolicyConditions.DraftDomain draftDomain : element.draftDomains) {
      if (draftDomain.domain == null) {
        throw invalid("rule " + ruleId + ": domain without its domain attribute", null);
      }
      String domain = domain(ruleId, draftDomain.domain);
      Set<Aor> excepted = new LinkedHashSet<>();
      for (PolicyConditions.DraftExcept except : element.draftExcepts) {
        if (except.entity == null || except.entity.isBlank()) {
          throw invalid("rule " + ruleId + ": except without entity", null);
        }
        excepted.add(aor(ruleId, "sip:" + except.entity.trim() + "@" + domain));
      }
      manies.add(IdentityCondition.Many.ofDomain(domain, excepted));
    }
  }

  private static IdentityCondition.Many toMany(String ruleId, PolicyConditions.Many many) {
    Set<Aor> exceptIds = new LinkedHashSet<>();
    Set<String> exceptDomains = new LinkedHashSet<>();
    for (PolicyConditions.Except except : many.excepts) {
      if ((except.id == null) == (except.domain == null)) {
        throw invalid("rule " + ruleId + ": except needs either id or domain", null);
      }
      if (except.id != null) {
        exceptIds.add(aor(ruleId, except.id));
      } else if (many.domain != null) {
        // RFC 4745 section 7.1.2: within a many with a domain, except may only name ids.
        throw invalid("rule " + ruleId + ": except domain inside many domain", null);
      } else {
        exceptDomains.add(domain(ruleId, except.domain));
      }
    }
    return many.domain == null
        ? IdentityCondition.Many.anyDomain(exceptIds, exceptDomains)
        : IdentityCondition.Many.ofDomain(domain(ruleId, many.domain), exceptIds);
  }

  /**
   * RFC 5025 section 3.3: what each {@code provide-*} element grants. Selectors and permissions
   * this server does not know grant nothing (RFC 4745 section 10.3: an unknown transformation is
   * ignored, which for a permission means it is not given).
   */
  private static Transformations toTransformations(String ruleId, PolicyTransformations transformations) {
    if (transformations == null) {
      return Transformations.NONE;
    }
    Set<PresenceAttribute> attributes = EnumSet.noneOf(PresenceAttribute.class);
    for (Element other : transformations.others) {
      if (PolicyBinding.PRES_RULES.equals(other.getNamespaceURI())) {
        for (PresenceAttribute attribute : PresenceAttribute.values()) {
          if (attribute.permission().equals(other.getLocalName()) && bool(ruleId, attribute.permission(),
              other.getTextContent())) {
            attributes.add(attribute);
          }
        }
      }
    }
    UserInputLevel userInput = UserInputLevel.FALSE;
    if (transformations.provideUserInput != null) {
      try {
        userInput = UserInputLevel.ofToken(transformations.provideUserInput);
      } catch (IllegalArgumentException e) {
        throw invalid("rule " + ruleId + ": " + e.getMessage(), e);
      }
    }
    Set<UnknownAttribute> unknown = new HashSet<>();
    for (PolicyTransformations.UnknownAttribute element : transformations.provideUnknownAttributes) {
      if (element.namespace == null || element.name == null) {
        throw invalid("rule " + ruleId + ": provide-unknown-attribute needs ns and name", null);
      }
      if (bool(ruleId, "provide-unknown-attribute", element.value)) {
        unknown.add(new UnknownAttribute(element.namespace.trim(), element.name.trim()));
      }
    }
    return new Transformations(
        selection(transformations.providePersons, "all-persons"),
        selection(transformations.provideDevices, "all-devices"),
        selection(transformations.provideServices, "all-services"),
        transformations.provideAllAttributes != null,
        attributes,
        userInput,
        unknown);
  }

  /** The {@code all-*} child or the selectors of one {@code provide-*} element (RFC 5025 section 3.3.1). */
  private static ComponentSelection selection(PolicyTransformations.Provide provide, String allName) {
    if (provide == null) {
      return ComponentSelection.NONE;
    }
    Map<String, Set<String>> selectors = new HashMap<>();
    for (Element child : provide.children) {
      if (!PolicyBinding.PRES_RULES.equals(child.getNamespaceURI())) {
        continue;
      }
      if (allName.equals(child.getLocalName())) {
        return ComponentSelection.ALL;
      }
      selectors.computeIfAbsent(child.getLocalName(), name -> new HashSet<>()).add(child.getTextContent().trim());
    }
    // Which selectors each element may have is the schema's business; a misplaced one still selects
    // only components that carry that value, so it is read wherever it is.
    return new ComponentSelection(false,
        selectors.getOrDefault("class", Set.of()),
        selectors.getOrDefault("occurrence-id", Set.of()),
        selectors.getOrDefault("deviceID", Set.of()),
        selectors.getOrDefault("service-uri", Set.of()),
        selectors.getOrDefault("service-uri-scheme", Set.of()));
  }

  private static boolean bool(String ruleId, String element, String text) {
    String value = text == null ? "" : text.trim();
    return switch (value) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw invalid("rule " + ruleId + ": " + element + " must be a boolean, not " + echo(value), null);
    };
  }

  private static Aor aor(String ruleId, String id) {
    try {
      return Aor.parse(id);
    } catch (IllegalArgumentException e) {
      throw invalid("rule " + ruleId + ": identity " + echo(id) + " is not a SIP URI", e);
    }
  }

  private static String domain(String ruleId, String domain) {
    String trimmed = domain.trim();
    if (trimmed.isEmpty() || trimmed.contains("@") || trimmed.contains(" ")) {
      throw invalid("rule " + ruleId + ": invalid domain " + echo(domain), null);
    }
    return trimmed;
  }

  private static Instant instant(String ruleId, String text) {
    try {
      return OffsetDateTime.parse(text.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("rule " + ruleId + ": " + echo(text) + " is not a dateTime with a time zone", e);
    }
  }

  private static String echo(String text) {
    String value = String.valueOf(text);
    return value.length() <= 80 ? value : value.substring(0, 80) + "...";
  }

  private static RejectedDocumentException invalid(String message, Throwable cause) {
    return new RejectedDocumentException(true, "Invalid pres-rules: " + message, cause);
  }
}
