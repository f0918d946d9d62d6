package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.UkDates;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;

/**
 * The rows of a MARAC import file read as referrals ({@code marac import}), every problem listed
 * with its row, column and reason. Nothing here touches the database: agencies are matched by name
 * against the partnership's, given as a map.
 *
 * <p>Problems never repeat what a personal column holds (names, dates of birth, ages, gender,
 * ethnicity, disability, LGBT+): the output of an import may end up in a log.
 */
final class ImportedReferrals {

  /** The file's columns, in the order the issue gives them. */
  static final List<String> COLUMNS =
      List.of(
          "referral_date",
          "meeting_date",
          "victim_name",
          "victim_dob",
          "victim_age",
          "victim_gender",
          "victim_ethnicity",
          "victim_disability",
          "victim_lgbt",
          "perpetrator_name",
          "perpetrator_dob",
          "perpetrator_age",
          "perpetrator_gender",
          "relationship",
          "referring_agency",
          "agency_type",
          "dash_score",
          "criteria",
          "children");

  static final List<String> REQUIRED = List.of("referral_date", "victim_name", "referring_agency");

  /** More children than any household has: a number above it is a typing error. */
  static final int MOST_CHILDREN = 30;

  /**
   * One row read.
   *
   * @param agencyName the referring agency as the file names it
   * @param agencyType the type the file gives it, if any
   */
  record Row(
      int number,
      LocalDate referralDate,
      Optional<LocalDate> meetingDate,
      String agencyName,
      Optional<AgencyType> agencyType,
      NewReferral.Victim victim,
      ReferralCriteria criteria,
      Set<Criterion> claimed,
      List<NewReferral.Perpetrator> perpetrators,
      int children) {

    /** The referral this row makes, referred by the agency with this id. */
    NewReferral referral(long agencyId) {
      return new NewReferral(
          referralDate,
          agencyId,
          Optional.empty(),
          victim,
          criteria,
          claimed,
          NewReferral.Consent.NOT_RECORDED,
          NewReferral.IdvaOffer.NOT_RECORDED,
          perpetrators,
          java.util.Collections.nCopies(children, NewReferral.Child.UNNAMED));
    }

    /** The key the agency is matched by: its name in lower case, spaces collapsed. */
    String agencyKey() {
      return agencyKey(agencyName);
    }

    static String agencyKey(String name) {
      return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
  }

  private ImportedReferrals() {}

  /**
   * The known columns and the names each may be written as (normalised, {@link Table#normalise}).
   */
  static Map<String, List<String>> known() {
    Map<String, List<String>> known = new LinkedHashMap<>();
    for (String column : COLUMNS) {
      known.put(column, List.of(Table.normalise(column)));
    }
    return known;
  }

  /** A problem of the header row (row 1) for each required column the file does not have. */
  static List<ImportProblem> missingColumns(Table table, Map<String, Integer> columns) {
    return ImportProblem.missingColumns(REQUIRED, columns, table.header());
  }

  /**
   * Reads the rows in file order, adding every problem to {@code errors} and what was read with a
   * guess to {@code warnings}.
   *
   * @param agencies the partnership's agencies' types by {@link Row#agencyKey}
   */
  static List<Row> read(
      Table table,
      Map<String, Integer> columns,
      Map<String, AgencyType> agencies,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    List<Row> rows = new ArrayList<>();
    Map<String, AgencyType> newAgencies = new LinkedHashMap<>();
    for (Table.Row row : table.rows()) {
      if (row.isBlank()) {
        continue;
      }
      Cells cells = new Cells(row, columns, errors, warnings);
      Optional<Row> read = cells.read(agencies, newAgencies);
      read.ifPresent(rows::add);
    }
    return rows;
  }

  /** The rows in the order they are recorded: by referral date, then as in the file. */
  static List<Row> inReferralOrder(Collection<Row> rows) {
    return rows.stream()
        .sorted(Comparator.comparing(Row::referralDate).thenComparingInt(Row::number))
        .toList();
  }

  /**
   * An agency type by its label ({@code Local authority}) or its name ({@code LOCAL_AUTHORITY}), in
   * any case, spacing or punctuation.
   */
  static Optional<AgencyType> agencyType(String text) {
    String key = Table.normalise(text);
    for (AgencyType type : AgencyType.values()) {
      if (Table.normalise(type.label()).equals(key) || Table.normalise(type.name()).equals(key)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
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
      return index == null ? "" : row.cell(index);
    }

    void error(String column, String value, String reason) {
      failed = true;
      errors.add(new ImportProblem(row.number(), column, value, reason));
    }

    void warning(String column, String value, String reason) {
      warnings.add(new ImportProblem(row.number(), column, value, reason));
    }

    Optional<Row> read(Map<String, AgencyType> agencies, Map<String, AgencyType> newAgencies) {
      Optional<LocalDate> referralDate = date("referral_date", true, true);
      Optional<LocalDate> meetingDate = date("meeting_date", false, true);

      String name = cell("victim_name");
      Optional<VictimIdentity> identity = Optional.empty();
      Optional<DateOfBirthOrAge> victimBirth = birth("victim_dob", "victim_age", referralDate);
      if (name.isEmpty() || PersonName.of(name).isEmpty()) {
        error("victim_name", "", "Enter the victim's name");
      } else if (name.length() > 300) {
        error("victim_name", "", "The victim's name must be 300 characters or fewer");
      } else if (victimBirth.isPresent()) {
        identity = Optional.of(VictimIdentity.of(name, List.of(), victimBirth.get()));
      }
      Optional<Gender> gender = parsed("victim_gender", Gender::parse);
      Optional<Ethnicity> ethnicity = Optional.empty();
      try {
        Ethnicity.Reading reading = Ethnicity.parse(cell("victim_ethnicity"));
        reading.warning().ifPresent(w -> warning("victim_ethnicity", "", w));
        ethnicity = Optional.of(reading.ethnicity());
      } catch (InvalidInputException e) {
        error("victim_ethnicity", "", e.getMessage());
      }
      Optional<Answer> disabled = parsed("victim_disability", Answer::parse);
      Optional<Answer> lgbt = parsed("victim_lgbt", Answer::parse);

      List<NewReferral.Perpetrator> perpetrators = new ArrayList<>();
      String perpetratorName = cell("perpetrator_name");
      Optional<DateOfBirthOrAge> perpetratorBirth =
          birth("perpetrator_dob", "perpetrator_age", referralDate);
      Optional<Gender> perpetratorGender = parsed("perpetrator_gender", Gender::parse);
      String relationship = cell("relationship");
      if (perpetratorName.length() > 300) {
        error("perpetrator_name", "", "The perpetrator's name must be 300 characters or fewer");
      }
      if (relationship.length() > 200) {
        error("relationship", "", "The relationship must be 200 characters or fewer");
      }
      boolean anyPerpetrator =
          !perpetratorName.isEmpty()
              || !cell("perpetrator_dob").isEmpty()
              || !cell("perpetrator_age").isEmpty()
              || !cell("perpetrator_gender").isEmpty()
              || !relationship.isEmpty();
      if (anyPerpetrator && perpetratorBirth.isPresent() && perpetratorGender.isPresent()) {
        perpetrators.add(
            new NewReferral.Perpetrator(
                PersonName.of(perpetratorName).isEmpty()
                    ? Optional.empty()
                    : Optional.of(perpetratorName),
                perpetratorBirth.get(),
                perpetratorGender.get(),
                relationship.isEmpty() ? Optional.empty() : Optional.of(relationship)));
      }

      String agencyName = cell("referring_agency");
      String typeText = cell("agency_type");
      Optional<AgencyType> type = Optional.empty();
      if (!typeText.isEmpty()) {
        type = agencyType(typeText);
        if (type.isEmpty()) {
          error(
              "agency_type",
              typeText,
              "Enter an agency type: Police, Local authority, Health, Probation, Fire and rescue,"
                  + " Housing, Education, Voluntary and community sector or Other");
        }
      }
      if (agencyName.isEmpty()) {
        error("referring_agency", "", "Enter the referring agency");
      } else if (agencyName.length() > 200) {
        error("referring_agency", "", "The agency's name must be 200 characters or fewer");
      } else {
        String key = Row.agencyKey(agencyName);
        AgencyType known = agencies.get(key);
        if (known != null) {
          if (type.isPresent() && type.get() != known) {
            warning(
                "agency_type",
                typeText,
                "The agency is already recorded as "
                    + known.label()
                    + ": that type is kept, this one is ignored");
          }
        } else if (type.isEmpty()) {
          if (!failedType(typeText)) {
            AgencyType earlier = newAgencies.get(key);
            if (earlier == null) {
              error(
                  "agency_type",
                  "",
                  "The agency '"
                      + agencyName
                      + "' is new to the partnership: enter its type, such as Police or Health");
            }
          }
        } else {
          AgencyType earlier = newAgencies.putIfAbsent(key, type.get());
          if (earlier != null && earlier != type.get()) {
            warning(
                "agency_type",
                typeText,
                "An earlier row gives this new agency the type "
                    + earlier.label()
                    + ": that type is used");
          }
        }
      }

      Optional<Integer> dashScore = Optional.empty();
      String score = cell("dash_score");
      if (!score.isEmpty()) {
        try {
          int value = Integer.parseInt(score);
          if (value < 0 || value > DashQuestion.COUNT) {
            throw new NumberFormatException();
          }
          dashScore = Optional.of(value);
        } catch (NumberFormatException e) {
          error(
              "dash_score",
              score,
              "The DASH score must be a whole number from 0 to " + DashQuestion.COUNT);
        }
      }
      Set<Criterion> claimed = EnumSet.noneOf(Criterion.class);
      String criteria = cell("criteria");
      if (!criteria.isEmpty()) {
        String[] parts = criteria.split("[;,\\n]");
        if (parts.length > 1) {
          warning("criteria", criteria, "More than one criterion: each one is recorded");
        }
        for (String part : parts) {
          if (part.isBlank()) {
            continue;
          }
          try {
            claimed.add(Criterion.parse(part));
          } catch (InvalidInputException e) {
            error("criteria", criteria, e.getMessage());
          }
        }
      }
      int children = 0;
      String childText = cell("children");
      if (!childText.isEmpty()) {
        try {
          children = Integer.parseInt(childText);
          if (children < 0 || children > MOST_CHILDREN) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          error(
              "children",
              childText,
              "The number of children must be a whole number from 0 to " + MOST_CHILDREN);
        }
      }
      if (referralDate.isPresent()
          && meetingDate.isPresent()
          && meetingDate.get().isBefore(referralDate.get())) {
        warning(
            "meeting_date",
            meetingDate.get().toString(),
            "The meeting is before the referral date: the case is counted at that meeting");
      }

      if (failed) {
        return Optional.empty();
      }
      NewReferral.Victim victim =
          NewReferral.Victim.recorded(
              identity.orElseThrow(),
              gender.orElseThrow(),
              ethnicity.orElseThrow(),
              disabled.orElseThrow(),
              lgbt.orElseThrow());
      RiskAssessment risk =
          dashScore.map(RiskAssessment::ofDashScore).orElse(RiskAssessment.none());
      return Optional.of(
          new Row(
              row.number(),
              referralDate.orElseThrow(),
              meetingDate,
              agencyName.strip().replaceAll("\\s+", " "),
              type,
              victim,
              ReferralCriteria.of(risk),
              claimed,
              perpetrators,
              children));
    }

    private boolean failedType(String typeText) {
      return !typeText.isEmpty(); // an unknown type was already listed
    }

    /** A date of the referral or meeting (not personal, so its value may be shown). */
    private Optional<LocalDate> date(String column, boolean required, boolean showValue) {
      String text = cell(column);
      if (text.isEmpty()) {
        if (required) {
          error(column, "", "Enter the " + words(column) + ", like 23/05/2016 or 2016-05-23");
        }
        return Optional.empty();
      }
      Optional<LocalDate> day = UkDates.day(text);
      if (day.isEmpty()) {
        error(
            column,
            showValue ? text : "",
            "The " + words(column) + " must be a real date, like 23/05/2016 or 2016-05-23");
        return Optional.empty();
      }
      if (day.get().getYear() < 1990 || day.get().getYear() > 2100) {
        error(
            column,
            showValue ? text : "",
            "The " + words(column) + " must be between 1990 and 2100");
        return Optional.empty();
      }
      return day;
    }

    /**
     * A date of birth or an age (personal: never shown). With both, the date of birth counts. Empty
     * when either is wrong.
     */
    private Optional<DateOfBirthOrAge> birth(
        String dobColumn, String ageColumn, Optional<LocalDate> referralDate) {
      String dobText = cell(dobColumn);
      String ageText = cell(ageColumn);
      Optional<LocalDate> dob = Optional.empty();
      if (!dobText.isEmpty()) {
        dob = UkDates.day(dobText);
        if (dob.isEmpty() || dob.get().getYear() < 1850) {
          error(dobColumn, "", "The date of birth must be a real date, like 23/05/1980");
          return Optional.empty();
        }
        if (referralDate.isPresent() && dob.get().isAfter(referralDate.get())) {
          error(dobColumn, "", "The date of birth must be on or before the referral date");
          return Optional.empty();
        }
      }
      Optional<Integer> age = Optional.empty();
      if (!ageText.isEmpty()) {
        try {
          int value = Integer.parseInt(ageText);
          if (value < 0 || value > DateOfBirthOrAge.OLDEST) {
            throw new NumberFormatException();
          }
          age = Optional.of(value);
        } catch (NumberFormatException e) {
          error(
              ageColumn, "", "The age must be a whole number from 0 to " + DateOfBirthOrAge.OLDEST);
          return Optional.empty();
        }
      }
      if (dob.isPresent() && age.isPresent()) {
        warning(ageColumn, "", "A date of birth is given too: the date of birth is used");
        age = Optional.empty();
      }
      return Optional.of(new DateOfBirthOrAge(dob, age));
    }

    private <T> Optional<T> parsed(String column, java.util.function.Function<String, T> parse) {
      try {
        return Optional.of(parse.apply(cell(column)));
      } catch (InvalidInputException e) {
        error(column, "", e.getMessage());
        return Optional.empty();
      }
    }

    private static String words(String column) {
      return column.replace('_', ' ');
    }
  }
}
