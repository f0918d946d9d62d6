package org.ccrhub.marac.web;

import java.util.stream.Collectors;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.marac.Criterion;
import org.ccrhub.marac.MaracAccess;
import org.ccrhub.marac.MaracReader;
import org.ccrhub.marac.NewReferral;
import org.ccrhub.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TEMPORARY, until the pages are wired to {@code Referrals}: stores a referral as it is, with a
 * victim of its own (no repeat search, no name keys, no near matches), and marks near-match
 * decisions without joining victims. Replace it by a {@link ReferralWrites} that calls {@code
 * Referrals}, then delete this class.
 */
@Component
class InterimReferralWrites implements ReferralWrites {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  InterimReferralWrites(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Override
  @Transactional
  public long record(MaracReader coordinator, NewReferral r) {
    long marac = coordinator.maracId();
    long victim =
        jdbc.sql("insert into marac_victim (marac_id) values (:m) returning id")
            .param("m", marac)
            .query(Long.class)
            .single();
    NewReferral.Victim v = r.victim();
    long id =
        jdbc.sql(
                """
                insert into marac_referral (marac_id, victim_id, referral_date,
                    referring_agency_id, referring_officer, victim_name, victim_other_names,
                    victim_dob, victim_age, victim_gender, victim_address, safe_contact,
                    safe_to_call, ethnic_group, ethnic_category, disabled, lgbt, pregnant,
                    first_language, interpreter_needed, victim_aware, victim_unaware_reason,
                    feared_people, safe_people, dash_answers, dash_score, dara_grade,
                    police_incidents_12m, criteria, judgement_reason, consent,
                    without_consent_reason, lawful_basis, consent_decided_by, idva_offer,
                    idva_offered_on, created_by)
                select :m, :victim, :date, a.id, :officer, :name,
                    string_to_array(:others, chr(10)), :dob, :age, :gender, :address,
                    :contact, :call, :group, :category, :disabled, :lgbt, :pregnant, :language,
                    :interpreter, :aware, :unaware, :fears, :safe, :answers, :score, :dara,
                    :incidents, string_to_array(:criteria, ','), :judgement, :consent,
                    :without, :basis, :decided, :offer, :offered, :by
                from agency a join marac m on m.partnership_id = a.partnership_id
                where a.id = :agency and m.id = :m
                returning id
                """)
            .param("m", marac)
            .param("victim", victim)
            .param("date", r.referralDate())
            .param("agency", r.referringAgencyId())
            .param("officer", r.referringOfficer().orElse(null))
            .param("name", v.identity().name())
            .param("others", String.join("\n", v.identity().otherNames()))
            .param("dob", v.identity().birth().dateOfBirth().orElse(null))
            .param("age", v.identity().birth().age().orElse(null))
            .param("gender", v.gender().name())
            .param("address", v.address().orElse(null))
            .param("contact", v.safeContact().orElse(null))
            .param("call", v.safeToCall().name())
            .param("group", v.ethnicity().group().name())
            .param("category", v.ethnicity().category().map(Enum::name).orElse(null))
            .param("disabled", v.disabled().name())
            .param("lgbt", v.lgbt().name())
            .param("pregnant", v.pregnant().name())
            .param("language", v.firstLanguage().orElse(null))
            .param("interpreter", v.interpreterNeeded().name())
            .param("aware", v.aware().name())
            .param("unaware", v.unawareReason().orElse(null))
            .param("fears", v.fears().orElse(null))
            .param("safe", v.safeToSpeakTo().orElse(null))
            .param(
                "answers",
                r.criteria()
                    .risk()
                    .checklist()
                    .map(
                        c ->
                            c.answers().stream()
                                .map(
                                    a ->
                                        switch (a) {
                                          case YES -> "Y";
                                          case NO -> "N";
                                          case NOT_KNOWN -> "?";
                                        })
                                .collect(Collectors.joining()))
                    .orElse(null))
            .param("score", r.criteria().risk().dashScore().orElse(null))
            .param("dara", r.criteria().risk().daraGrade().map(Enum::name).orElse(null))
            .param("incidents", r.criteria().policeIncidents().orElse(null))
            .param(
                "criteria",
                r.claimed().stream().sorted().map(Criterion::name).collect(Collectors.joining(",")))
            .param("judgement", r.criteria().professionalJudgement().orElse(null))
            .param("consent", r.consent().given().map(g -> g ? "GIVEN" : "NOT_GIVEN").orElse(null))
            .param("without", r.consent().withoutConsentReason().orElse(null))
            .param("basis", r.consent().lawfulBasis().orElse(null))
            .param("decided", r.consent().decidedBy().orElse(null))
            .param("offer", r.idva().outcome().map(Enum::name).orElse(null))
            .param("offered", r.idva().offeredOn().orElse(null))
            .param("by", coordinator.actorName())
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFoundException("No such agency"));
    for (NewReferral.Perpetrator p : r.perpetrators()) {
      jdbc.sql(
              "insert into marac_perpetrator (referral_id, name, dob, age, gender, relationship)"
                  + " values (:r, :name, :dob, :age, :gender, :relationship)")
          .param("r", id)
          .param("name", p.name().orElse(null))
          .param("dob", p.birth().dateOfBirth().orElse(null))
          .param("age", p.birth().age().orElse(null))
          .param("gender", p.gender().name())
          .param("relationship", p.relationship().orElse(null))
          .update();
    }
    for (NewReferral.Child c : r.children()) {
      jdbc.sql(
              "insert into marac_child (referral_id, name, dob, relationship_to_victim,"
                  + " relationship_to_perpetrator, school)"
                  + " values (:r, :name, :dob, :victim, :perpetrator, :school)")
          .param("r", id)
          .param("name", c.name().orElse(null))
          .param("dob", c.dateOfBirth().orElse(null))
          .param("victim", c.relationshipToVictim().orElse(null))
          .param("perpetrator", c.relationshipToPerpetrator().orElse(null))
          .param("school", c.school().orElse(null))
          .update();
    }
    audit.recordFor(
        coordinator.actorName(),
        coordinator.accountId(),
        AuditEntry.success(
            "CREATE",
            MaracAccess.CASE,
            id,
            coordinator.marac().partnershipId(),
            "Recorded the referral of case " + id + " (" + coordinator.marac().name() + ")"));
    return id;
  }

  @Override
  @Transactional
  public void confirmMatch(MaracReader coordinator, long matchId) {
    decide(coordinator, matchId, "CONFIRMED");
  }

  @Override
  @Transactional
  public void rejectMatch(MaracReader coordinator, long matchId) {
    decide(coordinator, matchId, "REJECTED");
  }

  private void decide(MaracReader coordinator, long matchId, String status) {
    int changed =
        jdbc.sql(
                "update marac_match set status = :s, decided_by = :by, decided_at = now()"
                    + " where id = :id and marac_id = :m and status = 'PENDING'")
            .param("s", status)
            .param("by", coordinator.actorName())
            .param("id", matchId)
            .param("m", coordinator.maracId())
            .update();
    if (changed == 0) {
      throw new NotFoundException("No such near match");
    }
  }
}
