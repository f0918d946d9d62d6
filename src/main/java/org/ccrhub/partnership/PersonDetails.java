package org.ccrhub.partnership;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the partnership records about a person: their name, and if known their job title, agency,
 * work email and the groups they sit on. Only the name is required: an independent chair, for
 * example, belongs to no agency.
 */
public record PersonDetails(
    String name,
    Optional<String> jobTitle,
    Optional<Long> agencyId,
    Optional<String> email,
    Set<Long> groupIds) {

  static final int MAX_NAME = 200;
  static final int MAX_JOB_TITLE = 200;
  static final int MAX_EMAIL = 254;
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public PersonDetails {
    name = name == null ? "" : name.strip();
    if (name.isEmpty()) {
      throw new DetailsRejectedException("name", "Enter the full name");
    }
    if (name.length() > MAX_NAME) {
      throw new DetailsRejectedException(
          "name", "Name must be " + MAX_NAME + " characters or fewer");
    }
    jobTitle = jobTitle.map(String::strip).filter(t -> !t.isEmpty());
    if (jobTitle.isPresent() && jobTitle.get().length() > MAX_JOB_TITLE) {
      throw new DetailsRejectedException(
          "jobTitle", "Job title must be " + MAX_JOB_TITLE + " characters or fewer");
    }
    email = email.map(String::strip).filter(e -> !e.isEmpty());
    if (email.isPresent()
        && (email.get().length() > MAX_EMAIL || !EMAIL.matcher(email.get()).matches())) {
      throw new DetailsRejectedException(
          "email", "Enter an email address in the correct format, like name@example.org");
    }
    groupIds = Set.copyOf(groupIds);
  }

  /** Details from plain values, where null or blank means "not known". */
  public static PersonDetails of(
      String name,
      @Nullable String jobTitle,
      @Nullable Long agencyId,
      @Nullable String email,
      Collection<Long> groupIds) {
    return new PersonDetails(
        name,
        Optional.ofNullable(jobTitle),
        Optional.ofNullable(agencyId),
        Optional.ofNullable(email),
        Set.copyOf(groupIds));
  }
}
