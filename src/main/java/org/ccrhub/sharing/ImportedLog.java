package org.ccrhub.sharing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.shared.UkDates;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;
import org.jspecify.annotations.Nullable;

/**
 * The rows of an imported decision log ({@code sharing import}) read as requests and their
 * decisions, every problem listed with its row, column and reason. Nothing here touches the
 * database: lawful bases are matched by a {@link LawfulBases.Matcher}, agencies and protocols later
 * by name.
 *
 * <p>A log is history, so what is odd but meaningful is read with a warning: a subject role the
 * list does not know is "other" in the log's words; a method of sharing it does not know is left
 * unsaid; a needed-by date before the request is kept but not used for the due date. What cannot be
 * read, or would make the entry unlawful on its face (a refusal without reasons, sharing without
 * consent without a ground), is a problem, and then nothing is imported.
 */
final class ImportedLog {

  /** The file's columns, in the order the issue gives them. */
  static final List<String> COLUMNS =
      List.of(
          "request_date",
          "requesting_agency",
          "requesting_officer",
          "asked_agency",
          "protocol",
          "subject_role",
          "purpose",
          "urgent",
          "needed_by",
          "consent",
          "lawful_basis",
          "decision_date",
          "decision",
          "reasons",
          "subject_told",
          "not_told_reason",
          "authorised_by",
          "information_types",
          "method");

  static final List<String> REQUIRED =
      List.of(
          "request_date",
          "requesting_agency",
          "asked_agency",
          "protocol",
          "subject_role",
          "consent",
          "lawful_basis");

  /** The columns that only a decided row fills. */
  private static final List<String> DECISION_COLUMNS =
      List.of(
          "decision_date",
          "reasons",
          "subject_told",
          "not_told_reason",
          "authorised_by",
          "information_types",
          "method");

  /** What the officer column says when the log does not name them. */
  static final String NOT_RECORDED = "Not recorded";

  /** A data subject's role, as the log writes it. */
  record Subject(SubjectRole role, @Nullable String other) {}

  /**
   * One row read.
   *
   * @param key what makes the row the same row when a file is imported again
   */
  record Row(
      int number,
      LocalDate requestDate,
      String requestingAgency,
      String requestingOfficer,
      String askedAgency,
      String protocol,
      List<Subject> subjects,
      String purpose,
      boolean urgent,
      @Nullable LocalDate neededBy,
      Consent consent,
      List<LawfulBasis> bases,
      @Nullable ProposedDecision decision,
      String authorisedBy,
      String key) {}

  private ImportedLog() {}

  /** The known columns and the names each may be written as (normalised). */
  static Map<String, List<String>> known() {
    Map<String, List<String>> known = new LinkedHashMap<>();
    for (String column : COLUMNS) {
      known.put(column, List.of(Table.normalise(column)));
    }
    return known;
  }

