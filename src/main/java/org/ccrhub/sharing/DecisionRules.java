package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.shared.Dates;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a decision on a request (Part B), one rule for the decision form and for an imported
 * log, so that every entry of the decision log answers what the ICO would ask.
 *
 * <ul>
 *   <li>The decision is share, share in part or refuse, made on a day from the day the request was
 *       made to today.
 *   <li>A refusal gives its reasons. Sharing in part gives its reasons too (what was withheld and
 *       why).
 *   <li>Sharing in full or in part <em>without consent</em> chooses at least one ground (prevent
 *       significant harm, prevention or detection of crime, public interest, legal duty) and says
 *       whether the person was told.
 *   <li>Whenever the person was not told, the reason why is given.
 *   <li>Sharing names the types of information disclosed, how it was supplied, and the day it was
 *       supplied, on or after the day decided. A refusal discloses nothing, so it has no types,
 *       method or date supplied.
 * </ul>
 *
 * <p>An imported log is history: old logs often did not say what was withheld, whether the person
 * was told and why not, what types of information went or how. A row of an imported log missing
 * those is imported with a warning. A refusal without reasons and sharing without consent without a
 * ground stay problems on import too: without them the entry does not show the decision was lawful.
 *
 * <p>Where ADR 20 is silent, chosen as a SPOC would expect: the date supplied is not in the future
 * either (the log records what happened, not what is planned); a refusal has no grounds for sharing
 * (an entry that refuses "in the public interest" and lists grounds for sharing would mislead the
 * reader of the log); grounds for sharing with consent are allowed (a decider may rely on both); a
 * reason given when the person was told is not a problem (the recorder keeps it blank); who
 * authorised the decision is not checked here, as an imported log may not say and the form fills it
 * with the decider.
 *
 * <p>Every problem is returned at once, each with the field of {@link ProposedDecision} it is about
 * ({@code outcome}, {@code decidedOn}, {@code reasons}, {@code grounds}, {@code subjectTold},
 * {@code notToldReason}, {@code informationTypes}, {@code method}, {@code suppliedOn}), so a form
 * can show each beside its field and an import can name its column. Messages are worded as GOV.UK
 * forms word them.
 */
public final class DecisionRules {

  /** What is wrong with a field of the decision: {@code field} names a {@link ProposedDecision}. */
  public record Problem(String field, String message) {}

  /**
   * The outcome of the check: the problems that stop the decision being recorded, and the warnings
   * that do not.
   */
  public record Checked(List<Problem> problems, List<Problem> warnings) {

    public Checked {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
    }

    /** Whether the decision can be recorded: nothing is wrong with it. */
    public boolean allowed() {
      return problems.isEmpty();
    }
  }

  private DecisionRules() {}

  /** Checks a decision made on the form for a request made on {@code requestedOn}. */
  public static Checked check(ProposedDecision decision, LocalDate requestedOn, LocalDate today) {
    return check(decision, requestedOn, today, false);
  }

  /**
   * Checks a decision read from a row of an imported log: the same rules, except that what old logs
   * often left out (what was withheld, whether and why the person was not told, the types of
   * information and how they went) is a warning.
   */
  public static Checked checkImported(
      ProposedDecision decision, LocalDate requestedOn, LocalDate today) {
    return check(decision, requestedOn, today, true);
  }

  private static Checked check(
      ProposedDecision decision, LocalDate requestedOn, LocalDate today, boolean imported) {
    List<Problem> problems = new ArrayList<>();
    List<Problem> warnings = new ArrayList<>();
    // what an old log may not have said: a problem on the form, a warning on import
    List<Problem> unsaid = imported ? warnings : problems;
    DecisionOutcome outcome = decision.outcome();
    LocalDate decidedOn = decision.decidedOn();
    if (outcome == null) {
      problems.add(new Problem("outcome", "Choose whether to share, share in part or refuse"));
    }
    if (decidedOn == null) {
      problems.add(new Problem("decidedOn", "Enter the date decided"));
    } else if (decidedOn.isBefore(requestedOn)) {
      problems.add(
          new Problem(
              "decidedOn",
              "The date decided must be on or after "
                  + Dates.date(requestedOn)
                  + ", the day the request was made"));
    } else if (decidedOn.isAfter(today)) {
      problems.add(new Problem("decidedOn", "The date decided must be today or in the past"));
    }
    if (outcome == DecisionOutcome.REFUSE) {
      if (decision.reasons().isBlank()) {
        problems.add(new Problem("reasons", "Give the reasons for refusing"));
      }
      refusalDisclosesNothing(decision, problems);
    } else if (outcome != null) {
      if (outcome == DecisionOutcome.SHARE_IN_PART && decision.reasons().isBlank()) {
        unsaid.add(
            new Problem(
                "reasons", "Give the reasons for sharing in part: what was withheld and why"));
      }
      if (!decision.withConsent()) {
        if (decision.grounds().isEmpty()) {
          problems.add(new Problem("grounds", "Choose the grounds for sharing without consent"));
        }
        if (decision.subjectTold() == null) {
          unsaid.add(
              new Problem(
                  "subjectTold",
                  "Select whether the person was told that their information is shared"));
        }
      }
      sharingSaysWhatAndHow(decision, decidedOn, today, problems, unsaid);
    }
    if (Boolean.FALSE.equals(decision.subjectTold()) && decision.notToldReason().isBlank()) {
      unsaid.add(new Problem("notToldReason", "Give the reason the person was not told"));
    }
    return new Checked(problems, warnings);
  }

  private static void refusalDisclosesNothing(ProposedDecision decision, List<Problem> problems) {
    if (!decision.grounds().isEmpty()) {
      problems.add(
          new Problem(
              "grounds", "A refusal has no grounds for sharing: clear them, or choose to share"));
    }
    if (!decision.informationTypes().isEmpty()) {
      problems.add(
          new Problem(
              "informationTypes",
              "A refusal discloses no information: clear the types of information"));
    }
    if (decision.method() != null) {
      problems.add(
          new Problem("method", "A refusal discloses no information: clear how it was shared"));
    }
    if (decision.suppliedOn() != null) {
      problems.add(
          new Problem("suppliedOn", "A refusal discloses no information: clear the date supplied"));
    }
  }

  private static void sharingSaysWhatAndHow(
      ProposedDecision decision,
      @Nullable LocalDate decidedOn,
      LocalDate today,
      List<Problem> problems,
      List<Problem> unsaid) {
    if (decision.informationTypes().isEmpty()) {
      unsaid.add(new Problem("informationTypes", "Choose the types of information disclosed"));
    }
    if (decision.method() == null) {
      unsaid.add(new Problem("method", "Choose how the information was shared"));
    }
    LocalDate suppliedOn = decision.suppliedOn();
    if (suppliedOn == null) {
      problems.add(new Problem("suppliedOn", "Enter the date the information was supplied"));
    } else if (decidedOn != null && suppliedOn.isBefore(decidedOn)) {
      problems.add(
          new Problem(
              "suppliedOn",
              "The date supplied must be on or after the date decided, " + Dates.date(decidedOn)));
    } else if (suppliedOn.isAfter(today)) {
      problems.add(new Problem("suppliedOn", "The date supplied must be today or in the past"));
    }
  }
}
