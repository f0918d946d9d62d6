package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator or the data protection lead changes in the register, each checked where it
 * is made: a protocol's settings, a new version, a signed PDF, a party, an end. Each rule is here
 * once: a form asks {@code problems(...)} to show every problem beside its field, and the record
 * refuses to be made with any ({@link ProtocolRegisterRejectedException}).
 */
public final class ProtocolRegisterChanges {

  /** The largest signed PDF kept: 20 MB. */
  public static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

  static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

  private ProtocolRegisterChanges() {}

  /** A problem with what was typed, named by its field. */
  public record Problem(String field, String message) {}

  /**
   * What a protocol is: its title (unique in the partnership, capitals aside), purposes, the
   * categories of information and lawful bases it covers, its response time in working days,
   * whether decisions may carry attachments and for how long they are kept, and how long requests'
   * personal details are kept.
   */
  public record Settings(
      String title,
      String purposes,
      Set<InformationCategory> categories,
      Set<Long> basisIds,
      int responseWorkingDays,
      boolean attachmentsAllowed,
      int attachmentRetentionDays,
      int retentionYears) {

    public Settings {
      title = title.strip();
      purposes = purposes.strip();
      categories = categories.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(categories));
      basisIds = Set.copyOf(basisIds);
      refuse(
          problems(title, purposes, responseWorkingDays, attachmentRetentionDays, retentionYears));
    }

