package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.ProtocolRegisterChanges.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A protocol's time in force, for {@link Protocols}, which locks the protocol before any change
 * here: the day it comes into force (only with an approved version and two parties), a review
 * (until its next version is recorded), and its end, expired or withdrawn, which can be removed
 * again (a past record created by an import, or an end recorded by mistake).
 */
final class ProtocolRegisterLifecycle {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ProtocolRegisterLifecycle(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  void putInForce(
      Partnership partnership, long id, ProtocolRegister.Protocol protocol, LocalDate from) {
    String the = ProtocolRegister.the(protocol.title());
    if (protocol.inForceUntil().isPresent()) {
      throw new ProtocolRegisterRejectedException(
          "",
          ProtocolRegister.capitalised(the)
              + " has an end recorded: remove the end before putting it in force again");
    }
    if (protocol.status().inForce()) {
      throw new ProtocolRegisterRejectedException(
          "",
          ProtocolRegister.capitalised(the)
              + " is already in force, since "
              + Dates.date(protocol.inForceFrom()));
    }
    List<Problem> problems =
        new ArrayList<>(ProtocolRegisterChanges.dayProblems("inForceFrom", "The date", from));
    protocol.whyNotInForceOn(from).forEach(r -> problems.add(new Problem("", r)));
    if (!problems.isEmpty()) {
      throw new ProtocolRegisterRejectedException(problems);
    }
    jdbc.sql("update sharing_protocol set in_force_from = :from where id = :id")
        .param("from", from)
        .param("id", id)
        .update();
    audit.record(
        AuditEntry.success(
            "PUT_IN_FORCE",
            Protocols.PROTOCOL,
            id,
            partnership.id(),
            "Put " + the + " in force from " + Dates.date(from)));
  }

  void startReview(
      Partnership partnership, long id, Protocols.LockedProtocol locked, LocalDate today) {
    ProtocolStatus status = locked.status(today);
    String the = ProtocolRegister.the(locked.title());
    if (status == ProtocolStatus.UNDER_REVIEW) {
      throw new ProtocolRegisterRejectedException(
          "",
          ProtocolRegister.capitalised(the)
              + " is under review already, since "
              + Dates.date(locked.reviewStartedOn()));
    }
    if (status != ProtocolStatus.IN_FORCE) {
      throw new ProtocolRegisterRejectedException(
          "",
          "Only a protocol in force is reviewed: "
              + the
              + " is "
              + status.label().toLowerCase(java.util.Locale.ROOT));
    }
    jdbc.sql("update sharing_protocol set review_started_on = :today where id = :id")
        .param("today", today)
        .param("id", id)
        .update();
    audit.record(
        AuditEntry.success(
            "START_REVIEW",
            Protocols.PROTOCOL,
            id,
            partnership.id(),
            "Started a review of " + the + " on " + Dates.date(today)));
  }

  void end(
      Partnership partnership,
      long id,
      Protocols.LockedProtocol locked,
      ProtocolRegisterChanges.Ending ending) {
    String the = ProtocolRegister.the(locked.title());
    if (locked.inForceFrom() == null) {
      throw new ProtocolRegisterRejectedException(
          "", ProtocolRegister.capitalised(the) + " has never been put in force, so it cannot end");
    }
    if (ending.lastDay().isBefore(locked.inForceFrom())) {
      throw new ProtocolRegisterRejectedException(
          "lastDay",
          "The last day in force must be on or after "
              + Dates.date(locked.inForceFrom())
              + ", the day it came into force");
    }
    jdbc.sql(
            """
            update sharing_protocol set in_force_until = :until, ending = :ending,
                ending_reason = :reason
            where id = :id
            """)
        .param("until", ending.lastDay())
        .param("ending", ending.ending().name())
        .param("reason", ending.reason().isEmpty() ? null : ending.reason())
        .param("id", id)
        .update();
    audit.record(
        AuditEntry.success(
            "END",
            Protocols.PROTOCOL,
            id,
            partnership.id(),
            (locked.inForceUntil() == null ? "Recorded that " : "Changed the end: ")
                + the
                + (ending.ending() == ProtocolEnding.WITHDRAWN ? " is withdrawn" : " expires")
                + ", last day in force "
                + Dates.date(ending.lastDay())
                + (ending.reason().isEmpty() ? "" : ", because: " + ending.reason())));
  }

  void removeEnd(Partnership partnership, long id, Protocols.LockedProtocol locked) {
    String the = ProtocolRegister.the(locked.title());
    if (locked.inForceUntil() == null) {
      throw new ProtocolRegisterRejectedException(
          "", ProtocolRegister.capitalised(the) + " has no end to remove");
    }
    jdbc.sql(
            """
            update sharing_protocol set in_force_until = null, ending = null,
                ending_reason = null
            where id = :id
            """)
        .param("id", id)
        .update();
    audit.record(
        AuditEntry.success(
            "REMOVE_END",
            Protocols.PROTOCOL,
            id,
            partnership.id(),
            "Removed the end of "
                + the
                + " (last day in force was "
                + Dates.date(locked.inForceUntil())
                + ")"));
  }
}
