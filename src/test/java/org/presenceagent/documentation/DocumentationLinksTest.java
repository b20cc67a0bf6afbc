package org.presenceagent.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link and anchor in README.md and docs/ leads somewhere: a file or folder of the
 * repository and, for a Markdown page, one of its headings as GitHub names them. Links to other
 * sites are not followed (the build runs offline).
 */
class DocumentationLinksTest {

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<Path> pages = pages(Path.of("."));
    assertThat(pages).as("README.md and the docs").contains(Path.of("./README.md"))
        .anyMatch(page -> page.startsWith(Path.of("./docs")));

    assertThat(brokenLinks(pages)).isEmpty();
  }

  @Test
  void theReadmeReachesEveryPageOfTheDocsInOneClick() throws IOException {
    List<String> linked = MarkdownPage.read(Path.of("README.md")).links().stream()
        .map(link -> link.target().split("#", 2)[0])
        .toList();
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      List<String> unlinked = docs.map(Path::toString).filter(name -> name.endsWith(".md"))
          .filter(name -> !linked.contains(name)).toList();
      assertThat(unlinked).as("pages of docs/ the README's map does not link").isEmpty();
    }
  }

  @Test
  void aMissingFileOrHeadingIsReported(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("docs"));
    Files.writeString(root.resolve("README.md"), String.join("\n",
        "# Presence Agent",
        "[fine](docs/page.md#what-it-does-today) [same page](#presence-agent) [image](docs/shot.png)",
        "[gone](docs/missing.md) [no heading](docs/page.md#nowhere) [web](https://example.com/x)",
        "`[in code](docs/missing-too.md)`",
        "```",
        "[in a block](docs/missing-three.md)",
        "```"));
    Files.writeString(root.resolve("docs/page.md"), "# Page\n## What it does *today*\n[back](../README.md#presence-agent)\n");
    Files.writeString(root.resolve("docs/shot.png"), "");

    assertThat(brokenLinks(pages(root))).containsExactly(
        root.resolve("README.md") + ":3: docs/missing.md",
        root.resolve("README.md") + ":3: docs/page.md#nowhere");
  }

  @Test
  void anchorsAreNamedAsGitHubNamesThem() {
    assertThat(MarkdownPage.slug("Lenient reading: what is repaired, what is refused"))
        .isEqualTo("lenient-reading-what-is-repaired-what-is-refused");
    assertThat(MarkdownPage.slug("The `Parameter` table (`sip.xml`)")).isEqualTo("the-parameter-table-sipxml");
    assertThat(MarkdownPage.slug("503 with Retry-After")).isEqualTo("503-with-retry-after");
    assertThat(MarkdownPage.slug("1. Install")).isEqualTo("1-install");
    assertThat(MarkdownPage.slug("Behind [Kamailio](https://kamailio.org)")).isEqualTo("behind-kamailio");
    assertThat(MarkdownPage.of(Path.of("x.md"), "# Notes\n## Notes\n```\n# not a heading\n```\n<a id=\"here\"></a>\n")
        .anchors()).containsExactly("notes", "notes-1", "here");
  }

  /** README.md and every Markdown page under docs/. */
  private static List<Path> pages(Path root) throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** "file:line: target" for each link that leads nowhere. */
  private static List<String> brokenLinks(List<Path> pages) {
    Map<Path, MarkdownPage> read = new HashMap<>();
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      for (MarkdownPage.Link link : read.computeIfAbsent(page, MarkdownPage::read).links()) {
        if (!resolves(page, link.target(), read)) {
          broken.add(page + ":" + link.line() + ": " + link.target());
        }
      }
    }
    return broken;
  }

  private static boolean resolves(Path page, String target, Map<Path, MarkdownPage> read) {
    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return true; // https:, mailto:...: another site
    }
    String[] parts = target.split("#", 2);
    String path = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
    Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
    if (!Files.exists(file)) {
      return false;
    }
    if (parts.length == 1 || !file.toString().endsWith(".md")) {
      return true;
    }
    return read.computeIfAbsent(file, MarkdownPage::read).anchors().contains(parts[1]);
  }
}
