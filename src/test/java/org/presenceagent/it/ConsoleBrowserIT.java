package org.presenceagent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real browser (headless Chromium) against the running server, with the
 * effects seen over real SIP: an operator signs in, watches the live counters move when a device
 * PUBLISHes over SIP (no reload), finds the presentity, sees a watcher waiting, authorizes it from
 * the page and the watcher's NOTIFY arrives; then ends the subscription from the page (final
 * NOTIFY), changes a live setting, and a change without the anti-forgery token is refused. The
 * overview's Cluster card says "Single node" there, and lists the nodes for a node with {@code cluster=1}.
 * As in {@link AdminApiIT}, pres-rules come from the server's own XCAP server read as an external
 * one, so a changed document takes effect only when the operator authorizes. Screenshots go to
 * {@code target/console-screenshots/} (those in {@code docs/} were taken from there).
 */
@Tag("browser")
class ConsoleBrowserIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  static final PresenceServerExtension SERVER = new PresenceServerExtension()
      .param("auth", "xcap")
      .param("auth_xcap_root", "http://127.0.0.1:{httpPort}/xcap-root")
      .param("auth_rules_refresh_time", "3600")
      .param("xcap_open", "1")
      .param("admin_credentials", "ops:s3cret")
      .param("jmx_name", "console-browser-it");

  @TempDir
  static Path profile;

  private static ChromeDriver browser;
  private static WebDriverWait wait;
  private final XcapHttp xcap = new XcapHttp(SERVER.httpPort());
  private final AdminHttp admin = new AdminHttp(SERVER.httpPort(), "ops", "s3cret");

  @BeforeAll
  static void openTheBrowser() {
    browser = HeadlessChromium.start(profile);
    wait = new WebDriverWait(browser, WAIT);
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anOperatorWatchesLiveStateAuthorizesAWatcherAndChangesASetting() throws Exception {
    String alice = TestAors.unique("alice");
    String bob = TestAors.unique("bob");
    browser.get("http://127.0.0.1:" + SERVER.httpPort() + "/console/");

    signIn("ops", "wrong");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
    assertThat(text("sign-in-error")).contains("wrong operator name or password");
    signIn("ops", "s3cret");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("overview")));
    assertThat(text("operator")).isEqualTo("ops");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("cluster-single")));
    assertThat(text("cluster-single")).startsWith("Single node");
    assertThat(browser.findElement(By.id("cluster-detail")).isDisplayed()).as("no nodes table on a single node").isFalse();
    wait.until(driver -> text("c-publications").matches("\\d+"));
    long publicationsBefore = Long.parseLong(text("c-publications"));
    script("window.notReloaded = true;");

    try (SipTestClient client = new SipTestClient("udp", SERVER.sipPort())) {
      new Publisher(client).publish(alice, 600, null, Pidf.open(alice, "phone", "seen from the console"));
      wait.until(driver -> Long.parseLong(text("c-publications")) > publicationsBefore);
      wait.until(driver -> text("c-rate").matches("[0-9.]+"));
      assertThat(script("return window.notReloaded === true;")).as("the page was not reloaded").isEqualTo(true);

      SubscriptionDialog.subscribe(client, bob, alice, 600);
      assertThat(Notifies.state(Notifies.next(client))).startsWith("pending"); // no rules yet

      browser.findElement(By.cssSelector("#tabs button[data-tab=presentities]")).click();
      WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search")));
      search.sendKeys(alice.substring("sip:".length()));
      wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("tr[data-presentity='" + alice + "']"))).click();
      wait.until(driver -> text("d-document").contains("seen from the console"));
      WebElement watcher = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#d-watchers tr[data-watcher='" + bob + "']")));
      assertThat(watcher.getAttribute("data-state")).isEqualTo("pending");
      assertThat(text("d-publications")).contains("application/pidf+xml");

      assertThat(xcap.putRules(alice, PresRulesDocs.one(bob, "allow")).statusCode()).isEqualTo(201);
      assertThat(client.awaitRequest(Request.NOTIFY, 700)).as("cached rules: nothing changes yet").isNull();
      wait.until(driver -> text("d-rules").contains(bob));
      screenshot("console-presentity");
      browser.findElement(By.id("authorize")).click();

      Request active = Notifies.next(client);
      assertThat(Notifies.state(active)).startsWith("active");
      assertThat(Notifies.body(active)).contains("seen from the console");
      wait.until(driver -> "active".equals(browser.findElement(
          By.cssSelector("#d-watchers tr[data-watcher='" + bob + "']")).getAttribute("data-state")));

      browser.findElement(By.cssSelector("#d-watchers tr[data-watcher='" + bob + "'] button")).click();
      wait.until(ExpectedConditions.alertIsPresent()).accept();
      Request terminated = Notifies.next(client);
      assertThat(Notifies.state(terminated)).startsWith("terminated").contains("noresource");
      wait.until(ExpectedConditions.invisibilityOfElementLocated(
          By.cssSelector("#d-watchers tr[data-watcher='" + bob + "']")));
    }

    browser.findElement(By.cssSelector("#tabs button[data-tab=settings]")).click();
    WebElement minExpires = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=min_expires]")));
    assertThat(browser.findElements(By.cssSelector("input[name=auth]"))).as("auth needs a restart: not editable").isEmpty();
    minExpires.clear();
    minExpires.sendKeys("90");
    browser.findElement(By.id("settings-save")).click();
    wait.until(driver -> text("settings-result").contains("saved: min_expires"));
    assertThat(AdminHttp.object(admin.get("settings")).getString("min_expires")).isEqualTo("90");
    script("window.scrollTo(0, 0);");
    screenshot("console-settings");

    browser.findElement(By.cssSelector("#tabs button[data-tab=overview]")).click();
    wait.until(driver -> Long.parseLong(text("c-notifies-sent")) >= 3); // pending, active, terminated
    assertThat(script("return window.notReloaded === true;")).as("still the same page").isEqualTo(true);
    screenshot("console-overview");

    // The session cookie alone is not enough for a change: the anti-forgery header must come too.
    Object forged = ((JavascriptExecutor) browser).executeAsyncScript(
        "var done = arguments[0]; fetch('../admin/cleanup', {method: 'POST', headers: {'X-Presence-Console': '1'}})"
            + ".then(function (r) { done(r.status); });");
    assertThat(((Number) forged).intValue()).isEqualTo(403);
  }

  /**
   * The Cluster card of a node with {@code cluster=1} (the jar on a temporary PostgreSQL, as in
   * {@link ClusterIT}; one node is enough to render the table): its row marked as this node, alive,
   * with the subscription it accepted, and the change-log figures.
   */
  @Test
  void aClusterNodesConsoleShowsTheNodesTableWithThisNodeMarked() throws Exception {
    Path work = Files.createTempDirectory("presence-console-cluster");
    TemporaryPostgres postgres = null;
    ClusterJarNode node = null;
    try {
      postgres = TemporaryPostgres.start();
      node = ClusterJarNode.start("node-console", work, postgres, 3, "admin_credentials=ops:s3cret");
      node.awaitReady();
      try (SipTestClient client = new SipTestClient("udp", node.sipPort())) {
        SubscriptionDialog.subscribe(client, TestAors.unique("watcher"), TestAors.unique("ivan"), 600);
        Notifies.next(client);
      }
      browser.get("http://127.0.0.1:" + node.httpPort() + "/console/");
      signIn("ops", "s3cret");
      WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
          By.cssSelector("#cluster-nodes tr[data-node='node-console']")));
      assertThat(row.getText()).contains("node-console (this node)").contains("alive");
      assertThat(row.getAttribute("class")).contains("self");
      assertThat(row.getAttribute("data-owned")).isEqualTo("1");
      assertThat(text("cl-lease")).isEqualTo("held");
      assertThat(text("cl-orphaned")).isEqualTo("0 of 1");
      assertThat(text("cl-position")).matches("\\d+ / \\d+");
      assertThat(browser.findElement(By.id("cluster-single")).isDisplayed()).isFalse();
      screenshot("console-cluster");
    } finally {
      ClusterJarNode.stopAll(node == null ? java.util.List.of() : java.util.List.of(node.process()), postgres, work);
    }
  }

  private void signIn(String user, String password) {
    WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user")));
    name.clear();
    name.sendKeys(user);
    WebElement secret = browser.findElement(By.id("password"));
    secret.clear();
    secret.sendKeys(password);
    browser.findElement(By.id("sign-in-button")).click();
  }

  private static String text(String id) {
    return browser.findElement(By.id(id)).getText().trim();
  }

  private static Object script(String code) {
    return ((JavascriptExecutor) browser).executeScript(code);
  }

  private static void screenshot(String name) throws Exception {
    Path directory = Files.createDirectories(Path.of("target", "console-screenshots"));
    Files.write(directory.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
