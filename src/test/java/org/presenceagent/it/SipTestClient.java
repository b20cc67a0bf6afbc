package org.presenceagent.it;

import gov.nist.javax.sip.SipStackImpl;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A SIP user agent for the integration tests, on JAIN-SIP: sends requests in client transactions
 * (so UDP retransmissions are real), collects responses and incoming requests in queues, and
 * answers incoming NOTIFYs with a configurable status.
 */
public final class SipTestClient implements SipListener, AutoCloseable {

  private static final AtomicInteger STACKS = new AtomicInteger();

  private final String transport;
  private final int serverPort;
  private final SipStackImpl stack;
  private final SipProvider provider;
  private final int localPort;
  final AddressFactory addresses;
  final HeaderFactory headers;
  final MessageFactory messages;
  private final BlockingQueue<Response> responses = new LinkedBlockingQueue<>();
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private volatile Function<Request, Integer> notifyAnswer = request -> 200;

  public SipTestClient(String transport, int serverPort) throws Exception {
    this.transport = transport;
    this.serverPort = serverPort;
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    Properties properties = new Properties();
    properties.setProperty("javax.sip.STACK_NAME", "test-client-" + STACKS.incrementAndGet());
    properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
    properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", System.getProperty("sip.trace", "0"));
    properties.setProperty("gov.nist.javax.sip.DEBUG_LOG", "target/sip-client-debug.log");
    properties.setProperty("gov.nist.javax.sip.SERVER_LOG", "target/sip-client-server.log");
    // NOTIFYs after the SUBSCRIBE transaction ended (at once on TCP) are not "unsolicited" to us.
    properties.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
    // Keep TCP connections open like a phone does: the server answers and notifies over them.
    properties.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
    properties.setProperty("gov.nist.javax.sip.CACHE_SERVER_CONNECTIONS", "true");
    properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(1024 * 1024));
    stack = (SipStackImpl) factory.createSipStack(properties);
    ListeningPoint point = stack.createListeningPoint("127.0.0.1", FreePorts.find(), transport);
    provider = stack.createSipProvider(point);
    provider.addSipListener(this);
    localPort = point.getPort();
    addresses = factory.createAddressFactory();
    headers = factory.createHeaderFactory();
    messages = factory.createMessageFactory();
  }

  public String transport() {
    return transport;
  }

  /** This client's own contact URI (where requests to it must be sent). */
  public String contactUri() {
    return "sip:watcher@127.0.0.1:" + localPort + ";transport=" + transport;
  }

  /** How incoming NOTIFYs are answered (default 200). */
  public void answerNotifiesWith(Function<Request, Integer> status) {
    this.notifyAnswer = status;
  }

  /** A new out-of-dialog request from {@code from} to {@code to}, addressed to the server. */
  public Request newRequest(String method, String from, String to, long cseq) throws Exception {
    return newRequest(method, from, to, UUID.randomUUID() + "@test", "t" + UUID.randomUUID().toString().substring(0, 8),
        null, requestUri(to), cseq);
  }

  /** A request with every dialog field given (for in-dialog requests and odd cases). */
  public Request newRequest(
      String method, String from, String to, String callId, String fromTag, String toTag, String requestUri, long cseq)
      throws Exception {
    FromHeader fromHeader = headers.createFromHeader(addresses.createAddress(from), fromTag);
    ToHeader toHeader = headers.createToHeader(addresses.createAddress(to), toTag);
    CallIdHeader callIdHeader = headers.createCallIdHeader(callId);
    CSeqHeader cseqHeader = headers.createCSeqHeader(cseq, method);
    MaxForwardsHeader maxForwards = headers.createMaxForwardsHeader(70);
    ViaHeader via = headers.createViaHeader("127.0.0.1", localPort, transport, null);
    List<ViaHeader> vias = new ArrayList<>();
    vias.add(via);
    Request request = messages.createRequest(
        addresses.createURI(requestUri), method, callIdHeader, cseqHeader, fromHeader, toHeader, vias, maxForwards);
    SipURI contactUri = addresses.createSipURI("watcher", "127.0.0.1");
    contactUri.setPort(localPort);
    contactUri.setTransportParam(transport);
    ContactHeader contact = headers.createContactHeader(addresses.createAddress(contactUri));
    request.addHeader(contact);
    // The server is the outbound proxy: requests for any domain go to it (loose routing).
    SipURI route = addresses.createSipURI(null, "127.0.0.1");
    route.setPort(serverPort);
    route.setLrParam();
    route.setTransportParam(transport);
    request.addHeader(headers.createRouteHeader(addresses.createAddress(route)));
    return request;
  }

  /** The Request-URI for an address of record (the Route header takes the request to the server). */
  public String requestUri(String aor) {
    return aor;
  }

  public static void setHeader(Request request, String name, String value) throws Exception {
    SipTestHeaders.set(request, name, value);
  }

  public void setBody(Request request, String contentType, byte[] body) throws Exception {
    String[] type = contentType.split("/", 2);
    ContentTypeHeader header = headers.createContentTypeHeader(type[0], type[1]);
    request.setContent(body, header);
  }

  /** Sends a request in a new client transaction. */
  public void send(Request request) throws Exception {
    ClientTransaction transaction = provider.getNewClientTransaction(request);
    transaction.sendRequest();
  }

  /** Sends and waits for the final response. */
  public Response call(Request request) throws Exception {
    send(request);
    return awaitFinalResponse(request);
  }

  public Response awaitFinalResponse(Request request) throws InterruptedException {
    String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<Response> others = new ArrayList<>();
    try {
      while (System.nanoTime() < deadline) {
        Response response = responses.poll(100, TimeUnit.MILLISECONDS);
        if (response == null) {
          continue;
        }
        CSeqHeader responseCseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
        boolean matches = ((CallIdHeader) response.getHeader(CallIdHeader.NAME)).getCallId().equals(callId)
            && responseCseq.getSeqNumber() == cseq && responseCseq.getMethod().equals(request.getMethod());
        if (matches && response.getStatusCode() >= 200) {
          return response;
        }
        if (!matches) {
          others.add(response);
        }
      }
      throw new AssertionError("no final response to " + request.getMethod() + " within 10 s");
    } finally {
      responses.addAll(others);
    }
  }

  /** The next incoming request of a method (NOTIFY, MESSAGE...), or null after the timeout. */
  public Request awaitRequest(String method, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (System.nanoTime() < deadline) {
      Request request = requests.poll(50, TimeUnit.MILLISECONDS);
      if (request != null && request.getMethod().equals(method)) {
        return request;
      }
    }
    return null;
  }

  /** Incoming requests not yet taken. */
  public int pendingRequests() {
    return requests.size();
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    try {
      ServerTransaction transaction = event.getServerTransaction() != null
          ? event.getServerTransaction() : provider.getNewServerTransaction(request);
      int status = Request.NOTIFY.equals(request.getMethod()) ? notifyAnswer.apply(request) : 200;
      Response response = messages.createResponse(status, request);
      ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
      if (to.getTag() == null) {
        to.setTag("c" + UUID.randomUUID().toString().substring(0, 8));
      }
      transaction.sendResponse(response);
    } catch (Exception e) {
      throw new IllegalStateException("test client could not answer " + request.getMethod(), e);
    } finally {
      requests.add(request);
    }
  }

  @Override
  public void processResponse(ResponseEvent event) {
    responses.add(event.getResponse());
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    // a lost request shows up as a missing response in the test
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    // shows up as a missing response in the test
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {
    // nothing to clean up
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    // automatic dialogs are off
  }

  public Address address(String uri) throws Exception {
    return addresses.createAddress(uri);
  }

  public Map<String, Object> describe() {
    return Map.of("transport", transport, "localPort", localPort);
  }

  @Override
  public void close() {
    stack.stop();
  }
}
