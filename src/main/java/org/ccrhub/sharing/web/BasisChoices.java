package org.ccrhub.sharing.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.ccrhub.sharing.LawfulBasis;
import org.springframework.ui.Model;

/**
 * The lawful bases a form offers, grouped by kind (Article 6, Article 9, ..., powers to share), as
 * the request and the decision forms show them: each group a section that opens, Article 6 and the
 * powers open from the start, and any group with a basis already chosen.
 */
final class BasisChoices {

  private BasisChoices() {}

  /**
   * Puts {@code bases} (kind to id to "code: title") and {@code openGroups} in the model.
   *
   * @param offered which bases the form offers (those in use today, and those already relied on)
   * @param chosen the ids already chosen
   */
  static void offer(
      List<LawfulBasis> all,
      Predicate<LawfulBasis> offered,
      Collection<String> chosen,
      Model model) {
    Map<LawfulBasis.Kind, Map<String, String>> bases = new LinkedHashMap<>();
    for (LawfulBasis b : all) {
      if (offered.test(b)) {
        bases
            .computeIfAbsent(b.kind(), k -> new LinkedHashMap<>())
            .put(Long.toString(b.id()), b.code() + ": " + b.title());
      }
    }
    Set<LawfulBasis.Kind> open = EnumSet.of(LawfulBasis.Kind.ARTICLE_6, LawfulBasis.Kind.POWER);
    bases.forEach(
        (kind, options) -> {
          if (chosen.stream().anyMatch(options::containsKey)) {
            open.add(kind);
          }
        });
    model.addAttribute("bases", bases);
    model.addAttribute("openGroups", open);
  }
}
