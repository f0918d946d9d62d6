package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.sharing.ProtocolRegisterChanges.Problem;

/**
 * What a partnership says of a lawful basis of its own: its kind, the code people cite it by, other
 * ways they write it, a title in plain words, for an Article 9 or 10 condition what it needs
 * alongside it, for a Schedule 1 condition its part, a note, and the days it can be relied on. The
 * rules are here once: a form asks {@link #problems} to show each beside its field, and the record
 * refuses to be made with any ({@link ProtocolRegisterRejectedException}).
 */
public record LawfulBasisDetails(
    LawfulBasis.Kind kind,
    String code,
    List<String> aliases,
    String title,
    Optional<Needs> needs,
    Optional<Integer> schedulePart,
    String note,
    Optional<LocalDate> inUseFrom,
    Optional<LocalDate> inUseUntil) {

  /** The most other names one basis has. */
  public static final int MOST_ALIASES = 20;

  static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

  /** What an Article 9 or 10 condition needs alongside it (DPA 2018 s10). */
  public enum Needs {
    SCHEDULE_1_PART_1("A DPA 2018 Schedule 1 Part 1 condition"),
    SCHEDULE_1_PART_2("A DPA 2018 Schedule 1 Part 2 condition"),
    SCHEDULE_1_ANY("A DPA 2018 Schedule 1 condition of any part");

    private final String label;

    Needs(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public LawfulBasisDetails {
    code = code.strip();
    title = title.strip();
    note = note.strip();
    List<String> distinct = new ArrayList<>();
    List<String> keys = new ArrayList<>(List.of(LawfulBases.key(code)));
    for (String alias : aliases) {
      String written = alias.strip();
      if (!written.isEmpty() && !keys.contains(LawfulBases.key(written))) {
        keys.add(LawfulBases.key(written));
        distinct.add(written);
      }
    }
    aliases = List.copyOf(distinct);
    ProtocolRegisterChanges.refuse(
        problems(kind, code, aliases, title, needs, schedulePart, note, inUseFrom, inUseUntil));
  }

  /** Every problem with these values. */
  public static List<Problem> problems(
      LawfulBasis.Kind kind,
      String code,
      List<String> aliases,
      String title,
      Optional<Needs> needs,
      Optional<Integer> schedulePart,
      String note,
      Optional<LocalDate> inUseFrom,
      Optional<LocalDate> inUseUntil) {
    List<Problem> problems = new ArrayList<>();
    ProtocolRegisterChanges.text(problems, "code", code, "the code", true, 100);
    if (aliases.size() > MOST_ALIASES) {
      problems.add(new Problem("aliases", "Give " + MOST_ALIASES + " other names or fewer"));
    } else if (aliases.stream().anyMatch(a -> a.strip().length() > 100)) {
      problems.add(new Problem("aliases", "Write each other name in 100 characters or fewer"));
    }
    ProtocolRegisterChanges.text(problems, "title", title, "the title", true, 300);
    if (needs.isPresent()
        && kind != LawfulBasis.Kind.ARTICLE_9
        && kind != LawfulBasis.Kind.ARTICLE_10) {
      problems.add(
          new Problem(
              "needs",
              "Only an Article 9 or Article 10 condition needs a Schedule 1 condition alongside"
                  + " it: select Nothing else"));
    }
    if (schedulePart.isPresent() && kind != LawfulBasis.Kind.SCHEDULE_1) {
      problems.add(
          new Problem(
              "schedulePart",
              "Only a DPA 2018 Schedule 1 condition has a part of the Schedule: select None"));
    } else if (schedulePart.isPresent() && (schedulePart.get() < 1 || schedulePart.get() > 3)) {
      problems.add(new Problem("schedulePart", "Select Part 1, 2 or 3"));
    }
    ProtocolRegisterChanges.text(problems, "note", note, "the note", false, 1000);
    day(problems, "inUseFrom", inUseFrom);
    day(problems, "inUseUntil", inUseUntil);
    if (inUseFrom.isPresent()
        && inUseUntil.isPresent()
        && inUseUntil.get().isBefore(inUseFrom.get())) {
      problems.add(
          new Problem("inUseUntil", "The last day in use must be on or after the first day"));
    }
    return problems;
  }

  private static void day(List<Problem> problems, String field, Optional<LocalDate> day) {
    if (day.isPresent() && (day.get().isBefore(FIRST_DAY) || day.get().isAfter(LAST_DAY))) {
      problems.add(new Problem(field, "The date must be from 1900 to 2100"));
    }
  }

  /** The keys it is found by: its code's and its other names'. */
  List<String> keys() {
    List<String> keys = new ArrayList<>(List.of(LawfulBases.key(code)));
    aliases.forEach(a -> keys.add(LawfulBases.key(a)));
    return keys;
  }
}
