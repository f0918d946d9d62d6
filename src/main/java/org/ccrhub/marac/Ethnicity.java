package org.ccrhub.marac;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ccrhub.shared.InvalidInputException;

/**
 * A victim's ethnicity in the ONS 2021 census classification for England and Wales: a category
 * within its group ({@code White: Irish}), a group alone ({@code White}) when that is all that is
 * known, or {@code Not known}.
 *
 * <p>{@link #parse} reads it as ONS 2021 writes it, in any case and spacing, and also what
 * spreadsheets write instead when the meaning is clear: the 2011 census names ({@code Asian or
 * Asian British: Indian}), a dash for the colon ({@code White - Irish}), a category without its
 * group ({@code Indian}, {@code White British}), {@code Unknown} or a blank for not known. Those
 * are accepted with a warning that says how they were read. Text that names no category, or a
 * category of another group ({@code White: Indian}), is refused. Messages never repeat the text
 * read: it is personal data.
 */
public record Ethnicity(EthnicGroup group, Optional<EthnicCategory> category) {

  public static final Ethnicity NOT_KNOWN = new Ethnicity(EthnicGroup.NOT_KNOWN, Optional.empty());

  /** What {@link #parse} read, and how it read it when the text was not as ONS 2021 writes it. */
  public record Reading(Ethnicity ethnicity, Optional<String> warning) {}

