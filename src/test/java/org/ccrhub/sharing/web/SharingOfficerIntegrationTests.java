package org.ccrhub.sharing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.ccrhub.CcrHubTest;
import org.ccrhub.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The sharing officer: an officer who only asks other agencies for information. They raise a
 * request and see their own, with two-factor sign-in, and change nothing else: not the
 * partnership's administration, not the protocols.
 */
@CcrHubTest
class SharingOfficerIntegrationTests extends SharingPageTests {

  @Test
  void aSharingOfficerAsksForInformationAndDoesNothingElse() throws Exception {
    String sharingOfficer = member(Role.SHARING_OFFICER, "DC Sally Share", police);
    MockHttpSession session = twoFactor.signIn(mvc, sharingOfficer);
    assertThat(send(get(base), session).getContentAsString())
        .contains(
            "Ask another agency for information", "Requests made by or to Northbridge Police");
    assertThat(send(request(council, "NOT_SOUGHT"), session).getRedirectedUrl())
        .isEqualTo(base + "/requests/1");
    assertThat(send(get(base + "/requests/1"), session).getContentAsString())
        .contains("DC Sally Share", "Vicky Victim");

    assertThat(send(get("/p/" + partnership.slug() + "/admin/users"), session).getStatus())
        .isEqualTo(403);
    assertThat(send(get(base + "/protocols/new"), session).getStatus()).isIn(403, 404);
    assertThat(
            send(
                    post(base + "/protocols/" + protocolId + "/review")
                        .with(csrf())
                        .param("title", "Changed"),
                    session)
                .getStatus())
        .isIn(403, 404, 405);
  }

  @Test
  void theRoleNeedsTwoFactorSignIn() {
    assertThat(Role.SHARING_OFFICER.requiresTwoFactor()).isTrue();
    assertThat(Role.parse("sharing_officer")).isEqualTo(Role.SHARING_OFFICER);
  }
}
