-- Presence Agent schema, version 40: the built-in XCAP server counts a user's documents before it
-- stores a new one (xcap_max_documents); the index keeps that a lookup, not a scan of every user's.
CREATE INDEX xcap_document_xui ON xcap_document (xui);
