package org.ccrhub.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Migrations are backward compatible for one version (ADR 26): a release's migrations only add, so
 * that the previous version keeps working on the schema while a rolling upgrade replaces its nodes.
 * A migration that drops, renames, changes a column's type or makes a column required comes at
 * least one release after the code stopped using what it changes, and says so on a line of its own
 * beginning {@code -- contract:}.
 */
class MigrationRulesTests {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /**
   * The migrations written before the rule, as they are: some of them contract (V0007 drops two
   * columns, V0011 and V0029 make columns required) in the same release as the code that stopped
   * needing them. V0033 was merged after V0034 (ADR 26 says what that means for a database at
   * V0034).
   */
  private static final Set<String> WRITTEN_BEFORE_THE_RULE =
      Set.of(
          "V0001__foundation.sql",
          "V0002__directory_lookup_indexes.sql",
          "V0003__delivery_plans.sql",
          "V0004__performance_indicators.sql",
          "V0006__audit_chains_and_membership_joined_at.sql",
          "V0007__sign_in_protection.sql",
          "V0010__pending_uploads.sql",
          "V0011__plan_reporting_periods.sql",
          "V0012__mail.sql",
          "V0013__lead_mappings.sql",
          "V0014__plan_editing_and_archived_actions.sql",
          "V0015__progress_drafts.sql",
          "V0016__reminders.sql",
          "V0017__issued_board_packs.sql",
          "V0018__public_texts.sql",
          "V0019__indicator_target_change_in_points.sql",
          "V0020__finite_numbers_and_issue_tokens.sql",
          "V0021__two_factor_sign_in.sql",
          "V0022__marac.sql",
          "V0023__marac_agenda_indexes.sql",
          "V0024__marac_referral_submissions.sql",
          "V0025__session_touch_without_index_writes.sql",
          "V0026__bank_holidays.sql",
          "V0027__information_sharing.sql",
          "V0028__shipped_lawful_bases.sql",
          "V0029__decision_log_as_recorded.sql",
          "V0030__sharing_officer_role.sql",
          "V0031__own_lawful_bases_and_information_types.sql",
          "V0032__api_tokens.sql",
          "V0033__scheduler_lock.sql",
          "V0034__installation_keys.sql");

  private static final int LAST_VERSION_BEFORE_THE_RULE = 34;

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
  private static final Pattern CONTRACT = Pattern.compile("(?m)^\\s*-- contract:\\s*\\S");

  /** What breaks the previous version's code, each with what to say about it. */
  private static final List<Rule> CONTRACTING =
      List.of(
          new Rule(
              "drops something the previous version may use",
              Pattern.compile(
                  "\\bdrop\\s+(?!constraint\\b|default\\b|not\\s+null\\b|index\\b|expression\\b"
                      + "|identity\\b)\\w+"),
              false),
          new Rule("renames something", Pattern.compile("\\brename\\b"), false),
          new Rule(
              "changes a column's type",
              Pattern.compile("\\balter\\s+(column\\s+)?\\S+\\s+(set\\s+data\\s+)?type\\b"),
              true),
          new Rule("makes a column required", Pattern.compile("\\bset\\s+not\\s+null\\b"), true),
          new Rule(
              "adds a required column without a default",
              Pattern.compile(
                  "\\badd\\s+(?!constraint\\b|primary\\b|unique\\b|foreign\\b|check\\b)"
                      + "(?:(?!\\bdefault\\b|\\bgenerated\\b).)*\\bnot\\s+null\\b"
                      + "(?:(?!\\bdefault\\b|\\bgenerated\\b).)*$"),
              true));

  /**
   * One kind of contracting statement.
   *
   * @param quotesClause whether a problem quotes the whole clause (which column) or what was found
   */
  record Rule(String says, Pattern pattern, boolean quotesClause) {}

