package org.ccrhub.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupStructureTests {

  private static Group group(long id, String name, Long parent) {
    return new Group(id, name, GroupType.OTHER, Optional.ofNullable(parent), 0);
  }

  private static List<String> indented(GroupStructure structure) {
    return structure.places().stream()
        .map(
            p ->
                "  ".repeat(p.depth())
                    + p.group().name()
                    + p.reportsTo().map(r -> " -> " + r.name()).orElse(""))
        .toList();
  }

  private final GroupStructure typical =
      GroupStructure.of(
          List.of(
              group(5, "working group: harmful practices", 2L),
              group(3, "MARAC", 2L),
              group(2, "VAWG Strategic Group", 1L),
              group(4, "MARAC steering group", 3L),
              group(1, "CSP Board", null),
              group(6, "Safeguarding Adults Board", null),
              group(7, "Advisory Group", 2L)));

  @Test
  void listsEachGroupUnderTheGroupItReportsToByNameAtEveryLevel() {
    assertThat(indented(typical))
        .containsExactly(
            "CSP Board",
            "  VAWG Strategic Group -> CSP Board",
            "    Advisory Group -> VAWG Strategic Group",
            "    MARAC -> VAWG Strategic Group",
            "      MARAC steering group -> MARAC",
            "    working group: harmful practices -> VAWG Strategic Group",
            "Safeguarding Adults Board");
  }

  @Test
  void findsEveryGroupBelowAGroup() {
    assertThat(typical.below(1)).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 7L);
    assertThat(typical.below(3)).containsExactly(4L);
    assertThat(typical.below(4)).isEmpty();
  }

  @Test
  void offersAsParentsEveryGroupButItselfAndThoseBelowIt() {
    assertThat(typical.possibleParentsOf(3))
        .extracting(Group::name)
        .containsExactly(
            "Advisory Group",
            "CSP Board",
            "Safeguarding Adults Board",
            "VAWG Strategic Group",
            "working group: harmful practices");
    assertThat(typical.possibleParentsOf(1))
        .extracting(Group::name)
        .containsExactly("Safeguarding Adults Board");
  }

  @Test
  void stillShowsGroupsCaughtInALoopOfReportingLines() {
    GroupStructure loop =
        GroupStructure.of(List.of(group(1, "A", 2L), group(2, "B", 1L), group(3, "C", null)));

    assertThat(indented(loop)).containsExactly("C", "A -> B", "  B -> A");
    assertThat(loop.below(1)).containsExactly(2L);
  }

  @Test
  void showsAGroupWhoseParentIsMissingAtTheTop() {
    assertThat(indented(GroupStructure.of(List.of(group(1, "Orphan", 99L)))))
        .containsExactly("Orphan");
  }
}
