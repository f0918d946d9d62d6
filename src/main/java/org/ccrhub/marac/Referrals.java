package org.ccrhub.marac;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ccrhub.audit.AuditActor;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A MARAC's referrals as they are recorded, with repeat detection from the database (ADR 18): on
 * each referral only the candidates are loaded (the MARAC's referrals sharing a name key or the
 * date of birth with the new victim, and all the other referrals of their victims) into a {@link
 * ReferralIndex}, which finds the exact links and the near matches. An exact link makes the new
 * referral one of the earlier victim's (several exactly linked victims become one); each near match
 * is stored for the coordinator to confirm or reject.
 *
 * <p>Whether a referral is a repeat is worked out when asked, never stored: another referral of the
 * same victim dated within the MARAC's {@link RepeatWindow} before it (on the same day, the one
 * with the lower id is the earlier).
 *
 * <p>This class does not decide who may see or record case data: callers go through the MARAC's
 * gate first.
 */
@Service
public class Referrals {

  /**
   * Whether the referral {@code r} is a repeat, as SQL: another referral of its victim within the
   * window ({@code :window} months) before it. Used by the data return too.
   */
  public static final String IS_REPEAT =
      """
      exists (select 1 from marac_referral e
              where e.victim_id = r.victim_id and e.id <> r.id
                and e.referral_date >= (r.referral_date - make_interval(months => :window))::date
                and (e.referral_date < r.referral_date
                     or (e.referral_date = r.referral_date and e.id < r.id)))""";

  /**
   * {@link #IS_REPEAT} with the window of the referral's MARAC, for queries that join {@code marac
   * m}: the one definition of a repeat in SQL, agreeing with {@link RepeatWindow}.
   */
  public static final String IS_REPEAT_IN_MARAC =
      IS_REPEAT.replace(":window", "m.repeat_window_months");

  private static final String MATCH_COLUMNS =
      """
      mm.id, mm.referral_id, r.referral_date, r.victim_id, mm.candidate_victim_id, mm.reasons
      """;

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Referrals(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * Records a referral to the MARAC, links its victim and stores its near matches.
   *
   * @param meetingId the meeting at which it is heard, when already known
   * @throws NotFoundException when the referring agency is not one of the MARAC's partnership, or
   *     the meeting not one of the MARAC
   */
  @Transactional
  public RecordedReferral record(Marac marac, NewReferral referral, Optional<Long> meetingId) {
    lock(marac);
    jdbc.sql("select id from agency where id = :a and partnership_id = :p")
        .param("a", referral.referringAgencyId())
        .param("p", marac.partnershipId())
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("Agency"));
    if (meetingId.isPresent()) {
      jdbc.sql("select id from marac_meeting where id = :id and marac_id = :m")
          .param("id", meetingId.get())
          .param("m", marac.id())
          .query(Long.class)
          .optional()
          .orElseThrow(() -> new NotFoundException("No such meeting"));
    }
    RecordedReferral recorded = store(marac, referral, meetingId, false, createdBy());
    int offered = recorded.nearMatches().size();
    audit.record(
        AuditEntry.success(
            "CREATE",
            "MaracCase",
            recorded.id(),
            marac.partnershipId(),
            "Recorded referral "
                + recorded.id()
                + " to MARAC "
                + marac.id()
                + (recorded.repeat() ? ", a repeat" : "")
                + (offered == 0
                    ? ""
                    : ", with "
                        + offered
                        + " near "
                        + (offered == 1 ? "match" : "matches")
                        + " to review")));
    return recorded;
  }

  /**
   * Holds the MARAC's lock until the transaction ends: one referral of a MARAC is recorded at a
   * time, so that two referrals of a new victim do not both make one.
   */
  void lock(Marac marac) {
    jdbc.sql("select id from marac where id = :m and partnership_id = :p for no key update")
        .param("m", marac.id())
        .param("p", marac.partnershipId())
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such MARAC"));
  }

