/**
 * The built-in XCAP server's use cases (RFC 4825, document level): fetch, create, replace and
 * delete users' documents with strong entity tags and preconditions, validated by their
 * application usage. The HTTP side (URLs, authentication, status codes) is the {@code web}
 * package's.
 */
package org.presenceagent.application.xcap;
