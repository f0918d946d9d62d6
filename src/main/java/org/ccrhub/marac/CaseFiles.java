package org.ccrhub.marac;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccrhub.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of a MARAC's cases for its pages: a case, the case list, a victim's other referrals
 * and a case's near matches. Every query takes a {@link MaracReader} and sees only what {@link
 * MaracAccess#VISIBLE} lets the reader see; what is not visible is not found. Nothing here records
 * the look in the audit trail: the pages do that through {@link MaracAccess}.
 */
@Service
public class CaseFiles {

  /** Whether the referral {@code r} (of MARAC {@code m}) is a repeat. */
  public static final String REPEAT_CONDITION = Referrals.IS_REPEAT_IN_MARAC;

  private final JdbcClient jdbc;

  CaseFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A case the reader may see, with everything recorded.
   *
   * @throws NotFoundException when there is none they may see
   */
  @Transactional(readOnly = true)
  public CaseFile get(MaracReader reader, long id) {
    List<NewReferral.Perpetrator> perpetrators =
        jdbc.sql(
                "select name, dob, age, gender, relationship from marac_perpetrator"
                    + " where referral_id = :id order by id")
            .param("id", id)
            .query(
                (rs, row) ->
                    new NewReferral.Perpetrator(
                        text(rs, "name"),
                        new DateOfBirthOrAge(date(rs, "dob"), integer(rs, "age")),
                        Gender.valueOf(rs.getString("gender")),
                        text(rs, "relationship")))
            .list();
    List<NewReferral.Child> children =
        jdbc.sql(
                "select name, dob, relationship_to_victim, relationship_to_perpetrator, school"
                    + " from marac_child where referral_id = :id order by id")
            .param("id", id)
            .query(
                (rs, row) ->
                    new NewReferral.Child(
                        text(rs, "name"),
                        date(rs, "dob"),
                        text(rs, "relationship_to_victim"),
                        text(rs, "relationship_to_perpetrator"),
                        text(rs, "school")))
            .list();
    return jdbc.sql(
            """
            select r.*, a.name as agency_name, a.type as agency_type, u.display_name as idva_name,
                mt.meeting_date
            from marac_referral r
            join agency a on a.id = r.referring_agency_id
            left join user_account u on u.id = r.idva_account_id
            left join marac_meeting mt on mt.id = r.meeting_id
            where r.id = :id and
            """
                + MaracAccess.VISIBLE)
        .param("id", id)
        .params(MaracAccess.visible(reader))
        .query((rs, row) -> caseFile(rs, perpetrators, children))
        .optional()
        .orElseThrow(() -> new NotFoundException("No such case"));
  }

  /** A page of the cases the reader may see, newest referral first. */
  public record Page(List<CaseSummary> cases, int number, boolean more) {}

  /**
   * The cases the reader may see, newest referral first, {@code size} to a page.
   *
   * @param pendingOnly only the cases with near matches waiting for the coordinator
   */
  @Transactional(readOnly = true)
  public Page page(MaracReader reader, int number, int size, boolean pendingOnly) {
    int page = Math.max(1, number);
    List<CaseSummary> rows =
        jdbc.sql(
                """
                select r.id, r.referral_date, r.victim_name, a.name as agency_name, r.dash_score,
                    r.dara_grade, mt.meeting_date, r.closed_on,
                """
                    + REPEAT_CONDITION
                    + """
                     as repeat,
                    (select count(*) from marac_match x where x.referral_id = r.id
                        and x.status = 'PENDING') as pending
                from marac_referral r
                join marac m on m.id = r.marac_id
                join agency a on a.id = r.referring_agency_id
                left join marac_meeting mt on mt.id = r.meeting_id
                where
                """
                    + MaracAccess.VISIBLE
                    + (pendingOnly
                        ? " and exists (select 1 from marac_match x where x.referral_id = r.id"
                            + " and x.status = 'PENDING')"
                        : "")
                    + " order by r.referral_date desc, r.id desc limit :limit offset :offset")
            .params(MaracAccess.visible(reader))
            .param("limit", size + 1)
            .param("offset", (long) (page - 1) * size)
            .query(CaseFiles::summary)
            .list();
    boolean more = rows.size() > size;
    return new Page(more ? rows.subList(0, size) : rows, page, more);
  }

