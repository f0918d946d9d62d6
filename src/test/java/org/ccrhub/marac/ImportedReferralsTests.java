package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.Table;
import org.junit.jupiter.api.Test;

/** The rows of a MARAC import file read as referrals, with their problems, without a database. */
class ImportedReferralsTests {

  static final List<String> HEADER = ImportedReferrals.COLUMNS;

  /** A row of all columns, the given ones changed (column, value pairs). */
  static List<String> row(String... changes) {
    List<String> cells =
        new ArrayList<>(
            List.of(
                "23/05/2016",
                "2016-06-02",
                "Ann Alpha",
                "01/01/1980",
                "",
                "female",
                "White: Irish",
                "no",
                "not known",
                "Al Alpha",
                "",
                "40",
                "male",
                "ex-partner",
                "Northbridge Police",
                "Police",
                "15",
                "visible high risk",
                "2"));
    for (int i = 0; i < changes.length; i += 2) {
      cells.set(HEADER.indexOf(changes[i]), changes[i + 1]);
    }
    return cells;
  }

  List<ImportProblem> errors = new ArrayList<>();
  List<ImportProblem> warnings = new ArrayList<>();

  List<ImportedReferrals.Row> read(Map<String, AgencyType> agencies, List<List<String>> rows) {
    return read(HEADER, agencies, rows);
  }