  private static final Pattern DASH = Pattern.compile("\\s+-\\s+");
  private static final Pattern SEPARATORS = Pattern.compile("[,/]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  /** Names for a category that mean it only after its group's name. */
  private static final Set<String> NEED_THEIR_GROUP =
      Set.of("other", "british", "english", "welsh", "scottish", "northern irish");

  private static final Map<String, EthnicGroup> GROUPS = new HashMap<>();
  private static final Map<String, EthnicGroup> GROUPS_OTHERWISE = new HashMap<>();
  private static final Map<EthnicGroup, Map<String, EthnicCategory>> CATEGORIES =
      new EnumMap<>(EthnicGroup.class);
  private static final Map<EthnicGroup, Map<String, EthnicCategory>> CATEGORIES_OTHERWISE =
      new EnumMap<>(EthnicGroup.class);
  private static final Map<String, EthnicCategory> CATEGORIES_ALONE = new HashMap<>();

  /**
   * Every name of a group, longest first, for a category written after its group without a colon.
   */
  private static final List<Map.Entry<String, EthnicGroup>> GROUP_PREFIXES;

  static {
    for (EthnicGroup group : EthnicGroup.values()) {
      GROUPS.put(key(group.label()), group);
      group.otherNames().forEach(n -> GROUPS_OTHERWISE.put(key(n), group));
      CATEGORIES.put(group, new HashMap<>());
      CATEGORIES_OTHERWISE.put(group, new HashMap<>());
    }
    Set<String> ambiguous = new HashSet<>(NEED_THEIR_GROUP);
    Map<String, EthnicCategory> alone = new HashMap<>();
    for (EthnicCategory category : EthnicCategory.values()) {
      CATEGORIES.get(category.group()).put(key(category.label()), category);
      alone.put(key(category.label()), category);
      for (String name : category.otherNames()) {
        String key = key(name);
        CATEGORIES_OTHERWISE.get(category.group()).put(key, category);
        EthnicCategory before = alone.putIfAbsent(key, category);
        if (before != null && before != category) {
          ambiguous.add(key);
        }
      }
    }
    alone.keySet().removeAll(ambiguous);
    alone.keySet().removeAll(GROUPS.keySet());
    alone.keySet().removeAll(GROUPS_OTHERWISE.keySet());
    CATEGORIES_ALONE.putAll(alone);
    Map<String, EthnicGroup> prefixes = new HashMap<>(GROUPS);
    prefixes.putAll(GROUPS_OTHERWISE);
    GROUP_PREFIXES =
        prefixes.entrySet().stream()
            .filter(e -> e.getValue() != EthnicGroup.NOT_KNOWN)
            .sorted(
                Comparator.comparingInt((Map.Entry<String, EthnicGroup> e) -> -e.getKey().length()))
            .toList();
  }

  public Ethnicity {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(category, "category");
    if (category.isPresent() && category.get().group() != group) {
      throw new IllegalArgumentException(category.get() + " is not in the group " + group);
    }
  }

  public static Ethnicity of(EthnicCategory category) {
    return new Ethnicity(category.group(), Optional.of(category));
  }

  /** A group alone, when the category is not known. */
  public static Ethnicity of(EthnicGroup group) {
    return new Ethnicity(group, Optional.empty());
  }

  /** As ONS 2021 writes it: "White: Irish", "White", "Not known". */
  public String label() {
    return category.map(EthnicCategory::fullLabel).orElse(group.label());
  }

  /** Whether the victim counts towards the data return's {@code bame_pct}. */
  public boolean countsAsBame() {
    return group.countsAsBame();
  }

  /**
   * Reads an ethnicity as described above.
   *
   * @throws InvalidInputException when the text names no ONS 2021 category or group
   */
  public static Reading parse(String text) {
    String written = Words.key(text);
    if (written.isEmpty()) {
      return new Reading(NOT_KNOWN, Optional.of("No ethnicity given: read as Not known"));
    }
    String whole = key(written);
    EthnicGroup group = GROUPS.get(whole);
    if (group != null) {
      return new Reading(of(group), Optional.empty());
    }
    group = GROUPS_OTHERWISE.get(whole);
    if (group != null) {
      return warned(of(group));
    }
    String[] parts = written.split(":", 2);
    if (parts.length < 2) {
      parts = DASH.split(written, 2);
    }
    if (parts.length == 2) {
      return inGroup(key(parts[0]), key(parts[1]));
    }
    EthnicCategory alone = CATEGORIES_ALONE.get(whole);
    if (alone != null) {
      return warned(of(alone));
    }
    for (Map.Entry<String, EthnicGroup> prefix : GROUP_PREFIXES) {
      if (whole.startsWith(prefix.getKey() + " ")) {
        EthnicCategory category =
            category(prefix.getValue(), whole.substring(prefix.getKey().length() + 1));
        if (category != null) {
          return warned(of(category));
        }
      }
    }
    throw notAnEthnicity();
  }

  private static Reading inGroup(String groupKey, String categoryKey) {
    EthnicGroup group = GROUPS.get(groupKey);
    boolean asWritten = group != null;
    if (group == null) {
      group = GROUPS_OTHERWISE.get(groupKey);
    }
    if (group == null || group == EthnicGroup.NOT_KNOWN) {
      throw notAnEthnicity();
    }
    EthnicCategory category = CATEGORIES.get(group).get(categoryKey);
    if (category == null) {
      asWritten = false;
      category = CATEGORIES_OTHERWISE.get(group).get(categoryKey);
    }
    if (category == null) {
      throw new InvalidInputException(
          "The ethnicity's category is not one of the ONS 2021 categories of "
              + group.label()
              + ": write it like White: Irish, or the group alone, like White");
    }
    Ethnicity ethnicity = of(category);
    return asWritten ? new Reading(ethnicity, Optional.empty()) : warned(ethnicity);
  }

  private static EthnicCategory category(EthnicGroup group, String categoryKey) {
    EthnicCategory category = CATEGORIES.get(group).get(categoryKey);
    return category != null ? category : CATEGORIES_OTHERWISE.get(group).get(categoryKey);
  }

  private static Reading warned(Ethnicity ethnicity) {
    return new Reading(
        ethnicity, Optional.of("Read as " + ethnicity.label() + ", as ONS 2021 writes it"));
  }

  private static InvalidInputException notAnEthnicity() {
    return new InvalidInputException(
        "The ethnicity is not an ONS 2021 category: write it like White: Irish, or its group alone,"
            + " like White, or Not known");
  }

  /** Lower case, {@code &} as "and", commas and slashes as spaces, spaces collapsed. */
  private static String key(String text) {
    String words = Words.key(text).replace("&", " and ");
    words = SEPARATORS.matcher(words).replaceAll(" ");
    return SPACES.matcher(words).replaceAll(" ").strip();
  }
}
