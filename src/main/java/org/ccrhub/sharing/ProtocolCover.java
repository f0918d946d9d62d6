package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccrhub.partnership.Agency;
import org.ccrhub.shared.Dates;
import org.jspecify.annotations.Nullable;

/**
 * Whether a request may go from one agency to another on a day: only under a protocol in force that
 * day of which both agencies are parties that day, and never from an agency to itself. A protocol
 * is in force from its in-force date to its last day (both inclusive; under review counts as in
 * force), and an agency is a party from the day it joined to the day it left (both inclusive). When
 * several protocols cover the pair the requester chooses.
 *
 * <p>A refusal says why in words a person can act on: when no protocol names both agencies, that
 * they are not both parties to a protocol in force; otherwise, for each protocol that names both
 * (in the order of their titles), what stops it: not yet in force, expired or withdrawn (with its
 * last day), or an agency that is a party only from a later day or that left. ADR 20 gives the
 * first two; the others are chosen as a SPOC would want them, naming the agency and the day so the
 * requester knows whether to wait or to ask their administrator. Dates are written as every page
 * writes them ("31 March 2026"), and the day is "today" when it is today.
 */
public final class ProtocolCover {

  /**
   * An agency's membership of a protocol.
   *
   * @param joinedOn its first day as a party
   * @param leftOn its last day as a party, or null while it still is one
   */
  public record Party(long agencyId, LocalDate joinedOn, @Nullable LocalDate leftOn) {

    /** Whether the agency is a party on the day. */
    public boolean isPartyOn(LocalDate day) {
      return !day.isBefore(joinedOn) && (leftOn == null || !day.isAfter(leftOn));
    }
  }

  /**
   * What the cover needs of a protocol: its dates in force and its parties.
   *
   * @param inForceFrom its first day in force, or null while it is a draft
   * @param inForceUntil its last day in force, or null while it has no end
   * @param ending how it ended, when it has a last day
   */
  public record Protocol(
      long id,
      String title,
      @Nullable LocalDate inForceFrom,
      @Nullable LocalDate inForceUntil,
      @Nullable ProtocolEnding ending,
      List<Party> parties) {

    public Protocol {
      parties = List.copyOf(parties);
    }

    /** Whether the protocol is in force on the day (under review included). */
    public boolean isInForceOn(LocalDate day) {
      return inForceFrom != null
          && !day.isBefore(inForceFrom)
          && (inForceUntil == null || !day.isAfter(inForceUntil));
    }

    /** The agency's membership, if it is or was ever a party. */
    public Optional<Party> party(long agencyId) {
      return parties.stream().filter(p -> p.agencyId() == agencyId).findFirst();
    }
  }

  /**
   * The answer: the protocols under which the request may go (by title), or, when there are none,
   * the reasons why not.
   */
  public record Answer(List<Protocol> protocols, List<String> reasons) {

    public Answer {
      protocols = List.copyOf(protocols);
      reasons = List.copyOf(reasons);
    }

    /** Whether the request may go under at least one protocol. */
    public boolean allowed() {
      return !protocols.isEmpty();
    }

    /** Whether the request may go under this protocol. */
    public boolean allows(long protocolId) {
      return protocols.stream().anyMatch(p -> p.id() == protocolId);
    }
  }

  private static final Comparator<Protocol> BY_TITLE =
      Comparator.comparing((Protocol p) -> p.title().toLowerCase(Locale.ROOT))
          .thenComparing(Protocol::id);

  private final List<Protocol> protocols;
  private final LocalDate today;

  /**
   * @param protocols the partnership's protocols, whatever their status
   * @param today the day the answer is given, so that a reason can say "today"
   */
  public ProtocolCover(List<Protocol> protocols, LocalDate today) {
    this.protocols = protocols.stream().sorted(BY_TITLE).toList();
    this.today = today;
  }

