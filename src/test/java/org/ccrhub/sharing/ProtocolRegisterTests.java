package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the register says of a protocol and what it refuses: review notes, what stops a protocol
 * coming into force, and the checks on what its keepers type and upload.
 */
class ProtocolRegisterTests {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  @Test
  void saysAReviewIsOverdueOrDueWithinSixtyDaysAndNothingFurtherOff() {
    assertThat(ProtocolRegister.reviewNote(TODAY.minusDays(14), TODAY))
        .contains("Review overdue by 14 days");
    assertThat(ProtocolRegister.reviewNote(TODAY.minusDays(1), TODAY))
        .contains("Review overdue by 1 day");
    assertThat(ProtocolRegister.reviewNote(TODAY, TODAY)).contains("Review due today");
    assertThat(ProtocolRegister.reviewNote(TODAY.plusDays(20), TODAY))
        .contains("Review due in 20 days");
    assertThat(ProtocolRegister.reviewNote(TODAY.plusDays(60), TODAY))
        .contains("Review due in 60 days");
    assertThat(ProtocolRegister.reviewNote(TODAY.plusDays(61), TODAY)).isEmpty();
  }

  @Test
  void aProtocolComesIntoForceOnlyWithAnApprovedVersionAndTwoPartiesThatHaveNotLeft() {
    ProtocolRegister.Version draft = version(Optional.empty());
    ProtocolRegister.Version approved = version(Optional.of(TODAY.minusDays(30)));
    ProtocolRegister.Party police = party("Northbridge Police", Optional.empty());
    ProtocolRegister.Party homes = party("Southmere Homes", Optional.of(TODAY.minusDays(1)));

    assertThat(protocol(List.of(draft), List.of(police)).whyNotInForceOn(TODAY))
        .containsExactly(
            "The Northbridge ISP needs an approved version before it can come into force: record"
                + " a version with the date it was approved",
            "The Northbridge ISP needs at least two parties before it can come into force: it has"
                + " only one. Add another party");
    // a party that left the day before does not count; one leaving later does
    assertThat(protocol(List.of(approved), List.of(police, homes)).whyNotInForceOn(TODAY))
        .hasSize(1);
    assertThat(
            protocol(List.of(approved), List.of(police, homes)).whyNotInForceOn(TODAY.minusDays(1)))
        .isEmpty();
    // the current version is the latest approved
    assertThat(protocol(List.of(draft, approved), List.of()).currentVersion()).contains(approved);
  }

  @Test
  void aSignedDocumentIsAPdfByItsFirstBytesOfAtMostTwentyMegabytes() {
    byte[] pdf = "%PDF-1.7 rest".getBytes(StandardCharsets.US_ASCII);
    assertThat(ProtocolRegisterChanges.SignedDocument.problems(pdf.length, pdf)).isEmpty();
    assertThat(
            ProtocolRegisterChanges.SignedDocument.problems(
                4, "PK\3\4".getBytes(StandardCharsets.US_ASCII)))
        .extracting(ProtocolRegisterChanges.Problem::message)
        .containsExactly("The selected file must be a PDF");
    assertThat(ProtocolRegisterChanges.SignedDocument.problems(20 * 1024 * 1024 + 1, pdf))
        .extracting(ProtocolRegisterChanges.Problem::message)
        .containsExactly("The selected file must be smaller than 20MB");
    assertThat(ProtocolRegisterChanges.SignedDocument.problems(0, new byte[0]))
        .extracting(ProtocolRegisterChanges.Problem::message)
        .containsExactly("The selected file is empty");
    assertThat(
            new ProtocolRegisterChanges.SignedDocument(
                    "C:\\scans\\" + "a".repeat(300) + ".pdf", pdf)
                .fileName())
        .hasSize(255)
        .endsWith("a.pdf");
    assertThatThrownBy(() -> new ProtocolRegisterChanges.SignedDocument("x.pdf", new byte[] {1}))
        .isInstanceOf(ProtocolRegisterRejectedException.class);
  }

  @Test
  void refusesSettingsOutOfRangeNamingEachField() {
    assertThat(ProtocolRegisterChanges.Settings.problems(" ", "", 0, 366, 101))
        .extracting(ProtocolRegisterChanges.Problem::field)
        .containsExactly(
            "title", "responseWorkingDays", "attachmentRetentionDays", "retentionYears");
    assertThatThrownBy(
            () ->
                new ProtocolRegisterChanges.Settings(
                    "x".repeat(201), "", Set.of(), Set.of(), 10, false, 30, 6))
        .hasMessage("The title must be 200 characters or fewer");
  }

  @Test
  void aWithdrawalNeedsAReasonAndDaysLieBetween1990And2100() {
    assertThat(
            ProtocolRegisterChanges.Ending.problems(
                Optional.of(ProtocolEnding.WITHDRAWN), Optional.of(TODAY), " "))
        .extracting(ProtocolRegisterChanges.Problem::message)
        .containsExactly("Enter why the protocol is being withdrawn");
    assertThat(
            ProtocolRegisterChanges.Ending.problems(
                Optional.of(ProtocolEnding.EXPIRED), Optional.of(TODAY), ""))
        .isEmpty();
    assertThat(
            ProtocolRegisterChanges.NewVersion.problems(
                "2.1",
                "",
                "",
                Optional.of(LocalDate.of(1989, 12, 31)),
                Optional.of(LocalDate.of(1989, 6, 1)),
                ""))
        .extracting(ProtocolRegisterChanges.Problem::message)
        .containsExactly(
            "The date it was approved must be a date from 1990 to 2100",
            "The next review date must be a date from 1990 to 2100",
            "The next review date must be after the date it was approved");
  }

  private static ProtocolRegister.Version version(Optional<LocalDate> approvedOn) {
    return new ProtocolRegister.Version(
        approvedOn.isPresent() ? 2 : 3,
        approvedOn.isPresent() ? "2.0" : "3.0 draft",
        "",
        "",
        approvedOn,
        Optional.empty(),
        "",
        "Sam",
        Instant.EPOCH,
        List.of());
  }

  private static ProtocolRegister.Party party(String agency, Optional<LocalDate> leftOn) {
    return new ProtocolRegister.Party(
        agency.length(),
        agency.length(),
        agency,
        "",
        "",
        Optional.empty(),
        TODAY.minusYears(1),
        leftOn,
        Optional.empty(),
        Optional.empty(),
        0);
  }

  /** Versions newest first, as the register lists them. */
  private static ProtocolRegister.Protocol protocol(
      List<ProtocolRegister.Version> versions, List<ProtocolRegister.Party> parties) {
    return new ProtocolRegister.Protocol(
        1,
        "Northbridge ISP",
        "",
        List.of(),
        List.of(),
        10,
        false,
        30,
        6,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        "",
        Optional.empty(),
        false,
        0,
        ProtocolStatus.DRAFT,
        versions,
        parties);
  }
}
