package org.ccrhub.api;

import org.ccrhub.Fixtures;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Member;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For API tests: a person with a role in a partnership and a token of theirs, and requests sent
 * with it. Imported by {@code CcrHubTest}, so any test can autowire it.
 */
@TestComponent
public class ApiCallers {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Fixtures fixtures;
  private final Accounts accounts;
  private final ApiTokens tokens;

  ApiCallers(Fixtures fixtures, Accounts accounts, ApiTokens tokens) {
    this.fixtures = fixtures;
    this.accounts = accounts;
    this.tokens = tokens;
  }

  /** Someone with a token, in a partnership. */
  public record Caller(Partnership partnership, Member member, String token) {

    /** The request with this caller's {@code Authorization: Bearer} header. */
    public MockHttpServletRequestBuilder bearer(MockHttpServletRequestBuilder request) {
      return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
  }

  /** A new person with this role in a new partnership, and a token of theirs. */
  public Caller caller(Role role) {
    return caller(fixtures.partnership(), role);
  }

  /** A new person with this role in the partnership, and a token of theirs. */
  public Caller caller(Partnership partnership, Role role) {
    return caller(partnership, fixtures.user(partnership, role));
  }

  /** A token of this member of the partnership. */
  public Caller caller(Partnership partnership, String email) {
    Member member =
        accounts.members(partnership.id()).stream()
            .filter(m -> m.email().equals(email))
            .findFirst()
            .orElseThrow();
    return new Caller(
        partnership,
        member,
        tokens.create(partnership, member.accountId(), "Test script", 90).secret());
  }

  /** The answer's body as JSON. */
  public static JsonNode json(MvcResult result) throws Exception {
    return JSON.readTree(result.getResponse().getContentAsString());
  }
}
