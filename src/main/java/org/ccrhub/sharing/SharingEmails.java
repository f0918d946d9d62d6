package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.ccrhub.mail.Mail;
import org.ccrhub.mail.Message;
import org.ccrhub.security.BaseUrl;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The emails of information sharing: to the asked agency's SPOC, deputy and delegates when a
 * request is made, and to the requesting officer when it is decided. They say the request's number,
 * the agencies, the protocol and the dates, with a link: never who it is about, what was asked or
 * why, which stay behind the sign-in.
 */
@Component
class SharingEmails {

  static final String RECEIVED = "sharing-request-received";
  static final String DECIDED = "sharing-request-decided";

  private final Mail mail;
  private final BaseUrl baseUrl;
  private final JdbcClient jdbc;

  SharingEmails(Mail mail, BaseUrl baseUrl, JdbcClient jdbc) {
    this.mail = mail;
    this.baseUrl = baseUrl;
    this.jdbc = jdbc;
  }

  /** Tells those who decide for the asked agency under the protocol that a request came. */
  void received(
      Partnership partnership,
      int number,
      long protocolId,
      String protocolTitle,
      long askedAgencyId,
      String requestingAgency,
      boolean urgent,
      LocalDate dueOn,
      LocalDate today) {
    List<String> to =
        jdbc.sql(
                """
                select distinct u.email
                from sharing_party pa
                join account_person ap on ap.partnership_id = pa.partnership_id
                join user_account u on u.id = ap.user_account_id
                where pa.partnership_id = :p and pa.protocol_id = :protocol
                  and pa.agency_id = :agency
                  and pa.party_from <= :today
              and (pa.party_until is null or pa.party_until >= :today)
                  and exists (select 1 from membership m
                              where m.user_account_id = u.id and m.partnership_id = :p)
                  and (ap.person_id = pa.spoc_person_id or ap.person_id = pa.deputy_person_id
                       or exists (select 1 from sharing_delegation d
                                  where d.party_id = pa.id and d.person_id = ap.person_id
                                    and d.until >= :today and d.ended_at is null))
                order by u.email
                """)
            .param("p", partnership.id())
            .param("protocol", protocolId)
            .param("agency", askedAgencyId)
            .param("today", today)
            .query(String.class)
            .list();
    String subject =
        (urgent ? "Urgent: " : "")
            + "Request "
            + number
            + " from "
            + requestingAgency
            + ", due by "
            + Dates.date(dueOn);
    String body =
        "Request "
            + number
            + " from "
            + requestingAgency
            + " under the "
            + protocolTitle
            + " is due by "
            + Dates.date(dueOn)
            + (urgent ? ". It is marked urgent" : "")
            + ".\n\nOpen it to see what is asked and record the decision (you will be asked to"
            + " sign in):\n"
            + link(partnership, number)
            + "\n\nYou are sent this as a single point of contact, deputy or delegate for your"
            + " agency under this protocol.\n";
    for (String address : to) {
      mail.queue(new Message(partnership.id(), address, RECEIVED, subject, body, 0));
    }
  }

  /** Tells the requesting officer that their request was decided. */
  void decided(Partnership partnership, int number, long requestId, DecisionOutcome outcome) {
    List<String> to =
        jdbc.sql(
                """
                select u.email from sharing_request r
                join user_account u on u.id = r.requesting_account_id
                where r.id = :r
                  and exists (select 1 from membership m
                              where m.user_account_id = u.id
                                and m.partnership_id = r.partnership_id)
                """)
            .param("r", requestId)
            .query(String.class)
            .list();
    String subject = "Request " + number + " decided: " + outcome.label().toLowerCase(Locale.ROOT);
    String body =
        "The decision on your request "
            + number
            + " is recorded: "
            + outcome.label().toLowerCase(Locale.ROOT)
            + ".\n\nOpen it to see the decision (you will be asked to sign in):\n"
            + link(partnership, number)
            + "\n";
    for (String address : to) {
      mail.queue(new Message(partnership.id(), address, DECIDED, subject, body, 0));
    }
  }

  private String link(Partnership partnership, int number) {
    return baseUrl.of("/p/" + partnership.slug() + "/sharing/requests/" + number);
  }
}
