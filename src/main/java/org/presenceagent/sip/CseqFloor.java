package org.presenceagent.sip;

import javax.servlet.sip.SipServletRequest;
import javax.sip.InvalidArgumentException;
import javax.sip.header.CSeqHeader;
import org.mobicents.servlet.sip.message.SipServletRequestImpl;

/**
 * Keeps a NOTIFY's CSeq above every CSeq the dialog used before (RFC 3261 section 12.2.1.1), also
 * after a restart, when the container's new dialog would start again from 1. The servlet API has
 * no CSeq setter; the container's JAIN-SIP message has.
 */
final class CseqFloor {

  private CseqFloor() {}

  static void raise(SipServletRequest request, long minimum) {
    CSeqHeader cseq = (CSeqHeader) ((SipServletRequestImpl) request).getMessage().getHeader(CSeqHeader.NAME);
    if (cseq.getSeqNumber() < minimum) {
      try {
        cseq.setSeqNumber(minimum);
      } catch (InvalidArgumentException e) {
        throw new IllegalStateException("CSeq " + minimum + " out of range", e);
      }
    }
  }
}
