package org.ccrhub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditEventsTests {

  @Test
  void namesAnEventInWordsFromItsCodeAndTheKindOfRecord() {
    assertThat(AuditEvents.describe("UPDATE", "ProgressUpdate")).isEqualTo("Rating changed");
    assertThat(AuditEvents.describe("CREATE", "ProgressUpdate")).isEqualTo("Rating given");
    assertThat(AuditEvents.describe("CREATE", "Agency")).isEqualTo("Agency added");
    assertThat(AuditEvents.describe("DELETE", "Group")).isEqualTo("Group deleted");
    assertThat(AuditEvents.describe("UPDATE", "DeliveryPlan")).isEqualTo("Plan changed");
    assertThat(AuditEvents.describe("OPEN", "ReportingPeriod"))
        .isEqualTo("Reporting period opened");
    assertThat(AuditEvents.describe("SIGN_IN_FAILED", "Account")).isEqualTo("Sign-in failed");
    assertThat(AuditEvents.describe("ROLE_GRANTED", "Account")).isEqualTo("Role given");
    assertThat(AuditEvents.describe("EXPORT", "BoardPack")).isEqualTo("File downloaded");
  }

  @Test
  void putsAnEventItDoesNotKnowYetInWordsToo() {
    assertThat(AuditEvents.describe("CREATE", "IssuedBoardPack"))
        .isEqualTo("Issued board pack added");
    assertThat(AuditEvents.describe("PUBLIC_TEXT_APPROVED", "Action"))
        .isEqualTo("Public text approved");
    assertThat(AuditEvents.describe("APPROVE", null)).isEqualTo("Approve");
  }
}
