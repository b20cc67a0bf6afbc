package org.presenceagent.web.site;

import java.io.IOException;
import java.util.Map;
import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The application's error page ({@code web.xml} error-page for 404, 500 and any exception): a short
 * explanation and a way back, never a stack trace, an exception's text or the container's name and
 * version. A 404's message is shown, as the application wrote it (e.g. "no such XCAP document").
 */
public final class ErrorPageServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final HtmlPage PAGE = HtmlPage.load("/org/presenceagent/web/site/error.html");

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
    boolean notFound = status == HttpServletResponse.SC_NOT_FOUND;
    Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
    String detail = notFound && message instanceof String text && !text.isBlank() && request.getAttribute(
        RequestDispatcher.ERROR_EXCEPTION) == null ? text : "";
    PAGE.send(response, status, Map.of(
        "status", Integer.toString(status),
        "title", notFound ? "Not found" : status >= 500 ? "Server error" : "Request refused",
        "explanation", notFound
            ? "There is nothing at this address."
            : status >= 500
                ? "The server could not answer this request. The details are in the server's log."
                : "The server refused this request.",
        "detail", detail,
        "contextPath", request.getContextPath()));
  }
}