  /** The key agencies and protocols are matched by: lower case, spaces collapsed. */
  static String nameKey(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the rows in file order, adding every problem to {@code errors} and what was read with a
   * guess to {@code warnings}.
   */
  static List<Row> read(
      Table table,
      Map<String, Integer> columns,
      LawfulBases.Matcher bases,
      LocalDate today,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    List<Row> rows = new ArrayList<>();
    Map<String, Integer> seen = new LinkedHashMap<>();
    for (Table.Row row : table.rows()) {
      if (row.isBlank()) {
        continue;
      }
      String content = contentOf(row, columns);
      int before = seen.merge(content, 1, Integer::sum) - 1;
      new Cells(row, columns, errors, warnings)
          .read(bases, today, sha256(before + "\u0000" + content))
          .ifPresent(rows::add);
    }
    return rows;
  }

  /** The row's 19 values, normalised, as one text. */
  private static String contentOf(Table.Row row, Map<String, Integer> columns) {
    StringBuilder content = new StringBuilder();
    for (String column : COLUMNS) {
      Integer index = columns.get(column);
      String value = index == null ? "" : row.cell(index);
      content.append(nameKey(value)).append('\u001f');
    }
    return content.toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** One row's cells, read with their problems. */
  private static final class Cells {
    private final Table.Row row;
    private final Map<String, Integer> columns;
    private final List<ImportProblem> errors;
    private final List<ImportProblem> warnings;
    private boolean failed;

    Cells(
        Table.Row row,
        Map<String, Integer> columns,
        List<ImportProblem> errors,
        List<ImportProblem> warnings) {
      this.row = row;
      this.columns = columns;
      this.errors = errors;
      this.warnings = warnings;
    }

    String cell(String column) {
      Integer index = columns.get(column);
      return index == null ? "" : row.cell(index).strip();
    }

    void error(String column, String value, String reason) {
      failed = true;
      errors.add(new ImportProblem(row.number(), column, value, reason));
    }

    void warning(String column, String value, String reason) {
      warnings.add(new ImportProblem(row.number(), column, value, reason));
    }

    Optional<Row> read(LawfulBases.Matcher matcher, LocalDate today, String key) {
      for (String column : REQUIRED) {
        if (cell(column).isEmpty()) {
          error(column, "", "Enter the " + words(column) + ": it is required");
        }
      }
      LocalDate requestDate = date("request_date");
      String requesting = cell("requesting_agency");
      String asked = cell("asked_agency");
      if (!requesting.isEmpty() && nameKey(requesting).equals(nameKey(asked))) {
        error("asked_agency", asked, "The agency asked must not be the agency asking");
      }
      lengthAtMost("requesting_agency", 200);
      lengthAtMost("asked_agency", 200);
      lengthAtMost("protocol", 200);
      lengthAtMost("requesting_officer", 300);
      lengthAtMost("purpose", 4000);
      if (requestDate != null && requestDate.isAfter(today)) {
        error("request_date", cell("request_date"), "The request date must not be in the future");
      }
      List<Subject> subjects = subjects();
      boolean urgent = yesNo("urgent").orElse(false);
      LocalDate neededBy = date("needed_by");
      if (neededBy != null && requestDate != null && neededBy.isBefore(requestDate)) {
        warning(
            "needed_by",
            cell("needed_by"),
            "The date needed by is before the request date: it is kept, and the request is due"
                + " by the protocol's response time");
      }
      Consent consent = consent();
      List<LawfulBasis> bases = bases(matcher, requestDate);
      ProposedDecision decision = decision(requestDate, consent, today);
      if (failed || requestDate == null || consent == null) {
        return Optional.empty();
      }
      String officer = cell("requesting_officer");
      return Optional.of(
          new Row(
              row.number(),
              requestDate,
              requesting,
              officer.isEmpty() ? NOT_RECORDED : officer,
              asked,
              cell("protocol"),
              subjects,
              cell("purpose"),
              urgent,
              neededBy,
              consent,
              bases,
              decision,
              cell("authorised_by"),
              key));
    }

    private void lengthAtMost(String column, int most) {
      if (cell(column).length() > most) {
        error(column, "", "Keep the " + words(column) + " to " + most + " characters or fewer");
      }
    }

    private @Nullable LocalDate date(String column) {
      String text = cell(column);
      if (text.isEmpty()) {
        return null;
      }
      Optional<LocalDate> day = UkDates.day(text);
      if (day.isEmpty()) {
        error(column, text, "Enter a real date, like 2016-05-23 or 23/05/2016");
        return null;
      }
      if (day.get().getYear() < 1990 || day.get().getYear() > 2100) {
        error(column, text, "Enter a date from 1990 to 2100");
        return null;
      }
      return day.get();
    }

    private Optional<Boolean> yesNo(String column) {
      String text = cell(column).toLowerCase(Locale.ROOT);
      return switch (text) {
        case "" -> Optional.empty();
        case "yes", "y", "true" -> Optional.of(true);
        case "no", "n", "false" -> Optional.of(false);
        default -> {
          error(column, cell(column), "Enter yes or no");
          yield Optional.empty();
        }
      };
    }

    private List<Subject> subjects() {
      List<Subject> subjects = new ArrayList<>();
      for (String piece : cell("subject_role").split(";")) {
        String words = piece.strip();
        if (words.isEmpty()) {
          continue;
        }
        Optional<SubjectRole> role = SubjectRole.ofWords(words);
        if (role.isPresent()) {
          subjects.add(new Subject(role.get(), null));
        } else if (words.length() > 100) {
          error("subject_role", "", "Keep each role to 100 characters or fewer");
        } else {
          warning(
              "subject_role",
              words,
              "Not a role on the list (victim, informant, witness, suspect, offender, child,"
                  + " other): imported as other, in these words");
          subjects.add(new Subject(SubjectRole.OTHER, words));
        }
      }
      if (subjects.size() > 50) {
        error("subject_role", "", "A request has at most 50 data subjects");
      }
      return subjects;
    }

    private @Nullable Consent consent() {
      String text = cell("consent");
      if (text.isEmpty()) {
        return null;
      }
      Optional<Consent> consent = Consent.ofWords(text);
      if (consent.isEmpty()) {
        error("consent", text, "Enter given, refused or not sought");
        return null;
      }
      return consent.get();
    }

    private List<LawfulBasis> bases(LawfulBases.Matcher matcher, @Nullable LocalDate day) {
      Set<LawfulBasis> bases = new LinkedHashSet<>();
      for (String piece : cell("lawful_basis").split(";")) {
        String written = piece.strip();
        if (written.isEmpty()) {
          continue;
        }
        Optional<LawfulBasis> basis = matcher.match(written);
        if (basis.isEmpty()) {
          error(
              "lawful_basis",
              written,
              "Not a lawful basis CCR Hub knows: write it like UK GDPR 6(1)(e), or add it under"
                  + " Lawful bases first");
        } else {
          if (day != null && !basis.get().inUseOn(day)) {
            warning(
                "lawful_basis",
                written,
                "This basis could not be relied on on the request date: imported as written");
          }
          bases.add(basis.get());
        }
      }
      return List.copyOf(bases);
    }

    private @Nullable ProposedDecision decision(
        @Nullable LocalDate requestDate, @Nullable Consent consent, LocalDate today) {
      String decisionText = cell("decision");
      if (decisionText.isEmpty()) {
        for (String column : DECISION_COLUMNS) {
          if (!cell(column).isEmpty()) {
            error(
                column,
                cell(column),
                "The row has no decision, so it is still open: enter the decision (share, share"
                    + " in part or refuse) or clear this column");
          }
        }
        return null;
      }
      Optional<DecisionOutcome> outcome = outcome(decisionText);
      if (outcome.isEmpty()) {
        error("decision", decisionText, "Enter share, share in part or refuse, or leave it blank");
      }
      LocalDate decidedOn = date("decision_date");
      if (decidedOn == null && !failed) {
        error("decision_date", "", "Enter the date decided: the row has a decision");
      }
      Optional<Boolean> told = yesNo("subject_told");
      List<Ground> grounds = new ArrayList<>();
      List<String> reasonText = new ArrayList<>();
      for (String piece : cell("reasons").split(";")) {
        String words = piece.strip();
        if (!words.isEmpty()) {
          Ground.ofWords(words).ifPresentOrElse(grounds::add, () -> reasonText.add(words));
        }
      }
      List<String> types =
          java.util.Arrays.stream(cell("information_types").split(";"))
              .map(String::strip)
              .filter(t -> !t.isEmpty())
              .distinct()
              .toList();
      for (String type : types) {
        if (type.length() > 100) {
          error("information_types", "", "Keep each type of information to 100 characters");
        }
      }
      SharingMethod method = null;
      String methodText = cell("method");
      if (!methodText.isEmpty()) {
        method = methodOf(methodText);
        if (method == null) {
          warning(
              "method",
              methodText,
              "Not a method on the list (secure email, portal, in person, phone): imported"
                  + " without one");
        }
      }
      lengthAtMost("reasons", 4000);
      lengthAtMost("not_told_reason", 2000);
      lengthAtMost("authorised_by", 300);
      if (outcome.isEmpty() || decidedOn == null || requestDate == null || consent == null) {
        return null;
      }
      boolean sharing = outcome.get().shares();
      ProposedDecision decision =
          new ProposedDecision(
              outcome.get(),
              decidedOn,
              String.join("; ", reasonText),
              Set.copyOf(grounds),
              consent == Consent.GIVEN,
              told.orElse(null),
              cell("not_told_reason"),
              types,
              method,
              // a log has no date supplied: what was shared went on the day decided
              sharing ? decidedOn : null);
      DecisionRules.Checked checked = DecisionRules.checkImported(decision, requestDate, today);
      checked.problems().forEach(p -> error(column(p.field()), cellOf(p.field()), p.message()));
      checked.warnings().forEach(p -> warning(column(p.field()), cellOf(p.field()), p.message()));
      return decision;
    }

    private String cellOf(String field) {
      return cell(column(field));
    }

    /** The file's column a field of {@link ProposedDecision} comes from. */
    private static String column(String field) {
      return switch (field) {
        case "outcome" -> "decision";
        case "decidedOn" -> "decision_date";
        case "grounds", "reasons" -> "reasons";
        case "subjectTold" -> "subject_told";
        case "notToldReason" -> "not_told_reason";
        case "informationTypes" -> "information_types";
        case "method" -> "method";
        default -> "decision_date"; // suppliedOn: the decision date, in a log
      };
    }

    private static Optional<DecisionOutcome> outcome(String text) {
      String key = Table.normalise(text);
      return switch (key) {
        case "share", "shared", "sharefull", "shareinfull" -> Optional.of(DecisionOutcome.SHARE);
        case "shareinpart", "sharedinpart", "partshare", "partial" ->
            Optional.of(DecisionOutcome.SHARE_IN_PART);
        case "refuse", "refused" -> Optional.of(DecisionOutcome.REFUSE);
        default -> Optional.empty();
      };
    }

    private static @Nullable SharingMethod methodOf(String text) {
      return switch (Table.normalise(text)) {
        case "secureemail", "securemail" -> SharingMethod.SECURE_EMAIL;
        case "portal" -> SharingMethod.PORTAL;
        case "inperson", "facetoface" -> SharingMethod.IN_PERSON;
        case "phone", "telephone" -> SharingMethod.PHONE;
        default -> null;
      };
    }

    private static String words(String column) {
      return column.replace('_', ' ');
    }
  }
}
