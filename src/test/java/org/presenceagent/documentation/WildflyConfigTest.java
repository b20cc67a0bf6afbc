package org.presenceagent.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.presenceagent.infrastructure.config.Parameter;
import org.presenceagent.infrastructure.persistence.Database;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * wildfly-config/ cannot be run here (no WildFly in the build), so its files are checked against
 * the application: well-formed XML, one JNDI name everywhere (CLI script, datasource XML, sip.xml,
 * wildfly-config/README.md and docs/deployment.md, the parameter the application reads), a non-JTA datasource for the RESOURCE_LOCAL
 * persistence unit of persistence.xml, and a router file naming sip.xml's application.
 */
class WildflyConfigTest {

  private static final Path CONFIG = Path.of("wildfly-config");
  private static final Path SIP_XML = Path.of("src/main/webapp/WEB-INF/sip.xml");
  private static final Path PERSISTENCE_XML = Path.of("src/main/resources/META-INF/persistence.xml");
  private static final Path CLI = CONFIG.resolve("presence-agent.cli");
  private static final Path POSTGRESQL_CLI = CONFIG.resolve("postgresql-datasource.cli");
  private static final Pattern JNDI_OPTION = Pattern.compile("--jndi-name=(\\S+)");
  private static final Pattern DAR_LINE = Pattern.compile("([A-Z]+): \\(\"([^\"]+)\", \"DAR:From\", \"ORIGINATING\", \"\", \"NO_ROUTE\", \"0\"\\)");

