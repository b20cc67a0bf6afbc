package org.presenceagent.document;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.presenceagent.document.pidf.Presence;

/** The availability the old formats can express, from PIDF, RPID and im:im (docs/document-formats.md). */
class AvailabilityTest {

  private final PidfCodec codec = new PidfCodec(new SecureXml());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "<rpid:user-input>idle</rpid:user-input>|AWAY",
    "<rpid:user-input>active</rpid:user-input>|ONLINE",
    "<rpid:activities><rpid:away/><rpid:on-the-phone/></rpid:activities>|ON_THE_PHONE",
    "<rpid:activities><rpid:meeting/><rpid:lunch/></rpid:activities>|BUSY",
    "<rpid:activities><rpid:vacation/></rpid:activities>|AWAY",
    "<rpid:activities><rpid:tv/></rpid:activities>|ONLINE",
    "<rpid:activities><rpid:other>gardening</rpid:other></rpid:activities>|ONLINE"
  })
  void personStateAppliesToAnOpenTuple(String personContent, Availability expected) {
    Presence presence = parse("open", personContent);

    assertThat(Availability.of(presence.getTuples().get(0), presence.getExtensions())).isEqualTo(expected);
  }

  @Test
  void aClosedTupleIsOfflineWhateverThePersonDoes() {
    Presence presence = parse("closed", "<rpid:activities><rpid:busy/></rpid:activities>");

    assertThat(Availability.of(presence.getTuples().get(0), presence.getExtensions())).isEqualTo(Availability.OFFLINE);
  }

  @Test
  void theTuplesOwnStatusComesBeforeThePerson() {
    Presence presence = codec.parse("application/pidf+xml", ("<presence xmlns='urn:ietf:params:xml:ns:pidf'"
        + " xmlns:im='urn:ietf:params:xml:ns:pidf:im' xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model'"
        + " xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid' entity='sip:a@example.com'>"
        + "<tuple id='t'><status><basic>open</basic><im:im>outtolunch</im:im></status></tuple>"
        + "<dm:person id='p'><rpid:activities><rpid:on-the-phone/></rpid:activities></dm:person></presence>")
        .getBytes(UTF_8)).model();

    assertThat(Availability.of(presence.getTuples().get(0), presence.getExtensions()))
        .isEqualTo(Availability.OUT_TO_LUNCH);
  }

  private Presence parse(String basic, String personContent) {
    return codec.parse("application/pidf+xml", ("<presence xmlns='urn:ietf:params:xml:ns:pidf'"
        + " xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model' xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid'"
        + " entity='sip:a@example.com'><tuple id='t'><status><basic>" + basic + "</basic></status></tuple>"
        + "<dm:person id='p'>" + personContent + "</dm:person></presence>").getBytes(UTF_8)).model();
  }
}
