package org.presenceagent.application.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The digest arithmetic against the worked examples of the RFCs. */
class Md5DigestTest {

  @Test
  void rfc2617Section35Example() {
    String ha1 = Md5Digest.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
    String ha2 = Md5Digest.ha2("GET", "/dir/index.html");

    assertThat(ha1).isEqualTo("939e7578ed9e3c518a452acee763bce9");
    assertThat(Md5Digest.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", ha2))
        .isEqualTo("6629fae49393a05397450978507c4ef1");
  }

  @Test
  void rfc7616Section391Md5Example() {
    String ha1 = Md5Digest.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
    String ha2 = Md5Digest.ha2("GET", "/dir/index.html");

    assertThat(Md5Digest.response(ha1, "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "00000001",
        "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", "auth", ha2))
        .isEqualTo("8ca523f5e9506fed4657c9700eebdbec");
  }

  @Test
  void withoutQopTheResponseCoversHa1NonceAndHa2Only() {
    String ha1 = Md5Digest.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
    String ha2 = Md5Digest.ha2("GET", "/dir/index.html");

    assertThat(Md5Digest.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", ha2))
        .isEqualTo(Md5Digest.md5(ha1 + ":dcd98b7102dd2f0e8b11d0f600bfb0c093:" + ha2))
        .hasSize(32)
        .isNotEqualTo(Md5Digest.response(ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093", "00000001", "0a4f113b", "auth", ha2));
  }
}
