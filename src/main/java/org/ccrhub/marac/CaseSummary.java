package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A case as the case list shows it.
 *
 * @param repeat whether the same victim was referred to the MARAC within its repeat window before
 * @param pendingMatches near matches still waiting for the coordinator
 */
public record CaseSummary(
    long id,
    LocalDate referralDate,
    Optional<String> victimName,
    String referringAgency,
    Optional<Integer> dashScore,
    Optional<DaraGrade> daraGrade,
    Optional<LocalDate> meetingDate,
    Optional<LocalDate> closedOn,
    boolean repeat,
    int pendingMatches) {}