  /** Whether the case is a repeat: its victim was referred within the repeat window before it. */
  @Transactional(readOnly = true)
  public boolean isRepeat(MaracReader reader, long id) {
    return jdbc.sql(
            "select "
                + REPEAT_CONDITION
                + " from marac_referral r join marac m on m.id = r.marac_id where r.id = :id and "
                + MaracAccess.VISIBLE)
        .param("id", id)
        .params(MaracAccess.visible(reader))
        .query(Boolean.class)
        .optional()
        .orElseThrow(() -> new NotFoundException("No such case"));
  }

  /** The victim's other referrals to the MARAC that the reader may see, newest first. */
  @Transactional(readOnly = true)
  public List<CaseSummary> otherReferrals(MaracReader reader, CaseFile file) {
    return jdbc.sql(
            """
            select r.id, r.referral_date, r.victim_name, a.name as agency_name, r.dash_score,
                r.dara_grade, mt.meeting_date, r.closed_on,
            """
                + REPEAT_CONDITION
                + """
                 as repeat, 0 as pending
                from marac_referral r
                join marac m on m.id = r.marac_id
                join agency a on a.id = r.referring_agency_id
                left join marac_meeting mt on mt.id = r.meeting_id
                where r.victim_id = :victim and r.id <> :id and
                """
                + MaracAccess.VISIBLE
                + " order by r.referral_date desc, r.id desc")
        .param("victim", file.victimId())
        .param("id", file.id())
        .params(MaracAccess.visible(reader))
        .query(CaseFiles::summary)
        .list();
  }

  /**
   * A near match of a case: an earlier victim who may be the same person, why, and what the
   * coordinator decided.
   *
   * @param latestCaseId the candidate victim's latest referral the reader may see, if any
   */
  public record Match(
      long id,
      List<String> reasons,
      String status,
      Optional<Long> latestCaseId,
      Optional<LocalDate> latestReferralDate,
      Optional<String> candidateName,
      Optional<LocalDate> candidateDateOfBirth,
      Optional<Integer> candidateAge) {

    public boolean pending() {
      return "PENDING".equals(status);
    }

    public String statusLabel() {
      return switch (status) {
        case "CONFIRMED" -> "Confirmed: the same victim";
        case "REJECTED" -> "Rejected: not the same victim";
        default -> "To review";
      };
    }
  }

  /** The near matches found for the case, for the coordinator and the chair; none for others. */
  @Transactional(readOnly = true)
  public List<Match> matches(MaracReader reader, long caseId) {
    if (!reader.seesEveryCase()) {
      return List.of();
    }
    return jdbc.sql(
            """
            select x.id, x.reasons, x.status, c.id as latest_id, c.referral_date, c.victim_name,
                c.victim_dob, c.victim_age
            from marac_match x
            join marac_referral r on r.id = x.referral_id
            left join lateral (select e.id, e.referral_date, e.victim_name, e.victim_dob,
                    e.victim_age
                from marac_referral e where e.victim_id = x.candidate_victim_id
                  and e.marac_id = x.marac_id and e.id <> x.referral_id
                order by e.referral_date desc, e.id desc limit 1) c on true
            where x.referral_id = :id and
            """
                + MaracAccess.VISIBLE
                + " order by x.id")
        .param("id", caseId)
        .params(MaracAccess.visible(reader))
        .query(
            (rs, row) -> {
              long latest = rs.getLong("latest_id");
              boolean none = rs.wasNull();
              return new Match(
                  rs.getLong("id"),
                  reasons(rs.getArray("reasons")),
                  rs.getString("status"),
                  none ? Optional.empty() : Optional.of(latest),
                  date(rs, "referral_date"),
                  text(rs, "victim_name"),
                  date(rs, "victim_dob"),
                  integer(rs, "victim_age"));
            })
        .list();
  }

  /** The near match's case, when it is one of the reader's MARAC's. */
  @Transactional(readOnly = true)
  public Optional<Long> caseOfMatch(MaracReader reader, long matchId) {
    return jdbc.sql(
            "select r.id from marac_match x join marac_referral r on r.id = x.referral_id"
                + " where x.id = :match and "
                + MaracAccess.VISIBLE)
        .param("match", matchId)
        .params(MaracAccess.visible(reader))
        .query(Long.class)
        .optional();
  }

  /** How many near matches wait for the coordinator in the MARAC. */
  @Transactional(readOnly = true)
  public int pendingMatches(MaracReader reader) {
    if (!reader.seesEveryCase()) {
      return 0;
    }
    return jdbc.sql("select count(*) from marac_match where marac_id = :m and status = 'PENDING'")
        .param("m", reader.maracId())
        .query(Integer.class)
        .single();
  }

