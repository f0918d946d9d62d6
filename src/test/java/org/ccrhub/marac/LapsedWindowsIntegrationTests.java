package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The monthly list of cases whose 12-month repeat window has just lapsed. */
@CcrHubTest
class LapsedWindowsIntegrationTests {

  @Autowired Fixtures fixtures;
  @Autowired Maracs maracs;
  @Autowired MaracRoles roles;
  @Autowired MaracAccess access;
  @Autowired LapsedWindows lapsed;
  @Autowired JdbcClient jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;
  @Autowired org.ccrhub.security.TwoFactorSessions twoFactor;

  @Test
  void listsEachVictimsLastReferralInTheMonthItsWindowLapses() throws Exception {
    Partnership partnership = fixtures.partnership();
    Marac marac =
        maracs.create(
            partnership, "MARAC", MaracSettings.defaults(10_000), MeetingFrequency.MONTHLY);
    String email = fixtures.user(partnership, Role.VIEWER);
    long account =
        jdbc.sql("select id from user_account where email = :e")
            .param("e", email)
            .query(Long.class)
            .single();
    roles.grant(partnership, marac, account, MaracRole.MARAC_COORDINATOR, Optional.empty(), "t");
    MaracReader reader = access.reader(partnership, marac.id(), account, email);
    long agency =
        jdbc.sql(
                "insert into agency (partnership_id, name, type) values (:p, 'Police', 'POLICE')"
                    + " returning id")
            .param("p", partnership.id())
            .query(Long.class)
            .single();

    long a = victim(marac);
    long aLast = referral(marac, a, agency, "2025-10-31");
    long b = victim(marac);
    referral(marac, b, agency, "2025-11-15");
    referral(marac, b, agency, "2026-01-10");
    long c = victim(marac);
    long cLast = referral(marac, c, agency, "2024-02-29");

    assertThat(lapsed.in(reader, YearMonth.of(2026, 11)))
        .containsExactly(
            new LapsedWindows.Lapsed(aLast, LocalDate.of(2025, 10, 31), LocalDate.of(2026, 11, 1)));
    assertThat(lapsed.in(reader, YearMonth.of(2026, 12))).isEmpty();
    // 29 February 2024 repeats until 28 February 2025 and has lapsed on 1 March 2025
    assertThat(lapsed.in(reader, YearMonth.of(2025, 3)))
        .extracting(LapsedWindows.Lapsed::referralId, LapsedWindows.Lapsed::lapsedOn)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(cLast, LocalDate.of(2025, 3, 1)));
    assertThat(lapsed.in(reader, YearMonth.of(2025, 2))).isEmpty();

    // the page: the coordinator sees the month's list; anyone else, and a month that is not one,
    // is not found
    String base = "/p/" + partnership.slug() + "/marac/" + marac.id() + "/lapsed";
    org.springframework.mock.web.MockHttpSession session = twoFactor.signIn(mvc, email);
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(base)
                .param("month", "2026-11")
                .session(session))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(
                    org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Case " + aLast),
                        org.hamcrest.Matchers.containsString("1 November 2026"),
                        org.hamcrest.Matchers.containsString("OFFICIAL-SENSITIVE"))));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(base)
                .param("month", "November")
                .session(session))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isNotFound());
    String admin = fixtures.user(partnership, Role.PARTNERSHIP_ADMIN);
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(base)
                .session(Fixtures.signIn(mvc, admin)))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                .isNotFound());
  }

  private long victim(Marac marac) {
    return BareRows.victim(jdbc, marac.id());
  }

  private long referral(Marac marac, long victim, long agency, String date) {
    return BareRows.referral(
        jdbc, marac.id(), victim, agency, LocalDate.parse(date), "Ann Example");
  }
}
