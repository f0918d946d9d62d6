package org.ccrhub.sharing.web;

import java.time.LocalDate;
import org.ccrhub.Fixtures;
import org.ccrhub.partnership.Agency;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows the sharing tests start from, written straight to the database: members linked to a
 * person of their agency, protocols and their parties. Shared by {@link SharingPageTests} (MockMvc)
 * and {@link SharingBrowserTests} (a real browser).
 */
record SharingRows(Fixtures fixtures, JdbcClient jdbc) {

  /** A member with a role, linked to a new person of the agency (or of none); their email. */
  String member(Partnership p, Role role, String name, Agency agency) {
    String email = fixtures.user(p, role);
    long person =
        jdbc.sql(
                "insert into person (partnership_id, name, agency_id) values (:p, :name, :agency)"
                    + " returning id")
            .param("p", p.id())
            .param("name", name)
            .param("agency", agency == null ? null : agency.id())
            .query(Long.class)
            .single();
    jdbc.sql(
            "insert into account_person (partnership_id, user_account_id, person_id)"
                + " values (:p, (select id from user_account where email = :email), :person)")
        .param("p", p.id())
        .param("email", email)
        .param("person", person)
        .update();
    return email;
  }

  /** The person the account with this email is linked to. */
  long personOf(String email) {
    return jdbc.sql(
            "select person_id from account_person ap join user_account u on u.id ="
                + " ap.user_account_id where u.email = :email")
        .param("email", email)
        .query(Long.class)
        .single();
  }

  /** A protocol in force from a day, until a day (then expired) or with no end; its id. */
  long protocol(Partnership p, String title, LocalDate from, LocalDate until) {
    return jdbc.sql(
            "insert into sharing_protocol (partnership_id, title, in_force_from, in_force_until,"
                + " ending) values (:p, :title, :from, :until, :ending) returning id")
        .param("p", p.id())
        .param("title", title)
        .param("from", from)
        .param("until", until)
        .param("ending", until == null ? null : "EXPIRED")
        .query(Long.class)
        .single();
  }

  /** The agency a party to the protocol from a day, with its SPOC (or none). */
  void party(Partnership p, long protocol, Agency agency, LocalDate from, Long spocPerson) {
    jdbc.sql(
            "insert into sharing_party (partnership_id, protocol_id, agency_id, party_from,"
                + " spoc_person_id) values (:p, :protocol, :agency, :from, :spoc)")
        .param("p", p.id())
        .param("protocol", protocol)
        .param("agency", agency.id())
        .param("from", from)
        .param("spoc", spocPerson)
        .update();
  }
}
