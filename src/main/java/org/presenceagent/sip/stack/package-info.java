/**
 * Extensions of the JAIN-SIP stack under the container, named in its properties
 * ({@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}): a UDP receiver that does not allocate a
 * 64 KB buffer per datagram and that times how long each datagram waits for a worker, which is
 * what overload control reads (see {@link org.presenceagent.sip.OverloadValve}).
 */
package org.presenceagent.sip.stack;
