package org.presenceagent.documentation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown page as GitHub renders it, as far as links are concerned: the links and images it
 * holds outside code, and the anchors its headings (and explicit {@code <a id>} / {@code <a name>}
 * elements) give it.
 */
final class MarkdownPage {

  /** {@code [text](target)} and {@code ![alt](target)}; the target ends at a space (a title) or ')'. */
  private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

  private final Path file;
  private final List<String> lines;

  private MarkdownPage(Path file, List<String> lines) {
    this.file = file;
    this.lines = lines;
  }

  static MarkdownPage read(Path file) {
    try {
      return new MarkdownPage(file, Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MarkdownPage of(Path file, String text) {
    return new MarkdownPage(file, text.lines().toList());
  }

  Path file() {
    return file;
  }

  /** A link's target as written, with the line it is on (1-based). */
  record Link(int line, String target) {}

  /** The links and images outside fenced code blocks and code spans. */
  List<Link> links() {
    List<Link> links = new ArrayList<>();
    List<String> prose = proseLines();
    for (int index = 0; index < prose.size(); index++) {
      Matcher link = LINK.matcher(withoutCodeSpans(prose.get(index)));
      while (link.find()) {
        links.add(new Link(index + 1, link.group(1)));
      }
    }
    return links;
  }

  /** The anchors GitHub gives the headings, plus explicit HTML anchors. */
  Set<String> anchors() {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : proseLines()) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(2));
        int count = seen.merge(slug, 1, Integer::sum);
        anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
    }
    return anchors;
  }

  /**
   * GitHub's heading anchor: the rendered text in lower case, without punctuation other than
   * hyphens and underscores, spaces turned into hyphens.
   */
  static String slug(String heading) {
    String text = heading
        .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1") // a link reads as its text
        .replaceAll("`", "")
        .replaceAll("\\*", "")
        .replaceAll("<[^>]+>", "");
    StringBuilder slug = new StringBuilder();
    text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
      if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
        slug.appendCodePoint(c);
      } else if (c == ' ') {
        slug.append('-');
      }
    });
    return slug.toString();
  }

  /** The lines, with those of fenced code blocks blanked (line numbers stay right). */
  private List<String> proseLines() {
    List<String> prose = new ArrayList<>(lines.size());
    String fence = null;
    for (String line : lines) {
      Matcher opening = FENCE.matcher(line);
      if (fence == null && opening.find()) {
        fence = opening.group(1);
        prose.add("");
      } else if (fence != null) {
        if (line.strip().startsWith(fence)) {
          fence = null;
        }
        prose.add("");
      } else {
        prose.add(line);
      }
    }
    return prose;
  }

  private static String withoutCodeSpans(String line) {
    return CODE_SPAN.matcher(line).replaceAll("");
  }
}