  @Test
  void migrationsAfterTheRuleOnlyAddUnlessMarkedAsContracting() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path file : migrations()) {
      String name = file.getFileName().toString();
      if (!WRITTEN_BEFORE_THE_RULE.contains(name)) {
        broken.addAll(problemsIn(name, Files.readString(file)));
      }
    }
    assertThat(broken).as("see docs/adr/0026-migrations-compatible-for-one-version.md").isEmpty();
  }

  @Test
  void aNewMigrationComesAfterEveryMigrationAnInstallationMayHaveApplied() throws IOException {
    // Flyway refuses to start on a database that has a later version than a migration it has not
    // applied (outOfOrder is off), so a new migration numbered below the last one would stop every
    // upgraded installation
    assertThat(migrations())
        .map(file -> file.getFileName().toString())
        .filteredOn(name -> !WRITTEN_BEFORE_THE_RULE.contains(name))
        .allSatisfy(
            name -> {
              Matcher version = VERSIONED.matcher(name);
              assertThat(version.matches()).as(name + " is named V<number>__<words>.sql").isTrue();
              assertThat(Integer.parseInt(version.group(1)))
                  .as(name)
                  .isGreaterThan(LAST_VERSION_BEFORE_THE_RULE);
            });
  }

  @Test
  void findsWhatTheMigrationsWrittenBeforeTheRuleContracted() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path file : migrations()) {
      found.addAll(problemsIn(file.getFileName().toString(), Files.readString(file)));
    }
    assertThat(found)
        .map(problem -> problem.substring(0, problem.indexOf(':')))
        .containsExactly(
            "V0007__sign_in_protection.sql",
            "V0007__sign_in_protection.sql",
            "V0011__plan_reporting_periods.sql",
            "V0029__decision_log_as_recorded.sql",
            "V0029__decision_log_as_recorded.sql",
            "V0029__decision_log_as_recorded.sql",
            "V0029__decision_log_as_recorded.sql",
            "V0029__decision_log_as_recorded.sql",
            "V0029__decision_log_as_recorded.sql",
            "V0029__decision_log_as_recorded.sql");
  }

  @Test
  void findsEachKindOfContractingStatement() {
    assertThat(problemsIn("V0100__x.sql", "alter table plan drop column note;"))
        .containsExactly("V0100__x.sql: drops something the previous version may use: drop column");
    assertThat(problemsIn("V0100__x.sql", "alter table plan drop note;")).hasSize(1);
    assertThat(problemsIn("V0100__x.sql", "DROP TABLE if exists old_plan;")).hasSize(1);
    assertThat(problemsIn("V0100__x.sql", "alter table plan rename column a to b;")).hasSize(1);
    assertThat(problemsIn("V0100__x.sql", "alter table plan rename to strategy;")).hasSize(1);
    assertThat(problemsIn("V0100__x.sql", "alter table plan alter column year type bigint;"))
        .hasSize(1);
    assertThat(problemsIn("V0100__x.sql", "alter table plan alter year set data type varchar(10);"))
        .hasSize(1);
    assertThat(
            problemsIn(
                "V0100__x.sql",
                "-- a comment; with a semicolon\nalter table plan\n"
                    + "    alter column owner set not null,\n"
                    + "    alter column year set not null;"))
        .containsExactly(
            "V0100__x.sql: makes a column required: alter column owner set not null",
            "V0100__x.sql: makes a column required: alter column year set not null");
    assertThat(
            problemsIn(
                "V0100__x.sql", "alter table plan add column owner bigint not null references p;"))
        .containsExactly(
            "V0100__x.sql: adds a required column without a default: add column owner bigint not"
                + " null references p");
  }

  @Test
  void letsAdditionsThrough() {
    assertThat(
            problemsIn(
                "V0100__x.sql",
                """
                -- what may be dropped later: drop column, rename, set not null (in a comment)
                create table plan_note (
                    id bigint generated always as identity primary key,
                    plan_id bigint not null references delivery_plan (id),
                    body text not null
                );
                alter table delivery_plan add column note text;
                alter table delivery_plan add column colour text not null default 'blue',
                    add column version_seen bigint default 0 not null;
                alter table delivery_plan add constraint note_length check (length(note) < 400);
                alter table delivery_plan alter column note drop not null;
                alter table delivery_plan alter column colour drop default;
                alter table delivery_plan drop constraint old_check;
                create index delivery_plan_note on delivery_plan (note);
                drop index if exists delivery_plan_old;
                insert into public_text (key, body) values ('a', 'Please rename your file');
                """))
        .isEmpty();
  }

  @Test
  void letsAContractingMigrationThroughWhenItSaysSo() {
    assertThat(
            problemsIn(
                "V0100__x.sql",
                "-- contract: delivery_plan.note unused since 0.3 (V0090 added plan_note)\n"
                    + "alter table delivery_plan drop column note;"))
        .isEmpty();
    assertThat(
            problemsIn(
                "V0100__x.sql",
                "-- not a contract: the word must start the line\n"
                    + "alter table delivery_plan drop column note;"))
        .hasSize(1);
  }

  private static List<Path> migrations() throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
      assertThat(all).as("migrations in " + MIGRATIONS.toAbsolutePath()).isNotEmpty();
      return all;
    }
  }

  /** What in one migration breaks the previous version, unless it is marked as contracting. */
  static List<String> problemsIn(String name, String sql) {
    if (CONTRACT.matcher(sql).find()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    for (String statement : statements(sql)) {
      for (String clause : clauses(statement)) {
        for (Rule rule : CONTRACTING) {
          Matcher found = rule.pattern().matcher(clause);
          if (found.find()) {
            problems.add(
                name + ": " + rule.says() + ": " + (rule.quotesClause() ? clause : found.group()));
          }
        }
      }
    }
    return problems;
  }

  /** The statements, lower case on one line each, without comments or quoted text. */
  private static List<String> statements(String sql) {
    String code =
        sql.replaceAll("--[^\\n]*", " ")
            .replaceAll("(?s)/\\*.*?\\*/", " ")
            .replaceAll("'(?:[^']|'')*'", "''")
            .replaceAll("\\s+", " ")
            .toLowerCase(java.util.Locale.ROOT);
    return Stream.of(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The comma-separated actions of one {@code alter table}, or the statement as it is. */
  private static List<String> clauses(String statement) {
    if (!statement.startsWith("alter table")) {
      return List.of(statement);
    }
    List<String> clauses = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        clauses.add(statement.substring(start, i).strip());
        start = i + 1;
      }
    }
    clauses.add(statement.substring(start).strip());
    // the first keeps "alter table name": take it off so that each clause reads the same
    clauses.set(0, clauses.get(0).replaceFirst("^alter table (only )?(if exists )?\\S+ ", ""));
    return clauses;
  }
}
