package org.ccrhub.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccrhub.shared.Dates;

/**
 * The register of a partnership's protocols as people read it (Appendix A of a protocol): each
 * protocol with its status, versions (document control, with the signed PDFs), parties, signatories
 * and SPOCs. Every member reads it: it says who has agreed to share, not anything about a resident.
 */
public final class ProtocolRegister {

  /** A review date this close, or past, is a reminder on the home page and a note on the page. */
  public static final int REVIEW_NOTICE_DAYS = 60;

  private ProtocolRegister() {}

  /**
   * A protocol as the register lists it.
   *
   * @param currentVersion the label of its current version (the latest approved)
   * @param reviewOn its current version's next review date
   * @param reviewNote "Review overdue by 14 days" or "Review due in 20 days", while it is in force
   *     and the date is within {@value #REVIEW_NOTICE_DAYS} days or past
   * @param parties how many agencies are parties today or will be (those that left not counted)
   */
  public record Entry(
      long id,
      String title,
      ProtocolStatus status,
      Optional<String> currentVersion,
      Optional<LocalDate> reviewOn,
      Optional<String> reviewNote,
      int parties) {}

  /** A protocol with everything the register shows of it. */
  public record Protocol(
      long id,
      String title,
      String purposes,
      List<InformationCategory> categories,
      List<LawfulBasis> bases,
      int responseWorkingDays,
      boolean attachmentsAllowed,
      int attachmentRetentionDays,
      int retentionYears,
      Optional<LocalDate> inForceFrom,
      Optional<LocalDate> inForceUntil,
      Optional<ProtocolEnding> ending,
      String endingReason,
      Optional<LocalDate> reviewStartedOn,
      boolean imported,
      int version,
      ProtocolStatus status,
      List<Version> versions,
      List<Party> parties) {

    public Protocol {
      categories = List.copyOf(categories);
      bases = List.copyOf(bases);
      versions = List.copyOf(versions);
      parties = List.copyOf(parties);
    }

    /** The current version: the latest approved, or else the latest recorded. */
    public Optional<Version> currentVersion() {
      return versions.stream()
          .filter(Version::approved)
          .findFirst()
          .or(() -> versions.stream().findFirst());
    }

    /** The next review date of the current version. */
    public Optional<LocalDate> reviewOn() {
      return currentVersion().flatMap(Version::reviewOn);
    }

    /** "Review overdue by 14 days" and the like, while it is in force. */
    public Optional<String> reviewNote(LocalDate today) {
      return status.inForce()
          ? reviewOn().flatMap(r -> ProtocolRegister.reviewNote(r, today))
          : Optional.empty();
    }

    /**
     * What goes with its status, shown after it: "Since 1 April 2026" (in force), "Comes into force
     * on 1 May 2027" (a draft), "In force since 1 April 2026, review started on 1 March 2027"
     * (under review), "Last day in force was 31 March 2027" (expired or withdrawn).
     */
    public String statusDetail() {
      String until =
          inForceUntil
              .map(
                  u ->
                      ", until "
                          + Dates.date(u)
                          + (ending.orElse(ProtocolEnding.EXPIRED) == ProtocolEnding.WITHDRAWN
                              ? ", when it is withdrawn"
                              : ", when it expires"))
              .orElse("");
      switch (status) {
        case DRAFT:
          return inForceFrom
              .map(d -> "Comes into force on " + Dates.date(d))
              .orElse("Not in force");
        case EXPIRED:
        case WITHDRAWN:
          return "Last day in force was " + Dates.date(inForceUntil);
        case UNDER_REVIEW:
          return "In force since "
              + Dates.date(inForceFrom)
              + until
              + ". Review started on "
              + Dates.date(reviewStartedOn);
        default:
          return "Since " + Dates.date(inForceFrom) + until;
      }
    }

    public boolean hasApprovedVersion() {
      return versions.stream().anyMatch(Version::approved);
    }

    /** The parties that have not left by the day (those joining later count). */
    public List<Party> partiesOn(LocalDate day) {
      return parties.stream()
          .filter(p -> p.leftOn().isEmpty() || !day.isAfter(p.leftOn().get()))
          .toList();
    }

    /**
     * What stops it coming into force on the day, in words a person can act on; empty when nothing
     * does. It needs an approved version and at least two parties that have not left by then.
     */
    public List<String> whyNotInForceOn(LocalDate day) {
      List<String> reasons = new ArrayList<>();
      if (!hasApprovedVersion()) {
        reasons.add(
            capitalised(the(title))
                + " needs an approved version before it can come into force: record a version"
                + " with the date it was approved");
      }
      int parties = partiesOn(day).size();
      if (parties < 2) {
        reasons.add(
            capitalised(the(title))
                + " needs at least two parties before it can come into force: it has "
                + (parties == 0 ? "none" : "only one")
                + ". Add "
                + (parties == 0 ? "the agencies that signed it" : "another party"));
      }
      return reasons;
    }

    /** The party of this id, if it is one of this protocol's. */
    public Optional<Party> party(long partyId) {
      return parties.stream().filter(p -> p.id() == partyId).findFirst();
    }

    /** The version of this id, if it is one of this protocol's. */
    public Optional<Version> version(long versionId) {
      return versions.stream().filter(v -> v.id() == versionId).findFirst();
    }
  }

