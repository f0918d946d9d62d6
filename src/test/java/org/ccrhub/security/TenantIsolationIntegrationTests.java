package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route of a partnership, found from the application's own request mappings (so a new
 * page is covered the day it is added), as a user of another partnership: each answer must be 404
 * or 403, and no page may show the other partnership's data.
 */
@CcrHubTest
class TenantIsolationIntegrationTests {

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired TwoFactorSessions twoFactor;
  @Autowired JdbcClient jdbc;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  Partnership victim;
  Partnership outsiderHome;
  MockHttpSession outsider;
  String victimAdmin;
  Set<Long> outsiderOwnIds = new LinkedHashSet<>();

  @BeforeEach
  void twoPartnerships() throws Exception {
    victim = fixtures.partnership();
    victimAdmin = fixtures.user(victim, Role.PARTNERSHIP_ADMIN);
    fixtures.user(victim, Role.VIEWER);
    outsiderHome = fixtures.partnership();
    String outsiderEmail = fixtures.user(outsiderHome, Role.PARTNERSHIP_ADMIN);
    // with two factors, so that pages of personal data (information sharing) look the ids up
    outsider = twoFactor.signIn(mvc, outsiderEmail);
    outsiderOwnIds.addAll(idsOf(outsiderHome));
  }

  @Test
  void everyRouteFindsTheApplicationsPartnershipPages() {
    assertThat(partnershipRoutes())
        .extracting(Route::pattern)
        .contains(
            "/p/{slug}",
            "/p/{slug}/admin/users",
            "/p/{slug}/admin/users/{accountId}",
            "/p/{slug}/admin/audit");
  }

  @Test
  void aUserOfAnotherPartnershipGetsNotFoundOnEveryRouteOfThisOne() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Route route : partnershipRoutes()) {
      for (String path : route.paths(victim.slug(), idsOf(victim))) {
        int status = perform(route.method(), path);
        if (status != 404) {
          leaks.add(route.method() + " " + path + " answered " + status);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void idsOfAnotherPartnershipAreNotFoundUnderTheUsersOwnPartnership() throws Exception {
    Set<Long> foreignIds = new LinkedHashSet<>(idsOf(victim));
    foreignIds.removeAll(outsiderOwnIds); // ids are per table, so one may equal one of ours
    List<String> leaks = new ArrayList<>();
    for (Route route : partnershipRoutes()) {
      if (!route.hasIdVariable()) {
        continue;
      }
      for (String path : route.paths(outsiderHome.slug(), foreignIds)) {
        int status = perform(route.method(), path);
        if (status != 404 && status != 403) {
          leaks.add(route.method() + " " + path + " answered " + status);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void theSwitcherCannotOpenAnotherPartnership() throws Exception {
    String target =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/switch-partnership")
                    .param("slug", victim.slug())
                    .session(outsider)
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(perform(HttpMethod.GET, target)).isEqualTo(404);
  }

  private int perform(HttpMethod method, String path) throws Exception {
    var builder = request(method, path).session(outsider);
    if (method != HttpMethod.GET) {
      builder = builder.with(csrf());
    }
    return mvc.perform(builder).andReturn().getResponse().getStatus();
  }

  /** The ids of everything a partnership holds, from every table with a partnership_id. */
  private Set<Long> idsOf(Partnership partnership) {
    Set<Long> ids = new LinkedHashSet<>();
    List<String> tables =
        jdbc.sql(
                """
                select c.table_name from information_schema.columns c
                join information_schema.columns i on i.table_name = c.table_name
                    and i.table_schema = c.table_schema and i.column_name = 'id'
                where c.column_name = 'partnership_id' and c.table_schema = current_schema()
                  and c.table_name <> 'audit_event'
                """)
            .query(String.class)
            .list();
    for (String table : tables) {
      ids.addAll(
          jdbc.sql("select id from " + table + " where partnership_id = :p")
              .param("p", partnership.id())
              .query(Long.class)
              .list());
    }
    ids.addAll(
        jdbc.sql("select user_account_id from membership where partnership_id = :p")
            .param("p", partnership.id())
            .query(Long.class)
            .list());
    ids.add(999_999_999L);
    return ids;
  }

  private List<Route> partnershipRoutes() {
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/p/{slug}")) {
          continue;
        }
        for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
          routes.add(new Route(method.asHttpMethod(), pattern));
        }
      }
    }
    return routes;
  }

  record Route(HttpMethod method, String pattern) {

    boolean hasIdVariable() {
      return VARIABLE.matcher(pattern.replace("{slug}", "")).find();
    }

    /** The route filled in with the slug and, for each other variable, each of the ids. */
    List<String> paths(String slug, Set<Long> ids) {
      String withSlug = pattern.replace("{slug}", slug);
      if (!hasIdVariable()) {
        return List.of(withSlug);
      }
      List<String> paths = new ArrayList<>();
      for (Long id : ids) {
        Matcher m = VARIABLE.matcher(withSlug);
        paths.add(m.replaceAll(id.toString()));
      }
      return paths;
    }
  }
}