  List<ImportedReferrals.Row> read(
      List<String> header, Map<String, AgencyType> agencies, List<List<String>> rows) {
    List<Table.Row> tableRows = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      tableRows.add(new Table.Row(i + 2, rows.get(i)));
    }
    Table table = new Table(header, tableRows);
    return ImportedReferrals.read(
        table, table.columns(ImportedReferrals.known()), agencies, errors, warnings);
  }

  @Test
  void readsBothFormsOfDateAndAnswersAsWritten() {
    List<ImportedReferrals.Row> rows =
        read(
            Map.of(),
            List.of(
                row(),
                row(
                    "referral_date", "2016-05-24",
                    "meeting_date", "",
                    "victim_dob", "1980-01-01",
                    "victim_disability", "Yes",
                    "victim_lgbt", "NO")));

    assertThat(errors).isEmpty();
    assertThat(rows).hasSize(2);
    ImportedReferrals.Row first = rows.get(0);
    assertThat(first.referralDate()).isEqualTo(LocalDate.of(2016, 5, 23));
    assertThat(first.meetingDate()).contains(LocalDate.of(2016, 6, 2));
    assertThat(first.victim().identity().birth().dateOfBirth()).contains(LocalDate.of(1980, 1, 1));
    assertThat(first.victim().disabled()).isEqualTo(Answer.NO);
    assertThat(first.victim().lgbt()).isEqualTo(Answer.NOT_KNOWN);
    assertThat(first.claimed()).containsExactly(Criterion.VISIBLE_HIGH_RISK);
    assertThat(first.children()).isEqualTo(2);
    assertThat(first.agencyType()).contains(AgencyType.POLICE);
    assertThat(first.perpetrators()).hasSize(1);
    assertThat(first.perpetrators().get(0).birth().age()).contains(40);
    ImportedReferrals.Row second = rows.get(1);
    assertThat(second.referralDate()).isEqualTo(LocalDate.of(2016, 5, 24));
    assertThat(second.meetingDate()).isEmpty();
    assertThat(second.victim().identity().birth().dateOfBirth()).contains(LocalDate.of(1980, 1, 1));
    assertThat(second.victim().disabled()).isEqualTo(Answer.YES);
    assertThat(second.victim().lgbt()).isEqualTo(Answer.NO);
  }

  @Test
  void readsEveryCriterionAndWarnsWhenThereIsMoreThanOne() {
    List<ImportedReferrals.Row> rows =
        read(
            Map.of(),
            List.of(
                row("criteria", "Professional judgment"),
                row("criteria", "potential escalation; visible high risk"),
                row("criteria", "")));

    assertThat(errors).isEmpty();
    assertThat(rows.get(0).claimed()).containsExactly(Criterion.PROFESSIONAL_JUDGEMENT);
    assertThat(rows.get(1).claimed())
        .containsExactlyInAnyOrder(Criterion.POTENTIAL_ESCALATION, Criterion.VISIBLE_HIGH_RISK);
    assertThat(rows.get(2).claimed()).isEmpty();
    assertThat(warnings)
        .extracting(ImportProblem::toString)
        .containsExactly(
            "Row 3, column criteria ('potential escalation; visible high risk'): More than one"
                + " criterion: each one is recorded");
  }

  @Test
  void readsAgencyTypesByLabelOrNameInAnyCase() {
    for (AgencyType type : AgencyType.values()) {
      assertThat(ImportedReferrals.agencyType(type.label())).contains(type);
      assertThat(ImportedReferrals.agencyType(type.label().toUpperCase())).contains(type);
      assertThat(ImportedReferrals.agencyType(type.name())).contains(type);
    }
    assertThat(ImportedReferrals.agencyType("voluntary and community  sector"))
        .contains(AgencyType.VOLUNTARY_COMMUNITY);
    assertThat(ImportedReferrals.agencyType("Spies")).isEmpty();

    List<ImportedReferrals.Row> rows =
        read(
            Map.of("northbridge police", AgencyType.POLICE),
            List.of(
                row("agency_type", "Health"),
                row(
                    "referring_agency",
                    "Safe  Haven",
                    "agency_type",
                    "Voluntary and community sector"),
                row("referring_agency", "safe haven", "agency_type", "Other"),
                row("referring_agency", "New Charity", "agency_type", "")));

    assertThat(rows).hasSize(3);
    assertThat(rows.get(1).agencyName()).isEqualTo("Safe Haven");
    assertThat(rows.get(1).agencyKey()).isEqualTo(rows.get(2).agencyKey());
    assertThat(warnings)
        .extracting(ImportProblem::toString)
        .containsExactly(
            "Row 2, column agency_type ('Health'): The agency is already recorded as Police: that"
                + " type is kept, this one is ignored",
            "Row 4, column agency_type ('Other'): An earlier row gives this new agency the type"
                + " Voluntary and community sector: that type is used");
    assertThat(errors)
        .extracting(ImportProblem::toString)
        .containsExactly(
            "Row 5, column agency_type: The agency 'New Charity' is new to the partnership: enter"
                + " its type, such as Police or Health");
  }

  @Test
  void readsEthnicityAsOnsWritesItAndWarnsOfAGuessWithoutRepeatingIt() {
    List<ImportedReferrals.Row> rows =
        read(
            Map.of(),
            List.of(
                row("victim_ethnicity", "Asian, Asian British or Asian Welsh: Indian"),
                row("victim_ethnicity", "Black, Black British, Black Welsh, Caribbean or African"),
                row("victim_ethnicity", "Not known"),
                row("victim_ethnicity", "White Irish"),
                row("victim_ethnicity", ""),
                row("victim_ethnicity", "Purple")));

    assertThat(rows).hasSize(5);
    assertThat(rows.get(0).victim().ethnicity().category()).contains(EthnicCategory.INDIAN);
    assertThat(rows.get(1).victim().ethnicity().group()).isEqualTo(EthnicGroup.BLACK);
    assertThat(rows.get(1).victim().ethnicity().category()).isEmpty();
    assertThat(rows.get(2).victim().ethnicity()).isEqualTo(Ethnicity.NOT_KNOWN);
    assertThat(rows.get(3).victim().ethnicity().category())
        .isEqualTo(Optional.of(EthnicCategory.IRISH));
    assertThat(rows.get(4).victim().ethnicity()).isEqualTo(Ethnicity.NOT_KNOWN);
    assertThat(warnings)
        .extracting(ImportProblem::toString)
        .containsExactly(
            "Row 5, column victim_ethnicity: Read as White: Irish, as ONS 2021 writes it",
            "Row 6, column victim_ethnicity: No ethnicity given: read as Not known");
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).row()).isEqualTo(7);
    assertThat(errors.get(0).column()).isEqualTo("victim_ethnicity");
    assertThat(errors.get(0).toString()).doesNotContain("Purple");
  }

  @Test
  void listsWhatIsWrongWithoutRepeatingPersonalDetails() {
    List<ImportedReferrals.Row> rows =
        read(
            Map.of(),
            List.of(
                row("referral_date", "31/02/2016", "victim_disability", "maybe"),
                row("victim_dob", "99/99/1980", "victim_gender", "purple", "children", "31"),
                row("victim_age", "34")));

    assertThat(rows).hasSize(1);
    assertThat(errors)
        .extracting(ImportProblem::toString)
        .contains(
            "Row 2, column referral_date ('31/02/2016'): The referral date must be a real date,"
                + " like 23/05/2016 or 2016-05-23",
            "Row 2, column victim_disability: Enter yes, no or not known",
            "Row 3, column victim_dob: The date of birth must be a real date, like 23/05/1980",
            "Row 3, column children ('31'): The number of children must be a whole number from 0"
                + " to 30");
    assertThat(errors.toString()).doesNotContain("maybe", "99/99/1980", "purple");
    assertThat(warnings)
        .extracting(ImportProblem::toString)
        .containsExactly(
            "Row 4, column victim_age: A date of birth is given too: the date of birth is used");
  }

  @Test
  void listsEveryMissingRequiredColumn() {
    List<String> header = Arrays.asList("meeting_date", "Victim DOB", "victim_gender");
    Table table = new Table(header, List.of());

    List<ImportProblem> missing =
        ImportedReferrals.missingColumns(table, table.columns(ImportedReferrals.known()));

    assertThat(missing)
        .extracting(ImportProblem::toString)
        .containsExactly(
            "Row 1, column referral_date: The header row has no 'referral_date' column; found: "
                + ImportProblem.names(header),
            "Row 1, column victim_name: The header row has no 'victim_name' column; found: "
                + ImportProblem.names(header),
            "Row 1, column referring_agency: The header row has no 'referring_agency' column;"
                + " found: "
                + ImportProblem.names(header));
    assertThat(
            ImportedReferrals.missingColumns(
                new Table(HEADER, List.of()),
                new Table(HEADER, List.of()).columns(ImportedReferrals.known())))
        .isEmpty();
    assertThat(Set.copyOf(ImportedReferrals.REQUIRED))
        .containsExactlyInAnyOrder("referral_date", "victim_name", "referring_agency");
  }
}
