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
import java.util.UUID;
import org.ccrhub.audit.AuditActor;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

  /**
   * The candidates of a search ({@link #candidates}): the MARAC's referrals with one of the name
   * keys ({@code :keys}) or one of the dates of birth ({@code :dobs}), then every referral of their
   * victims by victim id alone. A victim is of one MARAC (a foreign key), so the last step needs no
   * MARAC condition; with one, PostgreSQL combined the MARAC's whole index with the victim's (9 ms
   * a victim with 200,000 referrals) or, in a generic plan, read all the MARAC's referrals.
   */
  static final String CANDIDATES =
      """
      with hits as (
          select k.referral_id as id from marac_victim_key k
          where k.marac_id = :m and k.name_key = any(cast(:keys as text[]))
          union
          select d.id from marac_referral d
          where d.marac_id = :m and d.victim_dob = any(cast(cast(:dobs as text[]) as date[]))
      )
      , victims as (
          select distinct h.victim_id from hits join marac_referral h on h.id = hits.id
          where h.marac_id = :m
      )
      select r.id, r.victim_id, r.referral_date, r.victim_name, r.victim_other_names,
             r.victim_dob, r.victim_age
      from victims v join marac_referral r on r.victim_id = v.victim_id
      where r.victim_name is not null
      """;

  private static final String MATCH_COLUMNS =
      """
      mm.id, mm.referral_id, r.referral_date, r.victim_id, mm.candidate_victim_id, mm.reasons
      """;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batches;
  private final AuditTrail audit;

  Referrals(JdbcClient jdbc, NamedParameterJdbcTemplate batches, AuditTrail audit) {
    this.jdbc = jdbc;
    this.batches = batches;
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
   * What became of a referral sent from a form: recorded; or found, recorded by an earlier sending
   * of the same form ({@code SENT_BEFORE}); or the form was sent before with other content ({@code
   * CHANGED_SINCE}), which records nothing.
   */
  public record Submitted(long id, Sending sending) {}

  /** Whether the form was sent before, and with what. */
  public enum Sending {
    NEW,
    SENT_BEFORE,
    CHANGED_SINCE
  }

  /**
   * Records a referral sent from a form with its one-time token, once: the same token sent again
   * with the same content (a double click, a resent form) finds the referral the first sending
   * recorded; with other content it records nothing, for the coordinator to check. The MARAC's lock
   * makes the check and the recording one step.
   *
   * @param content a SHA-256 hash (hex) of what the form sent
   */
  @Transactional
  public Submitted recordOnce(Marac marac, NewReferral referral, UUID token, String content) {
    lock(marac);
    Optional<Submitted> earlier =
        jdbc.sql(
                "select referral_id, content from marac_referral_submission"
                    + " where marac_id = :m and token = :t")
            .param("m", marac.id())
            .param("t", token)
            .query(
                (rs, n) ->
                    new Submitted(
                        rs.getLong("referral_id"),
                        content.equals(rs.getString("content"))
                            ? Sending.SENT_BEFORE
                            : Sending.CHANGED_SINCE))
            .optional();
    if (earlier.isPresent()) {
      return earlier.get();
    }
    long id = record(marac, referral, Optional.empty()).id();
    jdbc.sql(
            "insert into marac_referral_submission (marac_id, token, referral_id, content)"
                + " values (:m, :t, :r, :c)")
        .param("m", marac.id())
        .param("t", token)
        .param("r", id)
        .param("c", content)
        .update();
    return new Submitted(id, Sending.NEW);
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
    Recording recording =
        recording(marac, List.of(referral.victim().identity()), imported, createdBy);
    RecordedReferral recorded = recording.add(referral, meetingId);
    recording.flush();
    return recorded;
  }

  /** A {@link Recording} of referrals of these victims; the caller holds the {@link #lock}. */
  Recording recording(
      Marac marac, Collection<VictimIdentity> identities, boolean imported, String createdBy) {
    return new Recording(marac, identities, imported, createdBy);
  }

  /**
   * A recording of referrals in referral-date order, as one after another through {@link #store}
   * gives, with few round trips (an import of 10,000 rows): the candidates of all of them are
   * loaded at the start into one {@link ReferralIndex}, to which each referral is added as it is
   * recorded; ids are taken from the tables' sequences ahead, and the rows are inserted in batches
   * at {@link #flush}. Only when a referral links several victims exactly (they become one) is what
   * is waiting written at once, so that the database's merge sees it. The caller holds the {@link
   * #lock} and calls {@link #flush} before the transaction ends.
   */
  final class Recording {

    private static final int BATCH = 1000;

    private final Marac marac;
    private final boolean imported;
    private final String createdBy;
    private final List<EarlierReferral> known;
    private ReferralIndex index;
    private Set<List<Long>> rejected;
    private final java.util.ArrayDeque<Long> referralIds = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Long> victimIds = new java.util.ArrayDeque<>();
    private final int expected;
    private final List<Long> newVictims = new ArrayList<>();
    private final List<MapSqlParameterSource> newReferrals = new ArrayList<>();
    private final List<MapSqlParameterSource> keys = new ArrayList<>();
    private final List<MapSqlParameterSource> perpetrators = new ArrayList<>();
    private final List<MapSqlParameterSource> children = new ArrayList<>();
    private final List<MapSqlParameterSource> matches = new ArrayList<>();

    /**
     * @param identities the victims of all the referrals to come (their candidates are loaded)
     */
    Recording(
        Marac marac, Collection<VictimIdentity> identities, boolean imported, String createdBy) {
      this.marac = marac;
      this.imported = imported;
      this.createdBy = createdBy;
      this.expected = identities.size();
      this.known = new ArrayList<>(candidates(marac, identities));
      this.index = new ReferralIndex(known);
    }

    /** Records one referral, dated on or after every one recorded before in this recording. */
    RecordedReferral add(NewReferral referral, Optional<Long> meetingId) {
      VictimIdentity identity = referral.victim().identity();
      RepeatCheck check = index.check(identity, referral.referralDate());

      long victim;
      if (!check.linkedVictims().isEmpty()) {
        TreeSet<Long> victims = new TreeSet<>(check.linkedVictims());
        victim = victims.first();
        if (victims.size() > 1) {
          flush();
          for (long other : victims.tailSet(victim, false)) {
            merge(marac, other, victim);
          }
          Set<Long> absorbed = new HashSet<>(victims.tailSet(victim, false));
          known.replaceAll(
              r ->
                  absorbed.contains(r.victimId())
                      ? new EarlierReferral(r.id(), victim, r.referralDate(), r.victim())
                      : r);
          index = new ReferralIndex(known);
          rejected = null;
        }
      } else {
        victim = nextId(victimIds, "marac_victim");
        newVictims.add(victim);
      }
      long id = nextId(referralIds, "marac_referral");
      newReferrals.add(referralRow(marac, id, victim, referral, meetingId, imported, createdBy));
      for (String key : identity.nameKeys()) {
        keys.add(
            new MapSqlParameterSource()
                .addValue("m", marac.id())
                .addValue("key", key)
                .addValue("r", id));
      }
      for (NewReferral.Perpetrator p : referral.perpetrators()) {
        perpetrators.add(
            new MapSqlParameterSource()
                .addValue("r", id)
                .addValue("name", p.name().orElse(null))
                .addValue("dob", p.birth().dateOfBirth().orElse(null))
                .addValue(
                    "age",
                    p.birth().dateOfBirth().isPresent() ? null : p.birth().age().orElse(null))
                .addValue("gender", p.gender().name())
                .addValue("relationship", p.relationship().orElse(null)));
      }
      for (NewReferral.Child c : referral.children()) {
        children.add(
            new MapSqlParameterSource()
                .addValue("r", id)
                .addValue("name", c.name().orElse(null))
                .addValue("dob", c.dateOfBirth().orElse(null))
                .addValue("toVictim", c.relationshipToVictim().orElse(null))
                .addValue("toPerpetrator", c.relationshipToPerpetrator().orElse(null))
                .addValue("school", c.school().orElse(null)));
      }
      List<NearMatch> offered = new ArrayList<>();
      for (NearMatch match : check.nearMatches()) {
        if (match.victimId() == victim || rejectedBefore(victim, match.victimId())) {
          continue;
        }
        matches.add(
            new MapSqlParameterSource()
                .addValue("m", marac.id())
                .addValue("r", id)
                .addValue("c", match.victimId())
                .addValue(
                    "reasons", match.reasons().stream().map(Enum::name).toArray(String[]::new)));
        offered.add(match);
      }
      // as stored and read back: an age only without a date of birth
      Optional<LocalDate> dob = identity.birth().dateOfBirth();
      DateOfBirthOrAge birth =
          new DateOfBirthOrAge(dob, dob.isPresent() ? Optional.empty() : identity.birth().age());
      EarlierReferral added =
          new EarlierReferral(
              id,
              victim,
              referral.referralDate(),
              VictimIdentity.of(identity.name(), identity.otherNames(), birth));
      known.add(added);
      index.add(added);
      // the new referral has the highest id, so an exactly linked referral of the same day is
      // earlier: the check's answer is the derived one (isRepeat)
      boolean repeat = check.isRepeat(marac.settings().repeatWindow());
      return new RecordedReferral(id, victim, repeat, offered);
    }

    /** Writes what is waiting, in batches, in the order it was recorded. */
    void flush() {
      batch(
          "insert into marac_victim (id, marac_id) overriding system value values (:id, :m)",
          newVictims.stream()
              .map(v -> new MapSqlParameterSource().addValue("id", v).addValue("m", marac.id()))
              .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
      newVictims.clear();
      batch(INSERT_REFERRAL, newReferrals);
      batch(
          """
          insert into marac_victim_key (marac_id, name_key, referral_id) values (:m, :key, :r)
          on conflict do nothing
          """,
          keys);
      batch(
          """
          insert into marac_perpetrator (referral_id, name, dob, age, gender, relationship)
          values (:r, :name, :dob, :age, :gender, :relationship)
          """,
          perpetrators);
      batch(
          """
          insert into marac_child (referral_id, name, dob, relationship_to_victim,
              relationship_to_perpetrator, school)
          values (:r, :name, :dob, :toVictim, :toPerpetrator, :school)
          """,
          children);
      batch(
          """
          insert into marac_match (marac_id, referral_id, candidate_victim_id, reasons)
          values (:m, :r, :c, :reasons)
          """,
          matches);
    }

    private void batch(String sql, List<MapSqlParameterSource> rows) {
      for (int from = 0; from < rows.size(); from += BATCH) {
        batches.batchUpdate(
            sql,
            rows.subList(from, Math.min(rows.size(), from + BATCH))
                .toArray(MapSqlParameterSource[]::new));
      }
      rows.clear();
    }

    /**
     * The next id of the table, taken from its sequence with as many more as the recording may
     * need, in one query.
     */
    private long nextId(java.util.ArrayDeque<Long> ids, String table) {
      if (ids.isEmpty()) {
        ids.addAll(
            jdbc
                .sql("select nextval(pg_get_serial_sequence(:t, 'id')) from generate_series(1, :n)")
                .param("t", table)
                .param("n", Math.max(1, Math.min(expected, 10_000)))
                .query(Long.class)
                .list()
                .stream()
                .sorted()
                .toList());
      }
      return ids.removeFirst();
    }

    /**
     * Whether the coordinator rejected these two victims as one person before, either way round.
     */
    private boolean rejectedBefore(long victimId, long candidateVictimId) {
      if (rejected == null) {
        rejected = new HashSet<>();
        jdbc.sql(
                """
                select r.victim_id, mm.candidate_victim_id
                from marac_match mm join marac_referral r on r.id = mm.referral_id
                where mm.marac_id = :m and mm.status = 'REJECTED'
                """)
            .param("m", marac.id())
            .query(
                (rs, row) -> {
                  long a = rs.getLong(1);
                  long b = rs.getLong(2);
                  rejected.add(List.of(a, b));
                  rejected.add(List.of(b, a));
                  return a;
                })
            .list();
      }
      return rejected.contains(List.of(victimId, candidateVictimId));
    }
  }

  /**
   * The MARAC's referrals that may be of the victim: those with one of the victim's name keys or
   * date of birth, and every other referral of their victims. Referrals whose personal details were
   * removed at retention have nothing left to compare and are left out.
   */
  List<EarlierReferral> candidates(Marac marac, VictimIdentity identity) {
    return candidates(marac, List.of(identity));
  }

  /** The candidates of every one of these victims, in one query. */
  List<EarlierReferral> candidates(Marac marac, Collection<VictimIdentity> identities) {
    Set<String> keys = new TreeSet<>();
    Set<String> dobs = new TreeSet<>();
    for (VictimIdentity identity : identities) {
      keys.addAll(identity.nameKeys());
      identity.birth().dateOfBirth().ifPresent(d -> dobs.add(d.toString()));
    }
    return jdbc.sql(CANDIDATES)
        .param("m", marac.id())
        .param("keys", keys.toArray(String[]::new))
        .param("dobs", dobs.toArray(String[]::new))
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

  private static final String INSERT_REFERRAL =
      """
      insert into marac_referral (
          id, marac_id, victim_id, referral_date, referring_agency_id, referring_officer,
          victim_name, victim_other_names, victim_dob, victim_age, victim_gender,
          victim_address, safe_contact, safe_to_call, ethnic_group, ethnic_category,
          disabled, lgbt, pregnant, first_language, interpreter_needed, victim_aware,
          victim_unaware_reason, feared_people, safe_people, dash_answers, dash_score,
          dara_grade, police_incidents_12m, criteria, judgement_reason, consent,
          without_consent_reason, lawful_basis, consent_decided_by, idva_offer,
          idva_offered_on, meeting_id, imported, created_by)
      overriding system value values (
          :id, :marac, :victim, :date, :agency, :officer,
          :name, :otherNames, :dob, :age, :gender,
          :address, :safeContact, :safeToCall, :group, :category,
          :disabled, :lgbt, :pregnant, :language, :interpreter, :aware,
          :unawareReason, :fears, :safePeople, :answers, :score,
          :dara, :incidents, :criteria, :judgement, :consent,
          :withoutConsent, :lawfulBasis, :decidedBy, :idva,
          :idvaOn, :meeting, :imported, :createdBy)
      """;

  private static MapSqlParameterSource referralRow(
      Marac marac,
      long id,
      long victimId,
      NewReferral referral,
      Optional<Long> meetingId,
      boolean imported,
      String createdBy) {
    NewReferral.Victim victim = referral.victim();
    VictimIdentity identity = victim.identity();
    ReferralCriteria criteria = referral.criteria();
    RiskAssessment risk = criteria.risk();
    return new MapSqlParameterSource()
        .addValue("id", id)
        .addValue("marac", marac.id())
        .addValue("victim", victimId)
        .addValue("date", referral.referralDate())
        .addValue("agency", referral.referringAgencyId())
        .addValue("officer", referral.referringOfficer().orElse(null))
        .addValue("name", identity.name())
        .addValue("otherNames", identity.otherNames().toArray(String[]::new))
        .addValue("dob", identity.birth().dateOfBirth().orElse(null))
        .addValue(
            "age",
            identity.birth().dateOfBirth().isPresent() ? null : identity.birth().age().orElse(null))
        .addValue("gender", victim.gender().name())
        .addValue("address", victim.address().orElse(null))
        .addValue("safeContact", victim.safeContact().orElse(null))
        .addValue("safeToCall", victim.safeToCall().name())
        .addValue("group", victim.ethnicity().group().name())
        .addValue("category", victim.ethnicity().category().map(Enum::name).orElse(null))
        .addValue("disabled", victim.disabled().name())
        .addValue("lgbt", victim.lgbt().name())
        .addValue("pregnant", victim.pregnant().name())
        .addValue("language", victim.firstLanguage().orElse(null))
        .addValue("interpreter", victim.interpreterNeeded().name())
        .addValue("aware", victim.aware().name())
        .addValue("unawareReason", victim.unawareReason().orElse(null))
        .addValue("fears", victim.fears().orElse(null))
        .addValue("safePeople", victim.safeToSpeakTo().orElse(null))
        .addValue("answers", risk.checklist().map(Referrals::answers).orElse(null))
        .addValue("score", risk.dashScore().orElse(null))
        .addValue("dara", risk.daraGrade().map(Enum::name).orElse(null))
        .addValue("incidents", criteria.policeIncidents().orElse(null))
        .addValue(
            "criteria", referral.claimed().stream().sorted().map(Enum::name).toArray(String[]::new))
        .addValue("judgement", criteria.professionalJudgement().orElse(null))
        .addValue(
            "consent", referral.consent().given().map(g -> g ? "GIVEN" : "NOT_GIVEN").orElse(null))
        .addValue("withoutConsent", referral.consent().withoutConsentReason().orElse(null))
        .addValue("lawfulBasis", referral.consent().lawfulBasis().orElse(null))
        .addValue("decidedBy", referral.consent().decidedBy().orElse(null))
        .addValue("idva", referral.idva().outcome().map(Enum::name).orElse(null))
        .addValue("idvaOn", referral.idva().offeredOn().orElse(null))
        .addValue("meeting", meetingId.orElse(null))
        .addValue("imported", imported)
        .addValue("createdBy", createdBy);
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
            MaracAccess.CASE,
            match.referralId(),
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
            MaracAccess.CASE,
            match.referralId(),
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
