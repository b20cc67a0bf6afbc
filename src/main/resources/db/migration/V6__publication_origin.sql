-- The Call-ID and CSeq of the PUBLISH that produced each publication version, so that a request
-- retransmitted after a crash (committed, response lost) is answered again instead of applied twice.
-- Read from memory only, hence no index.
ALTER TABLE publication ADD COLUMN origin VARCHAR(600);
