package org.ccrhub.marac;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarterly data return of a MARAC, counted from its cases in the database ({@link
 * DataReturn#count}): the cases heard at a meeting held by today (not cancelled), with their repeat
 * status worked out as {@link Referrals} does, and the meetings held. It needs no personal details:
 * after retention a referral keeps the victim's and perpetrators' ages on the referral date, so the
 * return is the same before and after. Two queries, whatever the number of quarters.
 */
@Service
public class DataReturns {

  /** The cases heard at meetings from {@code :first} to {@code :last}, with what is counted. */
  static final String CASES =
      """
      with cases as (
          select r.id, r.victim_id, r.referral_date, m.meeting_date,
                 r.referring_agency_id, r.victim_dob, r.victim_age, r.victim_gender,
                 r.ethnic_group, r.ethnic_category, r.lgbt, r.disabled
          -- a referral's meeting is of its MARAC (a foreign key), so the MARAC is the
          -- meeting's: a condition on the referral's MARAC too made PostgreSQL combine the index
          -- of all its referrals with each meeting's (6 ms a meeting with 200,000 referrals)
          from marac_meeting m
          join marac_referral r on r.meeting_id = m.id
          where m.marac_id = :m and not m.cancelled
            and m.meeting_date between :first and :last
      )
      -- the repeat test of Referrals.IS_REPEAT, for all cases at once: the victim's
      -- referral before this one (by date, then id) is within the window
      , earlier as (
          select e.id, lag(e.referral_date) over (
              partition by e.victim_id order by e.referral_date, e.id) as previous
          from marac_referral e
          where e.victim_id in (select victim_id from cases)
      )
      , children as (
          select c.referral_id, count(*) as children from marac_child c
          where c.referral_id in (select id from cases) group by c.referral_id
      )
      , perpetrators as (
          select p.referral_id, string_agg(coalesce(p.dob::text, '') || '|'
                 || coalesce(p.age::text, ''), ',') as perpetrators
          from marac_perpetrator p
          where p.referral_id in (select id from cases) group by p.referral_id
      )
      select r.id, r.referral_date, r.meeting_date, a.type = 'POLICE' as police,
             r.victim_dob, r.victim_age, r.victim_gender, r.ethnic_group,
             r.ethnic_category, r.lgbt, r.disabled,
             coalesce(c.children, 0) as children, p.perpetrators,
             coalesce(e.previous >= (r.referral_date
                 - make_interval(months => :window))::date, false) as repeat
      from cases r
      join earlier e on e.id = r.id
      join agency a on a.id = r.referring_agency_id
      left join children c on c.referral_id = r.id
      left join perpetrators p on p.referral_id = r.id
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  DataReturns(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The return for the quarters from {@code from} to {@code to}, as of today. */
  @Transactional(readOnly = true)
  public DataReturn count(Marac marac, ReportingPeriod from, ReportingPeriod to) {
    return count(marac, from, to, Dates.today(clock));
  }

  /** The return as it stood on {@code today}: meetings after it are not held yet. */
  @Transactional(readOnly = true)
  public DataReturn count(Marac marac, ReportingPeriod from, ReportingPeriod to, LocalDate today) {
    if (from.compareTo(to) > 0) {
      throw new InvalidInputException("The first quarter must be the same as or before the last");
    }
    // the 12-month rate of the first quarter counts the three quarters before it
    LocalDate first = from.previous().previous().previous().firstDay();
    LocalDate last = to.lastDay().isAfter(today) ? today : to.lastDay();
    List<DataReturnCase> cases = new ArrayList<>();
    List<LocalDate> meetings = new ArrayList<>();
    if (!last.isBefore(first)) {
      cases =
          jdbc.sql(CASES)
              .param("m", marac.id())
              .param("window", marac.settings().repeatWindowMonths())
              .param("first", first)
              .param("last", last)
              .query(DataReturns::dataReturnCase)
              .list();
      meetings =
          jdbc.sql(
                  """
                  select distinct meeting_date from marac_meeting
                  where marac_id = :m and not cancelled and meeting_date between :first and :last
                  """)
              .param("m", marac.id())
              .param("first", from.firstDay())
              .param("last", last)
              .query(LocalDate.class)
              .list();
    }
    return DataReturn.count(cases, meetings, marac.settings().adultFemalePopulation(), from, to);
  }

  private static DataReturnCase dataReturnCase(ResultSet rs, int row) throws SQLException {
    String group = rs.getString("ethnic_group");
    String category = rs.getString("ethnic_category");
    Ethnicity ethnicity =
        category == null
            ? Ethnicity.of(EthnicGroup.valueOf(group))
            : Ethnicity.of(EthnicCategory.valueOf(category));
    List<DateOfBirthOrAge> perpetrators = new ArrayList<>();
    String text = rs.getString("perpetrators");
    if (text != null) {
      for (String one : text.split(",")) {
        String[] parts = one.split("\\|", -1);
        perpetrators.add(
            new DateOfBirthOrAge(
                parts[0].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(parts[0])),
                parts[1].isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(parts[1]))));
      }
    }
    return new DataReturnCase(
        rs.getObject("referral_date", LocalDate.class),
        Optional.of(rs.getObject("meeting_date", LocalDate.class)),
        rs.getBoolean("repeat"),
        rs.getInt("children"),
        rs.getBoolean("police"),
        new DateOfBirthOrAge(
            Optional.ofNullable(rs.getObject("victim_dob", LocalDate.class)),
            Optional.ofNullable(rs.getObject("victim_age", Integer.class))),
        Gender.valueOf(rs.getString("victim_gender")),
        ethnicity,
        Answer.valueOf(rs.getString("lgbt")),
        Answer.valueOf(rs.getString("disabled")),
        perpetrators);
  }
}