  /** Whether a request may go from {@code requesting} to {@code asked} on {@code day}. */
  public Answer between(Agency requesting, Agency asked, LocalDate day) {
    if (requesting.id() == asked.id()) {
      return refused("A request goes to another agency: choose an agency other than your own");
    }
    List<Protocol> naming =
        protocols.stream()
            .filter(p -> p.party(requesting.id()).isPresent() && p.party(asked.id()).isPresent())
            .toList();
    List<Protocol> covering =
        naming.stream().filter(p -> covers(p, requesting, asked, day)).toList();
    if (!covering.isEmpty()) {
      return new Answer(covering, List.of());
    }
    if (naming.isEmpty()) {
      return refused(notBothParties(requesting, asked, day));
    }
    List<String> reasons = new ArrayList<>();
    naming.forEach(p -> reasons.addAll(whyNot(p, requesting, asked, day)));
    return new Answer(List.of(), reasons);
  }

  /**
   * Whether a request may go from {@code requesting} to {@code asked} on {@code day} under the
   * protocol the requester chose; a protocol that is not the partnership's covers nothing.
   */
  public Answer under(long protocolId, Agency requesting, Agency asked, LocalDate day) {
    Answer all = between(requesting, asked, day);
    if (all.allows(protocolId)) {
      return new Answer(
          all.protocols().stream().filter(p -> p.id() == protocolId).toList(), List.of());
    }
    if (requesting.id() == asked.id()) {
      return all;
    }
    Optional<Protocol> chosen = protocols.stream().filter(p -> p.id() == protocolId).findFirst();
    if (chosen.isPresent()) {
      List<String> reasons = whyNot(chosen.get(), requesting, asked, day);
      if (!reasons.isEmpty()) {
        return new Answer(List.of(), reasons);
      }
    }
    return refused(notBothParties(requesting, asked, day));
  }

  private static boolean covers(Protocol protocol, Agency requesting, Agency asked, LocalDate day) {
    return protocol.isInForceOn(day)
        && protocol.party(requesting.id()).filter(p -> p.isPartyOn(day)).isPresent()
        && protocol.party(asked.id()).filter(p -> p.isPartyOn(day)).isPresent();
  }

  private List<String> whyNot(Protocol protocol, Agency requesting, Agency asked, LocalDate day) {
    String the = capitalised(the(protocol));
    LocalDate from = protocol.inForceFrom();
    LocalDate until = protocol.inForceUntil();
    if (from == null) {
      return List.of(the + " is a draft: it takes requests once it comes into force");
    }
    if (day.isBefore(from)) {
      return List.of(
          the + " comes into force on " + Dates.date(from) + ", and takes requests from then");
    }
    if (until != null && day.isAfter(until)) {
      String ended =
          protocol.ending() == ProtocolEnding.WITHDRAWN ? " was withdrawn on " : " expired on ";
      return List.of(the + ended + Dates.date(until) + ", so it takes no new requests");
    }
    List<String> reasons = new ArrayList<>();
    for (Agency agency : List.of(requesting, asked)) {
      Optional<Party> party = protocol.party(agency.id());
      if (party.isEmpty()) {
        reasons.add(agency.name() + " is not a party to " + the(protocol));
      } else if (day.isBefore(party.get().joinedOn())) {
        reasons.add(
            agency.name()
                + " is a party to "
                + the(protocol)
                + " only from "
                + Dates.date(party.get().joinedOn()));
      } else if (!party.get().isPartyOn(day)) {
        reasons.add(
            agency.name() + " left " + the(protocol) + " on " + Dates.date(party.get().leftOn()));
      }
    }
    return reasons;
  }

  /** "the Northbridge ISP", as a sentence names a protocol; a title may begin with "The" itself. */
  private static String the(Protocol protocol) {
    String title = protocol.title();
    return title.toLowerCase(Locale.ROOT).startsWith("the ") ? title : "the " + title;
  }

  private static String capitalised(String words) {
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private String notBothParties(Agency requesting, Agency asked, LocalDate day) {
    return requesting.name()
        + " and "
        + asked.name()
        + " are not both parties to a protocol in force "
        + (day.equals(today) ? "today" : "on " + Dates.date(day));
  }

  private static Answer refused(String reason) {
    return new Answer(List.of(), List.of(reason));
  }
}
