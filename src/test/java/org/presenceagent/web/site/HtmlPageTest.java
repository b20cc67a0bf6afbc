package org.presenceagent.web.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlPageTest {

  @Test
  void valuesAreEscapedUnlessTheyAreMarkupOfOurOwn() {
    HtmlPage page = HtmlPage.load("/org/presenceagent/web/site/error.html");
    String html = page.render(Map.of("status", "404", "title", "Not found", "explanation", "x",
        "detail", "<script>alert('no')</script> & \"more\"", "contextPath", "/pa"));
    assertThat(html).contains("&lt;script&gt;alert(&#39;no&#39;)&lt;/script&gt; &amp; &quot;more&quot;")
        .doesNotContain("<script>").contains("href=\"/pa/assets/presence-agent.css\"")
        .doesNotContain("{{");
  }

  @Test
  void theLandingPageListsTheContainersSipInterfacesAsItReportsThem() {
    assertThat(LandingServlet.sipAddresses(List.of("sip:127.0.0.1:5060;transport=udp",
        "sip:127.0.0.1:5060;transport=tcp", "sip:127.0.0.1:5060;transport=udp")))
        .containsExactly("sip:127.0.0.1:5060;transport=udp", "sip:127.0.0.1:5060;transport=tcp");
    assertThat(LandingServlet.sipAddresses(null)).isEmpty();
    assertThat(LandingServlet.sipAddresses("not a list")).isEmpty();
  }
}
