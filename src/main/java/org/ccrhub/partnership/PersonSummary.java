package org.ccrhub.partnership;

import java.util.List;
import java.util.Optional;

/** A person as listed: with the names of their agency and groups. */
public record PersonSummary(
    long id,
    String name,
    Optional<String> jobTitle,
    Optional<String> agencyName,
    Optional<String> email,
    List<String> groupNames) {}
