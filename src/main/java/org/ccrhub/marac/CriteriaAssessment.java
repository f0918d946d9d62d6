package org.ccrhub.marac;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which MARAC criteria a referral meets ({@link ReferralCriteria#assess}).
 *
 * @param met the criteria met, in the order of {@link Criterion}
 * @param notMet for each criterion not met, why not, in plain words
 * @param problems what the referrer must put right before the referral can be made: a professional
 *     judgement without its reason, or no criterion met at all; empty when the referral is complete
 */
public record CriteriaAssessment(
    Set<Criterion> met, Map<Criterion, String> notMet, List<String> problems) {

  public CriteriaAssessment {
    Set<Criterion> metCopy = EnumSet.noneOf(Criterion.class);
    metCopy.addAll(met);
    met = Collections.unmodifiableSet(metCopy);
    Map<Criterion, String> notMetCopy = new EnumMap<>(Criterion.class);
    notMetCopy.putAll(notMet);
    notMet = Collections.unmodifiableMap(notMetCopy);
    problems = List.copyOf(problems);
  }

  public boolean meets(Criterion criterion) {
    return met.contains(criterion);
  }

  /** At least one criterion is met and nothing is missing. */
  public boolean isComplete() {
    return !met.isEmpty() && problems.isEmpty();
  }

  /** Why a criterion is not met, or empty when it is. */
  public Optional<String> whyNot(Criterion criterion) {
    return Optional.ofNullable(notMet.get(criterion));
  }

  /**
   * For criteria a referral claims (such as an imported record's {@code criteria} column), why each
   * that the facts do not support is not met; empty when all are supported.
   */
  public List<String> unsupported(Set<Criterion> claimed) {
    return claimed.stream().sorted().filter(c -> !meets(c)).map(notMet::get).toList();
  }
}
