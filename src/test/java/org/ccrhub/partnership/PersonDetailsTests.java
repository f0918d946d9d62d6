package org.ccrhub.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PersonDetailsTests {

  @Test
  void treatsBlankJobTitleAndEmailAsNotKnown() {
    PersonDetails details = PersonDetails.of(" Sam Jones ", "  ", null, "", List.of());

    assertThat(details.name()).isEqualTo("Sam Jones");
    assertThat(details.jobTitle()).isEmpty();
    assertThat(details.email()).isEmpty();
    assertThat(details.agencyId()).isEmpty();
    assertThat(details.groupIds()).isEmpty();
  }

  @Test
  void keepsWhatIsGivenStripped() {
    PersonDetails details =
        PersonDetails.of("Sam", " IDVA ", 4L, " sam@westshire.example ", List.of(1L, 2L, 2L));

    assertThat(details.jobTitle()).contains("IDVA");
    assertThat(details.email()).contains("sam@westshire.example");
    assertThat(details.agencyId()).contains(4L);
    assertThat(details.groupIds()).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  void needsAName() {
    assertThatThrownBy(() -> PersonDetails.of("  ", null, null, null, Set.of()))
        .isInstanceOfSatisfying(
            DetailsRejectedException.class, e -> assertThat(e.field()).isEqualTo("name"))
        .hasMessage("Enter the full name");
  }

  @Test
  void refusesAnEmailAddressNotInTheFormNameAtDomain() {
    for (String bad : List.of("sam", "sam@example", "sam @example.org", "@example.org")) {
      assertThatThrownBy(
              () ->
                  new PersonDetails(
                      "Sam", Optional.empty(), Optional.empty(), Optional.of(bad), Set.of()))
          .as(bad)
          .isInstanceOfSatisfying(
              DetailsRejectedException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }
  }

  @Test
  void refusesAJobTitleLongerThan200Characters() {
    assertThatThrownBy(() -> PersonDetails.of("Sam", "x".repeat(201), null, null, Set.of()))
        .isInstanceOfSatisfying(
            DetailsRejectedException.class, e -> assertThat(e.field()).isEqualTo("jobTitle"))
        .hasMessage("Job title must be 200 characters or fewer");
  }
}
