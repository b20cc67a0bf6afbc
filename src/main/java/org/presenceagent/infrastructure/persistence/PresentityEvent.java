package org.presenceagent.infrastructure.persistence;

import org.presenceagent.domain.shared.Aor;

/** Index key: a presentity in one event package. */
record PresentityEvent(Aor presentity, String event) {}
