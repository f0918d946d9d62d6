package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A decision on a request (Part B) as the decider gave it on the form or as a row of an imported
 * log gave it, before {@link DecisionRules} checks it. What was not answered is null or empty.
 *
 * @param outcome share, share in part or refuse
 * @param decidedOn the day the decision was made
 * @param reasons the reasons in the decider's words: for refusing, or what was withheld and why
 * @param grounds the grounds for sharing without consent, kept in the order of {@link Ground}
 * @param withConsent whether every subject of the request gave consent that was still not withdrawn
 *     on the day decided (a request with no subjects counts as with consent: there is no one to
 *     ask)
 * @param subjectTold whether the person was told their information is shared, or null when not
 *     answered
 * @param notToldReason why the person was not told
 * @param informationTypes the names of the types of information disclosed (never the content)
 * @param method how the information was supplied
 * @param suppliedOn the day the information was supplied
 */
public record ProposedDecision(
    @Nullable DecisionOutcome outcome,
    @Nullable LocalDate decidedOn,
    String reasons,
    Set<Ground> grounds,
    boolean withConsent,
    @Nullable Boolean subjectTold,
    String notToldReason,
    List<String> informationTypes,
    @Nullable SharingMethod method,
    @Nullable LocalDate suppliedOn) {

  public ProposedDecision {
    EnumSet<Ground> sorted = EnumSet.noneOf(Ground.class);
    sorted.addAll(grounds);
    grounds = Collections.unmodifiableSet(sorted);
    informationTypes = informationTypes.stream().filter(t -> !t.isBlank()).toList();
  }
}