  static Stream<Path> xmlFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> config = Files.walk(CONFIG)) {
      config.filter(path -> path.toString().endsWith(".xml")).forEach(files::add);
    }
    files.add(Path.of("src/main/webapp/WEB-INF/jboss-deployment-structure.xml"));
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("xmlFiles")
  void everyXmlFileIsWellFormed(Path file) throws Exception {
    assertThat(parse(file).getDocumentElement()).isNotNull();
  }

  @Test
  void oneJndiNameEverywhere() throws Exception {
    String jndiName = single(JNDI_OPTION, Files.readString(CLI));
    assertThat(jndiName).startsWith("java:jboss/datasources/");

    assertThat(single(JNDI_OPTION, Files.readString(POSTGRESQL_CLI))).isEqualTo(jndiName);
    for (String datasourceXml : List.of("datasource-h2.xml", "datasource-postgresql.xml")) {
      Element datasource = (Element) parse(CONFIG.resolve(datasourceXml)).getElementsByTagNameNS("*", "datasource").item(0);
      assertThat(datasource.getAttribute("jndi-name")).as(datasourceXml).isEqualTo(jndiName);
    }
    String systemProperty = "presenceagent." + Parameter.DB_JNDI_NAME.key();
    assertThat(Files.readString(CLI)).contains("/system-property=" + systemProperty + ":add(value=" + jndiName + ")");
    Element property = (Element) parse(CONFIG.resolve("sip-subsystem.xml")).getElementsByTagName("property").item(0);
    assertThat(property.getAttribute("name")).isEqualTo(systemProperty);
    assertThat(property.getAttribute("value")).isEqualTo(jndiName);
    assertThat(Files.readString(SIP_XML)).contains("<param-name>" + Parameter.DB_JNDI_NAME.key() + "</param-name>")
        .contains(jndiName);
    assertThat(Files.readString(CONFIG.resolve("README.md"))).contains(jndiName);
    assertThat(Files.readString(Path.of("docs/deployment.md"))).contains(jndiName);
  }

  @Test
  void theDatasourceIsNonJtaForTheResourceLocalPersistenceUnit() throws Exception {
    Element unit = (Element) parse(PERSISTENCE_XML).getElementsByTagNameNS("*", "persistence-unit").item(0);
    String unitName = unit.getAttribute("name");
    assertThat(unitName).isEqualTo(Database.PERSISTENCE_UNIT);
    assertThat(unit.getAttribute("transaction-type")).isEqualTo("RESOURCE_LOCAL");

    for (Path cli : List.of(CLI, POSTGRESQL_CLI)) {
      String script = Files.readString(cli);
      assertThat(script).as(cli.toString()).contains("persistence unit \"" + unitName + "\"");
      assertThat(script.lines().filter(line -> line.startsWith("data-source add")))
          .as(cli.toString()).singleElement().asString().contains("--jta=false");
    }
    for (String datasourceXml : List.of("datasource-h2.xml", "datasource-postgresql.xml")) {
      Document document = parse(CONFIG.resolve(datasourceXml));
      Element datasource = (Element) document.getElementsByTagNameNS("*", "datasource").item(0);
      assertThat(datasource.getAttribute("jta")).as(datasourceXml).isEqualTo("false");
      assertThat(Files.readString(CONFIG.resolve(datasourceXml))).contains("persistence unit \"" + unitName + "\"");
    }
  }

  @Test
  void theRouterSendsPresenceRequestsToTheApplicationOfSipXml() throws Exception {
    String appName = parse(SIP_XML).getElementsByTagName("app-name").item(0).getTextContent().trim();
    Path dar = CONFIG.resolve("dars/presence-agent-dar.properties");

    List<String> methods = new ArrayList<>();
    for (String line : Files.readAllLines(dar)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = DAR_LINE.matcher(line);
      assertThat(matcher.matches()).as("DAR line '%s'", line).isTrue();
      assertThat(matcher.group(2)).isEqualTo(appName);
      methods.add(matcher.group(1));
    }
    assertThat(methods).contains("SUBSCRIBE", "PUBLISH", "REGISTER", "MESSAGE", "OPTIONS").doesNotHaveDuplicates();
    assertThat(Files.readString(CLI))
        .contains("/subsystem=sip:write-attribute(name=application-router,value=configuration/dars/" + dar.getFileName() + ")");
  }

  /**
   * WildFly's stack file carries every setting of the one the standalone server and the Tomcat
   * container load, with the same value (the performance settings above all: the receive buffer,
   * the released transaction references), so that no deployment runs the stack's slower defaults.
   * Only what the standalone server computes itself may differ: the logger name it routes
   * JAIN-SIP's log through, and the worker count and trace level WildFly must be told.
   */
  @Test
  void theSipStackFileHoldsEverySettingOfTheShippedOne() throws Exception {
    Properties shipped = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/org/presenceagent/standalone/sip-stack.properties"))) {
      shipped.load(reader);
    }
    Properties wildfly = new Properties();
    try (Reader reader = Files.newBufferedReader(CONFIG.resolve("presence-agent-sip-stack.properties"))) {
      wildfly.load(reader);
    }
    List<String> computedByTheStandaloneServer = List.of("gov.nist.javax.sip.LOG4J_LOGGER_NAME");
    for (String name : shipped.stringPropertyNames()) {
      if (!computedByTheStandaloneServer.contains(name)) {
        assertThat(wildfly.getProperty(name)).as(name).isEqualTo(shipped.getProperty(name));
      }
    }
    assertThat(shipped.getProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE")).isEqualTo("1048576");
  }

  @Test
  void theSipStackRunsWithoutAutomaticDialogsOnUdpAndTcp5060() throws Exception {
    Path stackFile = CONFIG.resolve("presence-agent-sip-stack.properties");
    Properties stack = new Properties();
    try (Reader reader = Files.newBufferedReader(stackFile)) {
      stack.load(reader);
    }
    assertThat(stack.getProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT")).isEqualTo("off");
    String cli = Files.readString(CLI);
    assertThat(cli).contains("/subsystem=sip:write-attribute(name=stack-properties,value=configuration/"
        + stackFile.getFileName() + ")");
    for (String transport : List.of("udp", "tcp")) {
      assertThat(cli).contains("socket-binding=sip-" + transport + ":write-attribute(name=port,value=5060)");
    }

    Document subsystem = parse(CONFIG.resolve("sip-subsystem.xml"));
    List<String> connectorBindings = new ArrayList<>();
    var connectors = subsystem.getElementsByTagNameNS("urn:org.mobicents:sip-servlets-as10:1.0", "connector");
    for (int i = 0; i < connectors.getLength(); i++) {
      connectorBindings.add(((Element) connectors.item(i)).getAttribute("socket-binding"));
    }
    assertThat(connectorBindings).containsExactly("sip-udp", "sip-tcp");
    var bindings = subsystem.getElementsByTagName("socket-binding");
    for (int i = 0; i < bindings.getLength(); i++) {
      assertThat(((Element) bindings.item(i)).getAttribute("port")).isEqualTo("5060");
    }
    assertThat(bindings.getLength()).isEqualTo(2);
  }

  private static String single(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    assertThat(matcher.find()).as("%s in the script", pattern).isTrue();
    String value = matcher.group(1);
    assertThat(matcher.find()).as("only one %s", pattern).isFalse();
    return value;
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }
}