  /**
   * The recording itself, which a live referral and an imported row share: links the victim, stores
   * the referral and its near matches. The caller holds the {@link #lock}, has checked that the
   * agency is the partnership's and the meeting the MARAC's, and audits.
   */
  RecordedReferral store(
      Marac marac,
      NewReferral referral,
      Optional<Long> meetingId,
      boolean imported,
      String createdBy) {
    VictimIdentity identity = referral.victim().identity();
    ReferralIndex index = new ReferralIndex(candidates(marac, identity));
    RepeatCheck check = index.check(identity, referral.referralDate());

    Optional<Long> victimId = Optional.empty();
    if (!check.linkedVictims().isEmpty()) {
      TreeSet<Long> victims = new TreeSet<>(check.linkedVictims());
      long kept = victims.first();
      for (long other : victims.tailSet(kept, false)) {
        merge(marac, other, kept);
      }
      victimId = Optional.of(kept);
    }

    long[] ids = insert(marac, referral, victimId, meetingId, imported, createdBy);
    long id = ids[0];
    long victim = ids[1];
    List<NearMatch> offered = new ArrayList<>();
    for (NearMatch match : check.nearMatches()) {
      if (match.victimId() == victim || rejectedBefore(marac, victim, match.victimId())) {
        continue;
      }
      jdbc.sql(
              """
              insert into marac_match (marac_id, referral_id, candidate_victim_id, reasons)
              values (:m, :r, :c, :reasons)
              """)
          .param("m", marac.id())
          .param("r", id)
          .param("c", match.victimId())
          .param("reasons", match.reasons().stream().map(Enum::name).toArray(String[]::new))
          .update();
      offered.add(match);
    }
    // the new referral has the highest id, so an exactly linked referral of the same day is
    // earlier: the check's answer is the derived one (isRepeat)
    boolean repeat = check.isRepeat(marac.settings().repeatWindow());
    return new RecordedReferral(id, victim, repeat, offered);
  }

  /**
   * The MARAC's referrals that may be of the victim: those with one of the victim's name keys or
   * date of birth, and every other referral of their victims. Referrals whose personal details were
   * removed at retention have nothing left to compare and are left out.
   */
  List<EarlierReferral> candidates(Marac marac, VictimIdentity identity) {
    return jdbc.sql(
            """
            with hits as (
                select k.referral_id as id from marac_victim_key k
                where k.marac_id = :m and k.name_key = any(:keys)
                union
                select d.id from marac_referral d
                where d.marac_id = :m and d.victim_dob = cast(:dob as date)
            )
            , victims as (
                select distinct h.victim_id from hits join marac_referral h on h.id = hits.id
            )
            select r.id, r.victim_id, r.referral_date, r.victim_name, r.victim_other_names,
                   r.victim_dob, r.victim_age
            from victims v join marac_referral r on r.victim_id = v.victim_id
            where r.marac_id = :m and r.victim_name is not null
            """)
        .param("m", marac.id())
        .param("keys", identity.nameKeys().toArray(String[]::new))
        .param("dob", identity.birth().dateOfBirth().orElse(null))
        .query(Referrals::earlier)
        .list();
  }

  private static EarlierReferral earlier(ResultSet rs, int row) throws SQLException {
    List<String> others = strings(rs.getArray("victim_other_names"));
    LocalDate dob = rs.getObject("victim_dob", LocalDate.class);
    Integer age = rs.getObject("victim_age", Integer.class);
    DateOfBirthOrAge birth =
        new DateOfBirthOrAge(Optional.ofNullable(dob), Optional.ofNullable(age));
    return new EarlierReferral(
        rs.getLong("id"),
        rs.getLong("victim_id"),
        rs.getObject("referral_date", LocalDate.class),
        VictimIdentity.of(rs.getString("victim_name"), others, birth));
  }

