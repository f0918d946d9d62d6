package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.sharing.ProtocolCover.Answer;
import org.ccrhub.sharing.ProtocolCover.Party;
import org.ccrhub.sharing.ProtocolCover.Protocol;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ProtocolCoverTests {

  private static final Agency POLICE = new Agency(1, "Northbridge Police", AgencyType.POLICE, 0);
  private static final Agency HOMES = new Agency(2, "Southmere Homes", AgencyType.HOUSING, 0);
  private static final Agency COUNCIL =
      new Agency(3, "Northbridge Council", AgencyType.LOCAL_AUTHORITY, 0);
  private static final Agency REFUGE =
      new Agency(4, "Southmere Refuge", AgencyType.VOLUNTARY_COMMUNITY, 0);

  private static final LocalDate APRIL_2016 = LocalDate.of(2016, 4, 1);
  private static final LocalDate DAY = LocalDate.of(2016, 5, 23);
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  @Test
  void letsARequestGoBetweenTwoPartiesOfAProtocolInForce() {
    Protocol isp = isp(APRIL_2016, null, null, party(POLICE), party(HOMES));

    Answer answer = cover(isp).between(POLICE, HOMES, DAY);

    assertThat(answer.allowed()).isTrue();
    assertThat(answer.protocols()).containsExactly(isp);
    assertThat(answer.reasons()).isEmpty();
    assertThat(cover(isp).between(HOMES, POLICE, DAY).allowed()).isTrue();
  }

  @Test
  void refusesARequestToTheAgencyItself() {
    Answer answer =
        cover(isp(APRIL_2016, null, null, party(POLICE), party(HOMES)))
            .between(POLICE, POLICE, DAY);

    assertThat(answer.allowed()).isFalse();
    assertThat(answer.reasons())
        .containsExactly("A request goes to another agency: choose an agency other than your own");
  }

  @Test
  void refusesAgenciesThatAreNotBothPartiesToAnyProtocol() {
    ProtocolCover cover = cover(isp(APRIL_2016, null, null, party(POLICE), party(HOMES)));

    assertThat(cover.between(POLICE, REFUGE, TODAY).reasons())
        .containsExactly(
            "Northbridge Police and Southmere Refuge are not both parties to a protocol in force"
                + " today");
    assertThat(cover.between(POLICE, REFUGE, DAY).reasons())
        .containsExactly(
            "Northbridge Police and Southmere Refuge are not both parties to a protocol in force"
                + " on 23 May 2016");
    assertThat(new ProtocolCover(List.of(), TODAY).between(POLICE, HOMES, TODAY).reasons())
        .containsExactly(
            "Northbridge Police and Southmere Homes are not both parties to a protocol in force"
                + " today");
  }

  @Test
  void refusesAnExpiredProtocolFromTheDayAfterItsLastDay() {
    LocalDate lastDay = LocalDate.of(2026, 3, 31);
    ProtocolCover cover =
        cover(isp(APRIL_2016, lastDay, ProtocolEnding.EXPIRED, party(POLICE), party(HOMES)));

    assertThat(cover.between(POLICE, HOMES, lastDay).allowed()).isTrue();
    Answer answer = cover.between(POLICE, HOMES, lastDay.plusDays(1));
    assertThat(answer.allowed()).isFalse();
    assertThat(answer.protocols()).isEmpty();
    assertThat(answer.reasons())
        .containsExactly(
            "The Northbridge ISP expired on 31 March 2026, so it takes no new requests");
  }

  @Test
  void refusesAWithdrawnProtocol() {
    ProtocolCover cover =
        cover(
            isp(
                APRIL_2016,
                LocalDate.of(2016, 11, 30),
                ProtocolEnding.WITHDRAWN,
                party(POLICE),
                party(HOMES)));

    assertThat(cover.between(POLICE, HOMES, TODAY).reasons())
        .containsExactly(
            "The Northbridge ISP was withdrawn on 30 November 2016, so it takes no new requests");
  }

  @Test
  void refusesADraftAndAProtocolNotYetInForce() {
    assertThat(
            cover(isp(null, null, null, party(POLICE), party(HOMES)))
                .between(POLICE, HOMES, DAY)
                .reasons())
        .containsExactly(
            "The Northbridge ISP is a draft: it takes requests once it comes into force");
    ProtocolCover fromJune =
        cover(isp(LocalDate.of(2016, 6, 1), null, null, party(POLICE), party(HOMES)));
    assertThat(fromJune.between(POLICE, HOMES, DAY).reasons())
        .containsExactly(
            "The Northbridge ISP comes into force on 1 June 2016, and takes requests from then");
    assertThat(fromJune.between(POLICE, HOMES, LocalDate.of(2016, 6, 1)).allowed()).isTrue();
  }

  @Test
  void countsAnAgencyAsAPartyFromTheDayItJoinedToTheDayItLeft() {
    LocalDate joined = LocalDate.of(2016, 6, 1);
    LocalDate left = LocalDate.of(2016, 9, 30);
    ProtocolCover cover =
        cover(
            isp(
                APRIL_2016,
                null,
                null,
                party(POLICE),
                new Party(HOMES.id(), APRIL_2016, left),
                new Party(COUNCIL.id(), joined, null)));

    assertThat(cover.between(POLICE, COUNCIL, joined.minusDays(1)).reasons())
        .containsExactly(
            "Northbridge Council is a party to the Northbridge ISP only from 1 June 2016");
    assertThat(cover.between(POLICE, COUNCIL, joined).allowed()).isTrue();
    assertThat(cover.between(HOMES, POLICE, left).allowed()).isTrue();
    assertThat(cover.between(HOMES, POLICE, left.plusDays(1)).reasons())
        .containsExactly("Southmere Homes left the Northbridge ISP on 30 September 2016");
  }

  @Test
  void givesTheReasonForEachAgency() {
    ProtocolCover cover =
        cover(
            isp(
                APRIL_2016,
                null,
                null,
                new Party(HOMES.id(), APRIL_2016, LocalDate.of(2016, 4, 30)),
                new Party(COUNCIL.id(), LocalDate.of(2016, 6, 1), null)));

    assertThat(cover.between(HOMES, COUNCIL, DAY).reasons())
        .containsExactly(
            "Southmere Homes left the Northbridge ISP on 30 April 2016",
            "Northbridge Council is a party to the Northbridge ISP only from 1 June 2016");
  }

  @Test
  void letsTheRequesterChooseAmongSeveralProtocolsInTitleOrder() {
    Protocol marac =
        protocol(20, "Northbridge MARAC ISP", APRIL_2016, null, null, party(POLICE), party(HOMES));
    Protocol isp = isp(APRIL_2016, null, null, party(POLICE), party(HOMES), party(COUNCIL));

    ProtocolCover cover = cover(marac, isp);

    assertThat(cover.between(POLICE, HOMES, DAY).protocols()).containsExactly(isp, marac);
    assertThat(cover.between(POLICE, COUNCIL, DAY).protocols()).containsExactly(isp);
  }

  @Test
  void letsARequestGoUnderTheProtocolInForceWhenAnotherHasExpired() {
    Protocol old =
        protocol(
            20,
            "Northbridge ISP 2012",
            LocalDate.of(2012, 4, 1),
            LocalDate.of(2016, 3, 31),
            ProtocolEnding.EXPIRED,
            party(POLICE),
            party(HOMES));
    Protocol isp = isp(APRIL_2016, null, null, party(POLICE), party(HOMES));

    assertThat(cover(old, isp).between(POLICE, HOMES, DAY).protocols()).containsExactly(isp);
  }

  @Test
  void givesTheReasonForEachProtocolThatNamesBothAgencies() {
    Protocol expired =
        protocol(
            20,
            "The Southmere Agreement",
            LocalDate.of(2012, 4, 1),
            LocalDate.of(2016, 3, 31),
            ProtocolEnding.EXPIRED,
            party(POLICE),
            party(HOMES));
    Protocol draft = isp(null, null, null, party(POLICE), party(HOMES));
    Protocol withoutHomes = protocol(30, "MARAC ISP", APRIL_2016, null, null, party(POLICE));

    assertThat(cover(expired, draft, withoutHomes).between(POLICE, HOMES, DAY).reasons())
        .containsExactly(
            "The Northbridge ISP is a draft: it takes requests once it comes into force",
            "The Southmere Agreement expired on 31 March 2016, so it takes no new requests");
  }

  @Test
  void checksTheProtocolTheRequesterChose() {
    Protocol expired =
        protocol(
            20,
            "Northbridge ISP 2012",
            LocalDate.of(2012, 4, 1),
            LocalDate.of(2016, 3, 31),
            ProtocolEnding.EXPIRED,
            party(POLICE),
            party(HOMES));
    Protocol isp = isp(APRIL_2016, null, null, party(POLICE), party(HOMES));
    ProtocolCover cover = cover(expired, isp);

    assertThat(cover.under(isp.id(), POLICE, HOMES, DAY).protocols()).containsExactly(isp);
    assertThat(cover.under(expired.id(), POLICE, HOMES, DAY).reasons())
        .containsExactly(
            "The Northbridge ISP 2012 expired on 31 March 2016, so it takes no new requests");
    assertThat(cover.under(99, POLICE, HOMES, DAY).reasons())
        .containsExactly(
            "Northbridge Police and Southmere Homes are not both parties to a protocol in force"
                + " on 23 May 2016");
    assertThat(cover.under(isp.id(), POLICE, POLICE, DAY).reasons())
        .containsExactly("A request goes to another agency: choose an agency other than your own");
    assertThat(cover.under(isp.id(), POLICE, REFUGE, DAY).reasons())
        .containsExactly("Southmere Refuge is not a party to the Northbridge ISP");
  }

  private static ProtocolCover cover(Protocol... protocols) {
    return new ProtocolCover(List.of(protocols), TODAY);
  }

  private static Protocol isp(
      @Nullable LocalDate from,
      @Nullable LocalDate until,
      @Nullable ProtocolEnding ending,
      Party... parties) {
    return protocol(10, "Northbridge ISP", from, until, ending, parties);
  }

  private static Protocol protocol(
      long id,
      String title,
      @Nullable LocalDate from,
      @Nullable LocalDate until,
      @Nullable ProtocolEnding ending,
      Party... parties) {
    return new Protocol(id, title, from, until, ending, List.of(parties));
  }

  private static Party party(Agency agency) {
    return new Party(agency.id(), APRIL_2016, null);
  }
}
