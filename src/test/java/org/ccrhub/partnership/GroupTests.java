package org.ccrhub.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupTests {

  private final Group board = new Group(1, "CSP Board", GroupType.CSP_BOARD, Optional.empty(), 0);
  private final Group strategic =
      new Group(2, "VAWG Strategic Group", GroupType.VAWG_STRATEGIC_GROUP, Optional.of(1L), 0);
  private final Group marac = new Group(3, "MARAC", GroupType.MARAC, Optional.of(2L), 0);

  @Test
  void mayReportToAGroupThatIsNotBelowIt() {
    marac.checkCanReportTo("MARAC", board, Set.of());
    strategic.checkCanReportTo("VAWG Strategic Group", board, Set.of(3L));
  }

  @Test
  void refusesToReportToItself() {
    assertThatThrownBy(() -> board.checkCanReportTo("CSP Board", board, Set.of(2L, 3L)))
        .isInstanceOfSatisfying(
            DetailsRejectedException.class,
            e -> {
              assertThat(e.field()).isEqualTo("parent");
              assertThat(e.getMessage()).isEqualTo("A group cannot report to itself");
            });
  }

  @Test
  void refusesToReportToAGroupThatReportsToItDirectlyOrThroughOthers() {
    assertThatThrownBy(() -> board.checkCanReportTo("CSP Board", strategic, Set.of(2L, 3L)))
        .isInstanceOf(DetailsRejectedException.class)
        .hasMessage(
            "CSP Board cannot report to VAWG Strategic Group, because VAWG Strategic Group"
                + " already reports to CSP Board (directly or through other groups)");
    assertThatThrownBy(() -> board.checkCanReportTo("The Board", marac, Set.of(2L, 3L)))
        .isInstanceOfSatisfying(
            DetailsRejectedException.class, e -> assertThat(e.field()).isEqualTo("parent"))
        .hasMessageContaining("The Board cannot report to MARAC");
  }

  @Test
  void namesAreStrippedAndMustBeOneTo200Characters() {
    assertThat(Group.checkName("  MARAC  ")).isEqualTo("MARAC");
    assertThat(Group.checkName("x".repeat(200))).hasSize(200);
    assertThatThrownBy(() -> Group.checkName("   "))
        .isInstanceOfSatisfying(
            DetailsRejectedException.class, e -> assertThat(e.field()).isEqualTo("name"))
        .hasMessage("Enter the group name");
    assertThatThrownBy(() -> Group.checkName("x".repeat(201)))
        .hasMessage("Group name must be 200 characters or fewer");
  }
}
