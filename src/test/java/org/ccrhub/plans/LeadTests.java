package org.ccrhub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadTests {

  @Test
  void keysALeadByItsTextTrimmedWithInnerSpacesCollapsedInLowerCase() {
    assertThat(Lead.keyOf("  Police   CSU ")).isEqualTo("police csu");
    assertThat(Lead.keyOf("police csu")).isEqualTo(Lead.keyOf("POLICE CSU"));
    assertThat(Lead.keyOf("VAWG\tCoordinator\n")).isEqualTo("vawg coordinator");
  }

  @Test
  void treatsNonBreakingSpacesAndCurlyApostrophesAsPlainOnes() {
    assertThat(Lead.keyOf("Survivors\u2019\u00a0Advisory Group"))
        .isEqualTo(Lead.keyOf("Survivors' Advisory Group"))
        .isEqualTo("survivors' advisory group");
  }

  @Test
  void keepsLeadsThatDifferInTheirWordsApart() {
    assertThat(Lead.keyOf("Council")).isNotEqualTo(Lead.keyOf("Council housing"));
    assertThat(Lead.keyOf("Police CSU")).isNotEqualTo(Lead.keyOf("PoliceCSU"));
  }

  @Test
  void isMappedOnlyWhenSomeoneWhoUpdatesActionsIsMappedToIt() {
    LeadPerson noAccount =
        new LeadPerson(1, "Mariam Haddad", Optional.empty(), Optional.empty(), false);
    LeadPerson viewer = new LeadPerson(2, "Gareth Lloyd", Optional.empty(), Optional.of(7L), false);
    LeadPerson lead =
        new LeadPerson(3, "Tom Whitfield", Optional.of("Council"), Optional.of(8L), true);

    assertThat(new Lead("Schools", 2, List.of(), Set.of()).mapped()).isFalse();
    Lead withoutUpdaters = new Lead("Schools", 2, List.of(noAccount, viewer), Set.of());
    assertThat(withoutUpdaters.mapped()).isFalse();
    assertThat(withoutUpdaters.mappedToPeopleWhoCannotUpdate()).isTrue();
    Lead mapped = new Lead("Schools", 2, List.of(noAccount, lead), Set.of(8L));
    assertThat(mapped.mapped()).isTrue();
    assertThat(mapped.mappedToPeopleWhoCannotUpdate()).isFalse();

    assertThat(noAccount.whyNotUpdating()).contains("No account: invite them from Users");
    assertThat(viewer.whyNotUpdating()).contains("Their account has no role that updates actions");
    assertThat(lead.whyNotUpdating()).isEmpty();
    assertThat(lead.label()).isEqualTo("Tom Whitfield, Council");
  }
}
