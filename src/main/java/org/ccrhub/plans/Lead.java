package org.ccrhub.plans;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A lead as a plan names it ("Council", "Police CSU", "VAWG Coordinator"), with the number of the
 * plan's actions that name it and the people of the directory it is mapped to. Plans keep the lead
 * as written; a mapping is known by the lead's {@link #keyOf key}, so the mapping made for one plan
 * serves every plan of the partnership that names the same lead, however its spaces and capitals
 * are written.
 *
 * @param text the lead as the plan first writes it
 * @param actions how many of the plan's actions name it
 * @param people the people it is mapped to, by name
 * @param accountIds the accounts of those people that update actions: the updaters it gives the
 *     actions that name it
 */
public record Lead(String text, int actions, List<LeadPerson> people, Set<Long> accountIds) {

  private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  public Lead {
    people = List.copyOf(people);
    accountIds = Set.copyOf(accountIds);
  }

  /** The key of a lead's text: trimmed, inner spaces collapsed, lower case. */
  public static String keyOf(String text) {
    String normalised = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
    normalised = normalised.replace('\u2019', '\'').replace('\u2018', '\'');
    return SPACES.matcher(normalised).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
  }

  /** A lead's text as shown: trimmed, with inner spaces collapsed; capitals as written. */
  static String tidy(String text) {
    return SPACES.matcher(text == null ? "" : text).replaceAll(" ").strip();
  }

  public String key() {
    return keyOf(text);
  }

  /** Someone who updates actions is mapped to it: its actions have an updater through it. */
  public boolean mapped() {
    return !accountIds.isEmpty();
  }

  /** Mapped to people, none of whom has an account that updates actions. */
  public boolean mappedToPeopleWhoCannotUpdate() {
    return !people.isEmpty() && accountIds.isEmpty();
  }
}
