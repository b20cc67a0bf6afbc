package org.presenceagent.it;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's chromedriver, both named explicitly so that Selenium
 * never looks for (or downloads) a browser or driver of its own. Headless, with a fresh profile,
 * and with everything that would talk to the network on its own switched off.
 */
final class HeadlessChromium {

  private HeadlessChromium() {}

  static ChromeDriver start(Path profile) {
    String binary = System.getProperty("presenceagent.chromium", "/usr/bin/chromium");
    String driver = System.getProperty("presenceagent.chromedriver", "/usr/bin/chromedriver");
    if (!new File(binary).canExecute() || !new File(driver).canExecute()) {
      throw new IllegalStateException("the browser test needs " + binary + " and " + driver
          + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
    }
    ChromeOptions options = new ChromeOptions()
        .setBinary(binary)
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
            "--window-size=1280,1000", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(driver))
        .usingAnyFreePort()
        .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return browser;
  }
}
