package org.presenceagent.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** Dependencies point inward: domain, then application, then the adapters and the composition root. */
@AnalyzeClasses(packages = "org.presenceagent", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String DOMAIN = "org.presenceagent.domain..";
  private static final String APPLICATION = "org.presenceagent.application..";
  private static final String SIP = "org.presenceagent.sip..";
  private static final String WEB = "org.presenceagent.web..";
  private static final String INFRASTRUCTURE = "org.presenceagent.infrastructure..";
  private static final String DOCUMENT = "org.presenceagent.document..";
  private static final String BOOTSTRAP = "org.presenceagent.bootstrap..";
  private static final String STANDALONE = "org.presenceagent.standalone..";

  @ArchTest
  static final ArchRule domainDependsOnNothingOfOursOutsideTheDomain = noClasses()
      .that().resideInAPackage(DOMAIN)
      .should().dependOnClassesThat(resideInAPackage("org.presenceagent..").and(resideOutsideOfPackage(DOMAIN)));

  @ArchTest
  static final ArchRule domainUsesNoFramework = noClasses()
      .that().resideInAPackage(DOMAIN)
      .should().dependOnClassesThat().resideInAnyPackage(
          "javax.servlet..", "jakarta.persistence..", "jakarta.xml.bind..", "org.w3c..");

  @ArchTest
  static final ArchRule applicationDependsOnlyOnTheDomain = classes()
      .that().resideInAPackage(APPLICATION)
      .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "org.slf4j..", "java..");

  @ArchTest
  static final ArchRule onlyTheSipAdapterUsesSipServlets = noClasses()
      .that().resideOutsideOfPackage(SIP)
      .should().dependOnClassesThat().resideInAPackage("javax.servlet.sip..");

  @ArchTest
  static final ArchRule onlyTheWebAdapterUsesHttpServlets = noClasses()
      .that().resideOutsideOfPackage(WEB)
      .should().dependOnClassesThat().resideInAPackage("javax.servlet.http..");

  @ArchTest
  static final ArchRule theWebAdapterIsWiredOnlyByTheCompositionRoot = noClasses()
      .that().resideInAnyPackage(DOMAIN, APPLICATION, SIP, INFRASTRUCTURE, DOCUMENT)
      .should().dependOnClassesThat().resideInAPackage(WEB);

  @ArchTest
  static final ArchRule theDocumentCodecIsWiredOnlyByTheCompositionRoot = noClasses()
      .that().resideInAnyPackage(DOMAIN, APPLICATION, SIP, INFRASTRUCTURE)
      .should().dependOnClassesThat().resideInAPackage(DOCUMENT);

  @ArchTest
  static final ArchRule onlyTheLaunchersDependOnTheCompositionRoot = noClasses()
      .that().resideOutsideOfPackages(BOOTSTRAP, STANDALONE)
      .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP);

  @ArchTest
  static final ArchRule nothingDependsOnTheStandaloneLauncher = noClasses()
      .that().resideOutsideOfPackage(STANDALONE)
      .should().dependOnClassesThat().resideInAPackage(STANDALONE);

  @ArchTest
  static final ArchRule noClassPrintsStackTraces = noClasses()
      .should().callMethodWhere(target(name("printStackTrace")).and(target(owner(assignableTo(Throwable.class)))))
      .as("no class should call Throwable.printStackTrace()");

  @ArchTest
  static final ArchRule onlyTheLauncherWritesToTheConsole = noClasses()
      .that().doNotHaveFullyQualifiedName("org.presenceagent.standalone.PresenceAgentMain")
      .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS);
}