    /** Every problem with these values; a number that could not be read is null and not checked. */
    public static List<Problem> problems(
        String title,
        String purposes,
        @Nullable Integer responseWorkingDays,
        @Nullable Integer attachmentRetentionDays,
        @Nullable Integer retentionYears) {
      List<Problem> problems = new ArrayList<>();
      text(problems, "title", title, "the title", true, 200);
      text(problems, "purposes", purposes, "the purposes", false, 4000);
      number(
          problems,
          "responseWorkingDays",
          responseWorkingDays,
          1,
          60,
          "The response time must be from 1 to 60 working days");
      number(
          problems,
          "attachmentRetentionDays",
          attachmentRetentionDays,
          1,
          365,
          "Attachments must be kept from 1 to 365 days");
      number(
          problems,
          "retentionYears",
          retentionYears,
          1,
          100,
          "Personal details must be kept from 1 to 100 years");
      return problems;
    }
  }

  /** A version as approved: document control. */
  public record NewVersion(
      String label,
      String author,
      String approvedBy,
      Optional<LocalDate> approvedOn,
      Optional<LocalDate> reviewOn,
      String notes) {

    public NewVersion {
      label = label.strip();
      author = author.strip();
      approvedBy = approvedBy.strip();
      notes = notes.strip();
      refuse(problems(label, author, approvedBy, approvedOn, reviewOn, notes));
    }

    public static List<Problem> problems(
        String label,
        String author,
        String approvedBy,
        Optional<LocalDate> approvedOn,
        Optional<LocalDate> reviewOn,
        String notes) {
      List<Problem> problems = new ArrayList<>();
      text(problems, "label", label, "the version", true, 50);
      text(problems, "author", author, "the author", false, 200);
      text(problems, "approvedBy", approvedBy, "who approved it", false, 200);
      approvedOn.ifPresent(d -> day(problems, "approvedOn", "The date it was approved", d));
      reviewOn.ifPresent(d -> day(problems, "reviewOn", "The next review date", d));
      if (approvedOn.isPresent()
          && reviewOn.isPresent()
          && !reviewOn.get().isAfter(approvedOn.get())) {
        problems.add(
            new Problem("reviewOn", "The next review date must be after the date it was approved"));
      }
      text(problems, "notes", notes, "the notes", false, 4000);
      return problems;
    }
  }

  /**
   * A signed PDF as uploaded: a PDF by its first bytes ({@code %PDF-}), whatever its name says, of
   * at most {@link #MAX_DOCUMENT_BYTES}.
   */
  public record SignedDocument(String fileName, byte[] pdf) {

    public SignedDocument {
      fileName = fileName(fileName);
      refuse(problems(pdf.length, pdf));
    }

    public static List<Problem> problems(long size, byte[] start) {
      List<Problem> problems = new ArrayList<>();
      if (size == 0) {
        problems.add(new Problem("document", "The selected file is empty"));
      } else if (size > MAX_DOCUMENT_BYTES) {
        problems.add(new Problem("document", "The selected file must be smaller than 20MB"));
      } else if (!isPdf(start)) {
        problems.add(new Problem("document", "The selected file must be a PDF"));
      }
      return problems;
    }

    static boolean isPdf(byte[] bytes) {
      return bytes.length >= 5
          && bytes[0] == '%'
          && bytes[1] == 'P'
          && bytes[2] == 'D'
          && bytes[3] == 'F'
          && bytes[4] == '-';
    }

    /** The name without any folders, at most 255 characters, the extension kept. */
    static String fileName(@Nullable String uploaded) {
      String name = uploaded == null ? "" : uploaded;
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
      if (name.isEmpty()) {
        return "protocol.pdf";
      }
      if (name.length() > 255) {
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        name = name.substring(0, 255 - extension.length()) + extension;
      }
      return name;
    }
  }

  /**
   * An agency's part in a protocol: its signatory (name, role, date signed), the day it joined, and
   * its SPOC and deputy, who must be two different people of that agency.
   */
  public record PartyDetails(
      String signatoryName,
      String signatoryRole,
      Optional<LocalDate> signedOn,
      LocalDate joinedOn,
      long spocPersonId,
      Optional<Long> deputyPersonId) {

    public PartyDetails {
      signatoryName = signatoryName.strip();
      signatoryRole = signatoryRole.strip();
      refuse(
          problems(
              signatoryName,
              signatoryRole,
              signedOn,
              Optional.of(joinedOn),
              Optional.of(spocPersonId),
              deputyPersonId));
    }

    public static List<Problem> problems(
        String signatoryName,
        String signatoryRole,
        Optional<LocalDate> signedOn,
        Optional<LocalDate> joinedOn,
        Optional<Long> spocPersonId,
        Optional<Long> deputyPersonId) {
      List<Problem> problems = new ArrayList<>();
      text(problems, "signatoryName", signatoryName, "the signatory's name", false, 200);
      text(problems, "signatoryRole", signatoryRole, "the signatory's role", false, 200);
      signedOn.ifPresent(d -> day(problems, "signedOn", "The date signed", d));
      joinedOn.ifPresent(d -> day(problems, "joinedOn", "The date it joined", d));
      if (spocPersonId.isPresent() && spocPersonId.equals(deputyPersonId)) {
        problems.add(
            new Problem("deputy", "Choose a deputy who is not the SPOC: they must be two people"));
      }
      return problems;
    }
  }

  /** How a protocol's time in force ends: its last day, and why when it is withdrawn. */
  public record Ending(ProtocolEnding ending, LocalDate lastDay, String reason) {

    public Ending {
      reason = reason.strip();
      refuse(problems(Optional.of(ending), Optional.of(lastDay), reason));
    }

    public static List<Problem> problems(
        Optional<ProtocolEnding> ending, Optional<LocalDate> lastDay, String reason) {
      List<Problem> problems = new ArrayList<>();
      lastDay.ifPresent(d -> day(problems, "lastDay", "The last day in force", d));
      if (ending.isPresent() && ending.get() == ProtocolEnding.WITHDRAWN && reason.isBlank()) {
        problems.add(new Problem("reason", "Enter why the protocol is being withdrawn"));
      }
      text(problems, "reason", reason, "the reason", false, 2000);
      return problems;
    }
  }

  /** A day of an event on the register: from 1990 to 2100, as the database keeps them. */
  public static List<Problem> dayProblems(String field, String what, LocalDate date) {
    List<Problem> problems = new ArrayList<>();
    day(problems, field, what, date);
    return problems;
  }

  private static void day(List<Problem> problems, String field, String what, LocalDate date) {
    if (date.isBefore(FIRST_DAY) || date.isAfter(LAST_DAY)) {
      problems.add(new Problem(field, what + " must be a date from 1990 to 2100"));
    }
  }

  static void text(
      List<Problem> problems, String field, String value, String what, boolean required, int max) {
    String text = value.strip();
    if (required && text.isEmpty()) {
      problems.add(new Problem(field, "Enter " + what));
    } else if (text.length() > max) {
      problems.add(
          new Problem(
              field,
              ProtocolRegister.capitalised(what) + " must be " + max + " characters or fewer"));
    }
  }

  private static void number(
      List<Problem> problems,
      String field,
      @Nullable Integer value,
      int min,
      int max,
      String message) {
    if (value != null && (value < min || value > max)) {
      problems.add(new Problem(field, message));
    }
  }

  static void refuse(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new ProtocolRegisterRejectedException(problems);
    }
  }
}
