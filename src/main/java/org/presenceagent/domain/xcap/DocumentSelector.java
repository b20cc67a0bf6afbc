package org.presenceagent.domain.xcap;

import java.util.Objects;
import org.presenceagent.domain.shared.Aor;

/**
 * Names one document of a user in the XCAP "users" tree (RFC 4825 section 6.2):
 * {@code <auid>/users/<xui>/<name>}. Only per-user documents exist here; the XUI is the user's
 * SIP address of record (RFC 5025 section 9.4).
 *
 * @param auid the application usage, e.g. {@code pres-rules}
 * @param user the owner (the XUI)
 * @param name the document name within the user's directory
 */
public record DocumentSelector(String auid, Aor user, String name) {

  public DocumentSelector {
    Objects.requireNonNull(user, "user");
    if (!isSegment(auid) || !isSegment(name)) {
      throw new IllegalArgumentException("invalid document selector: " + auid + "/" + name);
    }
  }

  /** The selector's path below the XCAP root, e.g. {@code pres-rules/users/sip:a@b/index}. */
  public String path() {
    return auid + "/users/" + user.uri() + "/" + name;
  }

  // One path segment, never "~~" (a node selector) nor a relative step.
  private static boolean isSegment(String text) {
    return text != null && !text.isEmpty() && text.length() <= 128 && !text.equals(".") && !text.equals("..")
        && text.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '/' && c != '~' && c != '\\');
  }
}