  private static List<String> reasons(Array array) throws SQLException {
    List<String> reasons = new ArrayList<>();
    for (Object o : (Object[]) array.getArray()) {
      String name = String.valueOf(o);
      reasons.add(
          Arrays.stream(MatchReason.values())
              .filter(r -> r.name().equals(name))
              .findFirst()
              .map(MatchReason::description)
              .orElse(name));
    }
    return reasons;
  }

  private static CaseSummary summary(ResultSet rs, int row) throws SQLException {
    return new CaseSummary(
        rs.getLong("id"),
        rs.getObject("referral_date", LocalDate.class),
        text(rs, "victim_name"),
        rs.getString("agency_name"),
        integer(rs, "dash_score"),
        text(rs, "dara_grade").map(DaraGrade::valueOf),
        date(rs, "meeting_date"),
        date(rs, "closed_on"),
        rs.getBoolean("repeat"),
        rs.getInt("pending"));
  }

  private static CaseFile caseFile(
      ResultSet rs, List<NewReferral.Perpetrator> perpetrators, List<NewReferral.Child> children)
      throws SQLException {
    Set<Criterion> criteria = EnumSet.noneOf(Criterion.class);
    for (Object o : (Object[]) rs.getArray("criteria").getArray()) {
      criteria.add(Criterion.valueOf(String.valueOf(o)));
    }
    List<String> otherNames = new ArrayList<>();
    for (Object o : (Object[]) rs.getArray("victim_other_names").getArray()) {
      otherNames.add(String.valueOf(o));
    }
    Optional<EthnicCategory> category =
        text(rs, "ethnic_category")
            .flatMap(
                c ->
                    Arrays.stream(EthnicCategory.values())
                        .filter(e -> e.name().equals(c) || e.fullLabel().equals(c))
                        .findFirst());
    EthnicGroup group = EthnicGroup.valueOf(rs.getString("ethnic_group"));
    long idva = rs.getLong("idva_account_id");
    boolean noIdva = rs.wasNull();
    long meeting = rs.getLong("meeting_id");
    boolean noMeeting = rs.wasNull();
    return new CaseFile(
        rs.getLong("id"),
        rs.getLong("marac_id"),
        rs.getLong("victim_id"),
        rs.getObject("referral_date", LocalDate.class),
        rs.getLong("referring_agency_id"),
        rs.getString("agency_name"),
        "POLICE".equals(rs.getString("agency_type")),
        text(rs, "referring_officer"),
        text(rs, "victim_name"),
        otherNames,
        date(rs, "victim_dob"),
        integer(rs, "victim_age"),
        Gender.valueOf(rs.getString("victim_gender")),
        text(rs, "victim_address"),
        text(rs, "safe_contact"),
        answer(rs, "safe_to_call"),
        category.filter(c -> c.group() == group).map(Ethnicity::of).orElse(Ethnicity.of(group)),
        Answer.valueOf(rs.getString("disabled")),
        Answer.valueOf(rs.getString("lgbt")),
        answer(rs, "pregnant"),
        text(rs, "first_language"),
        answer(rs, "interpreter_needed"),
        answer(rs, "victim_aware"),
        text(rs, "victim_unaware_reason"),
        text(rs, "feared_people"),
        text(rs, "safe_people"),
        text(rs, "dash_answers"),
        integer(rs, "dash_score"),
        text(rs, "dara_grade").map(DaraGrade::valueOf),
        integer(rs, "police_incidents_12m"),
        criteria,
        text(rs, "judgement_reason"),
        text(rs, "consent").map("GIVEN"::equals),
        text(rs, "without_consent_reason"),
        text(rs, "lawful_basis"),
        text(rs, "consent_decided_by"),
        text(rs, "idva_offer").map(IdvaOfferOutcome::valueOf),
        date(rs, "idva_offered_on"),
        noIdva ? Optional.empty() : Optional.of(idva),
        text(rs, "idva_name"),
        text(rs, "idva_contact_outcome"),
        noMeeting ? Optional.empty() : Optional.of(meeting),
        date(rs, "meeting_date"),
        date(rs, "closed_on"),
        text(rs, "closure_reason"),
        rs.getBoolean("imported"),
        rs.getString("created_by"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("purged_at") != null,
        rs.getInt("version"),
        perpetrators,
        children);
  }

  private static Optional<String> text(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }

  private static Optional<LocalDate> date(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getObject(column, LocalDate.class));
  }

  private static Optional<Integer> integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<Answer> answer(ResultSet rs, String column) throws SQLException {
    return text(rs, column).map(Answer::valueOf);
  }
}
