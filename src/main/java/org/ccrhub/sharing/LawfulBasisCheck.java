package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What lawful bases information about people needs, one rule for a request and for a decision to
 * share: an Article 6 basis (or DPA 2018 Part 3, for law enforcement); for special category
 * information an Article 9 condition as well; for criminal offence information Article 10 as well;
 * and only bases that can be relied on that day. Depersonalised and non-personal information need
 * none. A request or decision with no kinds of information recorded (an imported one) is treated as
 * about people.
 */
public final class LawfulBasisCheck {

  /**
   * What is missing: {@code code} says which rule ({@code notInUse}, {@code article6}, {@code
   * article9}, {@code article10}), so a form can lead to the right group of bases.
   */
  public record Problem(String code, String message) {}

  private LawfulBasisCheck() {}

  /** The problems, worded as GOV.UK forms word them; empty when the bases are enough. */
  public static List<Problem> check(
      Collection<InformationCategory> categories, List<LawfulBasis> claimed, LocalDate day) {
    List<Problem> problems = new ArrayList<>();
    for (LawfulBasis basis : claimed) {
      if (!basis.inUseOn(day)) {
        problems.add(
            new Problem(
                "notInUse",
                basis.code() + " cannot be relied on on " + org.ccrhub.shared.Dates.date(day)));
        return problems;
      }
    }
    boolean people =
        categories.isEmpty() || categories.stream().anyMatch(InformationCategory::identifiesPeople);
    if (!people) {
      return problems;
    }
    boolean lawEnforcement = has(claimed, LawfulBasis.Kind.LAW_ENFORCEMENT);
    if (!has(claimed, LawfulBasis.Kind.ARTICLE_6) && !lawEnforcement) {
      problems.add(
          new Problem(
              "article6",
              "Select a lawful basis under UK GDPR Article 6, or DPA 2018 Part 3 for law"
                  + " enforcement"));
    } else if (categories.contains(InformationCategory.SPECIAL_CATEGORY)
        && !has(claimed, LawfulBasis.Kind.ARTICLE_9)
        && !lawEnforcement) {
      problems.add(
          new Problem(
              "article9", "Select an Article 9 condition for the special category information"));
    } else if (categories.contains(InformationCategory.CRIMINAL_OFFENCE)
        && !has(claimed, LawfulBasis.Kind.ARTICLE_10)
        && !lawEnforcement) {
      problems.add(
          new Problem("article10", "Select UK GDPR 10 for the criminal offence information"));
    }
    return problems;
  }

  private static boolean has(List<LawfulBasis> claimed, LawfulBasis.Kind kind) {
    return claimed.stream().anyMatch(b -> b.kind() == kind);
  }
}
