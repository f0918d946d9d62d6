package org.ccrhub;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;

import java.util.concurrent.atomic.AtomicInteger;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Test data made through the real services, with names unique to each call so that tests sharing
 * one database (and an external database reused between runs) do not collide.
 */
@TestComponent
public class Fixtures {

  /** The password of every account these fixtures create. */
  public static final String PASSWORD = "quiet meadow lantern forty";

  /**
   * A regular expression for a time of day as {@code Dates.clock} writes it: "4:21pm", "4pm",
   * "midday" or "midnight". Tests that match a time written at the moment they run must accept all
   * four, or they fail on the hour.
   */
  public static final String CLOCK = "(\\d{1,2}(:\\d{2})?[ap]m|midday|midnight)";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private final Partnerships partnerships;
  private final Accounts accounts;

  Fixtures(Partnerships partnerships, Accounts accounts) {
    this.partnerships = partnerships;
    this.accounts = accounts;
  }

  /** A new partnership with a unique slug. */
  public Partnership partnership() {
    String slug = "p" + RUN + "-" + SEQUENCE.incrementAndGet();
    return partnerships.create(slug, "Test Partnership " + slug);
  }

  /** A new account with the given role in the partnership; returns its email. */
  public String user(Partnership partnership, Role role) {
    String email = "user" + RUN + "-" + SEQUENCE.incrementAndGet() + "@test.example";
    accounts.addMember(partnership, email, "Test " + role.label(), role, PASSWORD);
    return email;
  }

  /** Signs in through the real sign-in form and returns the session. */
  public static MockHttpSession signIn(MockMvc mvc, String email) throws Exception {
    return signIn(mvc, email, PASSWORD);
  }

  public static MockHttpSession signIn(MockMvc mvc, String email, String password)
      throws Exception {
    MvcResult result =
        mvc.perform(formLogin("/sign-in").userParameter("email").user(email).password(password))
            .andExpect(authenticated())
            .andReturn();
    return (MockHttpSession) result.getRequest().getSession(false);
  }
}