  /**
   * A version as approved: document control. Versions are never changed or deleted.
   *
   * @param approvedOn the day it was approved; a version without one is a draft
   * @param documents its signed PDFs, as uploaded, oldest first
   */
  public record Version(
      long id,
      String label,
      String author,
      String approvedBy,
      Optional<LocalDate> approvedOn,
      Optional<LocalDate> reviewOn,
      String notes,
      String recordedBy,
      Instant recordedAt,
      List<Document> documents) {

    public Version {
      documents = List.copyOf(documents);
    }

    public boolean approved() {
      return approvedOn.isPresent();
    }
  }

  /** A signed PDF of a version, kept with its SHA-256. */
  public record Document(
      long id, String fileName, long size, String sha256, String uploadedBy, Instant uploadedAt) {

    /** E.g. "1.2 MB", "340 KB". */
    public String sizeText() {
      return org.ccrhub.shared.FileSizes.text(size);
    }
  }

  /**
   * An agency under the protocol: its signatory, its SPOC and deputy, and the days it joined and
   * left (both inclusive).
   */
  public record Party(
      long id,
      long agencyId,
      String agencyName,
      String signatoryName,
      String signatoryRole,
      Optional<LocalDate> signedOn,
      LocalDate joinedOn,
      Optional<LocalDate> leftOn,
      Optional<Contact> spoc,
      Optional<Contact> deputy,
      int version) {

    /** Whether it has left by the day (its last day before it). */
    public boolean hasLeftBy(LocalDate day) {
      return leftOn.isPresent() && day.isAfter(leftOn.get());
    }
  }

  /**
   * A SPOC or deputy: a person of the directory. They decide through their linked account, only
   * while they are still in the party's agency and their account a member of the partnership.
   *
   * @param hasAccount whether the person is linked to an account that is a member
   * @param inAgency whether the person is still in the party's agency
   */
  public record Contact(long personId, String name, boolean hasAccount, boolean inAgency) {

    public boolean canDecide() {
      return hasAccount && inAgency;
    }

    /** Why they cannot decide, e.g. "no account: cannot decide"; empty when they can. */
    public Optional<String> problem(String agencyName) {
      if (!inAgency) {
        return Optional.of("no longer at " + agencyName + ": cannot decide");
      }
      return hasAccount ? Optional.empty() : Optional.of("no account: cannot decide");
    }
  }

  /**
   * A person of an agency, who can be its SPOC or deputy.
   *
   * @param hasAccount whether they are linked to an account that is a member, so can decide
   */
  public record Candidate(
      long personId, long agencyId, String name, Optional<String> jobTitle, boolean hasAccount) {

    /** E.g. "Sam Okafor, Detective Sergeant" or "Jo Reed (no account: cannot decide)". */
    public String label() {
      return name
          + jobTitle.map(t -> ", " + t).orElse("")
          + (hasAccount ? "" : " (no account: cannot decide)");
    }
  }

  /**
   * A protocol in force whose review date is near or past, for a home page.
   *
   * @param text e.g. "Northbridge ISP: review overdue by 14 days"
   */
  public record Reminder(long protocolId, String title, LocalDate reviewOn, String text) {}

  /**
   * "Review overdue by 14 days", "Review due today" or "Review due in 20 days" when the review date
   * is within {@value #REVIEW_NOTICE_DAYS} days or past; empty when it is further off.
   */
  public static Optional<String> reviewNote(LocalDate reviewOn, LocalDate today) {
    long days = ChronoUnit.DAYS.between(today, reviewOn);
    if (days < 0) {
      return Optional.of("Review overdue by " + days(-days));
    }
    if (days == 0) {
      return Optional.of("Review due today");
    }
    return days <= REVIEW_NOTICE_DAYS
        ? Optional.of("Review due in " + days(days))
        : Optional.empty();
  }

  private static String days(long n) {
    return n == 1 ? "1 day" : n + " days";
  }

  /** "the Northbridge ISP", as a sentence names a protocol; a title may begin with "The" itself. */
  public static String the(String title) {
    return title.toLowerCase(Locale.ROOT).startsWith("the ") ? title : "the " + title;
  }

  static String capitalised(String words) {
    return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