  static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    Object[] values = (Object[]) array.getArray();
    return Arrays.stream(values).map(String::valueOf).toList();
  }

  private long[] insert(
      Marac marac,
      NewReferral referral,
      Optional<Long> victimId,
      Optional<Long> meetingId,
      boolean imported,
      String createdBy) {
    NewReferral.Victim victim = referral.victim();
    VictimIdentity identity = victim.identity();
    ReferralCriteria criteria = referral.criteria();
    RiskAssessment risk = criteria.risk();
    long[] ids =
        jdbc.sql(
                """
                with victim as (
                    insert into marac_victim (marac_id)
                    select :marac where cast(:victim as bigint) is null
                    returning id
                )
                insert into marac_referral (
                    marac_id, victim_id, referral_date, referring_agency_id, referring_officer,
                    victim_name, victim_other_names, victim_dob, victim_age, victim_gender,
                    victim_address, safe_contact, safe_to_call, ethnic_group, ethnic_category,
                    disabled, lgbt, pregnant, first_language, interpreter_needed, victim_aware,
                    victim_unaware_reason, feared_people, safe_people, dash_answers, dash_score,
                    dara_grade, police_incidents_12m, criteria, judgement_reason, consent,
                    without_consent_reason, lawful_basis, consent_decided_by, idva_offer,
                    idva_offered_on, meeting_id, imported, created_by)
                select
                    :marac, coalesce(cast(:victim as bigint), (select id from victim)), :date,
                    :agency, :officer,
                    :name, :otherNames, :dob, :age, :gender,
                    :address, :safeContact, :safeToCall, :group, :category,
                    :disabled, :lgbt, :pregnant, :language, :interpreter, :aware,
                    :unawareReason, :fears, :safePeople, :answers, :score,
                    :dara, :incidents, :criteria, :judgement, :consent,
                    :withoutConsent, :lawfulBasis, :decidedBy, :idva,
                    :idvaOn, :meeting, :imported, :createdBy
                returning id, victim_id
                """)
            .param("marac", marac.id())
            .param("victim", victimId.orElse(null))
            .param("date", referral.referralDate())
            .param("agency", referral.referringAgencyId())
            .param("officer", referral.referringOfficer().orElse(null))
            .param("name", identity.name())
            .param("otherNames", identity.otherNames().toArray(String[]::new))
            .param("dob", identity.birth().dateOfBirth().orElse(null))
            .param(
                "age",
                identity.birth().dateOfBirth().isPresent()
                    ? null
                    : identity.birth().age().orElse(null))
            .param("gender", victim.gender().name())
            .param("address", victim.address().orElse(null))
            .param("safeContact", victim.safeContact().orElse(null))
            .param("safeToCall", victim.safeToCall().name())
            .param("group", victim.ethnicity().group().name())
            .param("category", victim.ethnicity().category().map(Enum::name).orElse(null))
            .param("disabled", victim.disabled().name())
            .param("lgbt", victim.lgbt().name())
            .param("pregnant", victim.pregnant().name())
            .param("language", victim.firstLanguage().orElse(null))
            .param("interpreter", victim.interpreterNeeded().name())
            .param("aware", victim.aware().name())
            .param("unawareReason", victim.unawareReason().orElse(null))
            .param("fears", victim.fears().orElse(null))
            .param("safePeople", victim.safeToSpeakTo().orElse(null))
            .param("answers", risk.checklist().map(Referrals::answers).orElse(null))
            .param("score", risk.dashScore().orElse(null))
            .param("dara", risk.daraGrade().map(Enum::name).orElse(null))
            .param("incidents", criteria.policeIncidents().orElse(null))
            .param(
                "criteria",
                referral.claimed().stream().sorted().map(Enum::name).toArray(String[]::new))
            .param("judgement", criteria.professionalJudgement().orElse(null))
            .param(
                "consent",
                referral.consent().given().map(g -> g ? "GIVEN" : "NOT_GIVEN").orElse(null))
            .param("withoutConsent", referral.consent().withoutConsentReason().orElse(null))
            .param("lawfulBasis", referral.consent().lawfulBasis().orElse(null))
            .param("decidedBy", referral.consent().decidedBy().orElse(null))
            .param("idva", referral.idva().outcome().map(Enum::name).orElse(null))
            .param("idvaOn", referral.idva().offeredOn().orElse(null))
            .param("meeting", meetingId.orElse(null))
            .param("imported", imported)
            .param("createdBy", createdBy)
            .query((rs, row) -> new long[] {rs.getLong("id"), rs.getLong("victim_id")})
            .single();
    long id = ids[0];
    jdbc.sql(
            """
            insert into marac_victim_key (marac_id, name_key, referral_id)
            select :m, k, :r from unnest(cast(:keys as text[])) k
            on conflict do nothing
            """)
        .param("m", marac.id())
        .param("keys", identity.nameKeys().toArray(String[]::new))
        .param("r", id)
        .update();
    for (NewReferral.Perpetrator p : referral.perpetrators()) {
      jdbc.sql(
              """
              insert into marac_perpetrator (referral_id, name, dob, age, gender, relationship)
              values (:r, :name, :dob, :age, :gender, :relationship)
              """)
          .param("r", id)
          .param("name", p.name().orElse(null))
          .param("dob", p.birth().dateOfBirth().orElse(null))
          .param("age", p.birth().dateOfBirth().isPresent() ? null : p.birth().age().orElse(null))
          .param("gender", p.gender().name())
          .param("relationship", p.relationship().orElse(null))
          .update();
    }
    if (!referral.children().isEmpty()
        && referral.children().stream().allMatch(NewReferral.Child.UNNAMED::equals)) {
      jdbc.sql("insert into marac_child (referral_id) select :r from generate_series(1, :n)")
          .param("r", id)
          .param("n", referral.children().size())
          .update();
      return ids;
    }
    for (NewReferral.Child c : referral.children()) {
      jdbc.sql(
              """
              insert into marac_child (referral_id, name, dob, relationship_to_victim,
                  relationship_to_perpetrator, school)
              values (:r, :name, :dob, :toVictim, :toPerpetrator, :school)
              """)
          .param("r", id)
          .param("name", c.name().orElse(null))
          .param("dob", c.dateOfBirth().orElse(null))
          .param("toVictim", c.relationshipToVictim().orElse(null))
          .param("toPerpetrator", c.relationshipToPerpetrator().orElse(null))
          .param("school", c.school().orElse(null))
          .update();
    }
    return ids;
  }

  /** The 24 answers as stored: Y, N or ? in question order. */
  static String answers(DashChecklist checklist) {
    StringBuilder text = new StringBuilder(DashQuestion.COUNT);
    for (Answer answer : checklist.answers()) {
      text.append(
          switch (answer) {
            case YES -> 'Y';
            case NO -> 'N';
            case NOT_KNOWN -> '?';
          });
    }
    return text.toString();
  }

  /** The answers stored as {@link #answers}, read back. */
  static DashChecklist checklist(String stored) {
    List<Answer> answers = new ArrayList<>(stored.length());
    for (char c : stored.toCharArray()) {
      answers.add(c == 'Y' ? Answer.YES : c == 'N' ? Answer.NO : Answer.NOT_KNOWN);
    }
    return new DashChecklist(answers);
  }

  /** Whether the coordinator rejected these two victims as one person before, either way round. */
  private boolean rejectedBefore(Marac marac, long victimId, long candidateVictimId) {
    return jdbc.sql(
            """
            select exists (
                select 1 from marac_match mm join marac_referral r on r.id = mm.referral_id
                where mm.marac_id = :m and mm.status = 'REJECTED'
                  and ((r.victim_id = :v and mm.candidate_victim_id = :c)
                       or (r.victim_id = :c and mm.candidate_victim_id = :v)))
            """)
        .param("m", marac.id())
        .param("v", victimId)
        .param("c", candidateVictimId)
        .query(Boolean.class)
        .single();
  }

  /**
   * Makes victim {@code absorbed} one with {@code kept}: its referrals become {@code kept}'s, its
   * matches name {@code kept}, and pending matches that now name a victim as its own are settled.
   */
  private void merge(Marac marac, long absorbed, long kept) {
    jdbc.sql("update marac_referral set victim_id = :kept where marac_id = :m and victim_id = :a")
        .param("kept", kept)
        .param("m", marac.id())
        .param("a", absorbed)
        .update();
    jdbc.sql(
            """
            delete from marac_match where marac_id = :m and candidate_victim_id = :a
              and referral_id in (select referral_id from marac_match where candidate_victim_id = :kept)
            """)
        .param("m", marac.id())
        .param("a", absorbed)
        .param("kept", kept)
        .update();
    jdbc.sql(
            "update marac_match set candidate_victim_id = :kept where marac_id = :m"
                + " and candidate_victim_id = :a")
        .param("m", marac.id())
        .param("a", absorbed)
        .param("kept", kept)
        .update();
    jdbc.sql(
            """
            delete from marac_match mm using marac_referral r
            where r.id = mm.referral_id and mm.marac_id = :m and mm.status = 'PENDING'
              and r.victim_id = :kept and mm.candidate_victim_id = :kept
            """)
        .param("m", marac.id())
        .param("kept", kept)
        .update();
    jdbc.sql("delete from marac_victim where id = :a and marac_id = :m")
        .param("a", absorbed)
        .param("m", marac.id())
        .update();
  }

  /**
   * Confirms a near match: the referral's victim and the candidate are one person, so the
   * referral's victim's referrals become the candidate's. The referral may now be a repeat.
   *
   * @throws NotFoundException when the match is not one of the MARAC's
   * @throws InvalidInputException when it was already confirmed or rejected
   */
  @Transactional
  public PendingMatch confirmMatch(Marac marac, long matchId, String actor) {
    PendingMatch match = decide(marac, matchId, "CONFIRMED", actor);
    merge(marac, match.victimId(), match.candidateVictimId());
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "MaracMatch",
            matchId,
            marac.partnershipId(),
            "Confirmed near match "
                + matchId
                + ": the victim of referral "
                + match.referralId()
                + " is victim "
                + match.candidateVictimId()
                + " (victim "
                + match.victimId()
                + " joined to it)"));
    return match;
  }

  /**
   * Rejects a near match: the two are different people, and the candidate is not offered again for
   * this victim.
   *
   * @throws NotFoundException when the match is not one of the MARAC's
   * @throws InvalidInputException when it was already confirmed or rejected
   */
  @Transactional
  public PendingMatch rejectMatch(Marac marac, long matchId, String actor) {
    PendingMatch match = decide(marac, matchId, "REJECTED", actor);
    audit.record(
        AuditEntry.success(
            "UPDATE",
            "MaracMatch",
            matchId,
            marac.partnershipId(),
            "Rejected near match "
                + matchId
                + ": the victim of referral "
                + match.referralId()
                + " is not victim "
                + match.candidateVictimId()));
    return match;
  }

  private PendingMatch decide(Marac marac, long matchId, String status, String actor) {
    jdbc.sql("select id from marac where id = :m and partnership_id = :p for no key update")
        .param("m", marac.id())
        .param("p", marac.partnershipId())
        .query(Long.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such MARAC"));
    record Found(PendingMatch match, String status) {}
    Found found =
        jdbc.sql(
                "select "
                    + MATCH_COLUMNS
                    + ", mm.status from marac_match mm join marac_referral r on r.id ="
                    + " mm.referral_id where mm.id = :id and mm.marac_id = :m")
            .param("id", matchId)
            .param("m", marac.id())
            .query((rs, row) -> new Found(match(rs, row), rs.getString("status")))
            .optional()
            .orElseThrow(() -> new NotFoundException("No such near match"));
    if (!found.status().equals("PENDING")) {
      throw new InvalidInputException(
          "This near match was already "
              + (found.status().equals("CONFIRMED") ? "confirmed" : "rejected"));
    }
    jdbc.sql(
            """
            update marac_match set status = :status, decided_by = :actor, decided_at = now()
            where id = :id
            """)
        .param("status", status)
        .param("actor", actor.length() > 300 ? actor.substring(0, 300) : actor)
        .param("id", matchId)
        .update();
    return found.match();
  }

  /** The MARAC's near matches waiting for the coordinator, oldest referral first. */
  @Transactional(readOnly = true)
  public List<PendingMatch> pendingMatches(Marac marac) {
    return jdbc.sql(
            "select "
                + MATCH_COLUMNS
                + " from marac_match mm join marac_referral r on r.id = mm.referral_id"
                + " where mm.marac_id = :m and mm.status = 'PENDING'"
                + " order by r.referral_date, mm.referral_id, mm.id")
        .param("m", marac.id())
        .query(Referrals::match)
        .list();
  }

  private static PendingMatch match(ResultSet rs, int row) throws SQLException {
    return new PendingMatch(
        rs.getLong("id"),
        rs.getLong("referral_id"),
        rs.getObject("referral_date", LocalDate.class),
        rs.getLong("victim_id"),
        rs.getLong("candidate_victim_id"),
        strings(rs.getArray("reasons")).stream().map(MatchReason::valueOf).sorted().toList());
  }

  /** Whether the referral is a repeat now (see the class comment); false for an unknown id. */
  @Transactional(readOnly = true)
  public boolean isRepeat(long referralId) {
    return jdbc.sql(
            "select "
                + IS_REPEAT_IN_MARAC
                + " from marac_referral r join marac m on m.id = r.marac_id where r.id = :id")
        .param("id", referralId)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Whether the MARAC's referral is a repeat now; false for an id that is not the MARAC's. */
  @Transactional(readOnly = true)
  public boolean isRepeat(Marac marac, long referralId) {
    return !repeats(marac, List.of(referralId)).isEmpty();
  }

  /** Which of these referrals of the MARAC are repeats now, in one query. */
  @Transactional(readOnly = true)
  public Set<Long> repeats(Marac marac, Collection<Long> referralIds) {
    if (referralIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql(
                "select r.id from marac_referral r where r.marac_id = :m and r.id = any(:ids) and "
                    + IS_REPEAT)
            .param("m", marac.id())
            .param("ids", referralIds.toArray(Long[]::new))
            .param("window", marac.settings().repeatWindowMonths())
            .query(Long.class)
            .list());
  }

  /** Who a referral is recorded as made by: the person signed in, or the command line. */
  static String createdBy() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
      String name = actor.actorName();
      return name.length() <= 300 ? name : name.substring(0, 300);
    }
    return "Command line";
  }
}
