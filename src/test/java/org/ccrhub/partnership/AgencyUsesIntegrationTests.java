package org.ccrhub.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.marac.Marac;
import org.ccrhub.marac.MaracImport;
import org.ccrhub.marac.MaracSettings;
import org.ccrhub.marac.Maracs;
import org.ccrhub.marac.MeetingFrequency;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.SharingImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * An agency still named by the MARAC's or information sharing's records cannot be deleted, and the
 * page says which records name it (they answer through {@link AgencyUses}); an agency nothing names
 * can be.
 */
@CcrHubTest
class AgencyUsesIntegrationTests {

  static final String SHARING_LOG =
      "request_date,requesting_agency,requesting_officer,asked_agency,protocol,subject_role,"
          + "purpose,urgent,needed_by,consent,lawful_basis,decision_date,decision,reasons,"
          + "subject_told,not_told_reason,authorised_by,information_types,method\r\n"
          + "2016-05-23,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,victim,"
          + "Risk assessment,no,,given,UK GDPR 6(1)(e),2016-05-26,share,,,,"
          + "J Brown,Police incidents,secure email\r\n"
          + "2016-06-01,Northbridge Police,PC Ann Smith,Northbridge Council,Northbridge ISP,victim,"
          + "Address check,no,,given,UK GDPR 6(1)(e),,,,,,,,\r\n";

  static final String MARAC_HISTORY =
      "referral_date,meeting_date,victim_name,victim_dob,victim_age,victim_gender,"
          + "victim_ethnicity,victim_disability,victim_lgbt,perpetrator_name,perpetrator_dob,"
          + "perpetrator_age,perpetrator_gender,relationship,referring_agency,agency_type,"
          + "dash_score,criteria,children\r\n"
          + "10/06/2016,16/06/2016,Ann Alpha,01/01/1980,,female,White,no,no,,,,,,"
          + "Southmere Homes,housing,15,visible high risk,0\r\n";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired Agencies agencies;
  @Autowired SharingImport sharingImport;
  @Autowired Maracs maracs;
  @Autowired MaracImport maracImport;

  Partnership partnership;
  MockHttpSession admin;
  String base;

  @BeforeEach
  void aPartnershipWithASharingLogAndAMaracHistory() throws Exception {
    partnership = fixtures.partnership();
    admin = Fixtures.signIn(mvc, fixtures.user(partnership, Role.PARTNERSHIP_ADMIN));
    base = "/p/" + partnership.slug() + "/admin/agencies/";
    sharingImport.importLog(
        partnership, SHARING_LOG.getBytes(StandardCharsets.UTF_8), "log.csv", "Test Lead");
    Marac marac =
        maracs.create(
            partnership,
            "Northbridge MARAC",
            MaracSettings.defaults(112_350),
            MeetingFrequency.MONTHLY);
    maracImport.importReferrals(partnership, marac, MARAC_HISTORY.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anAgencyNamedByInformationSharingRecordsCannotBeDeletedAndThePageSaysWhy() throws Exception {
    Agency council = named("Northbridge Council");
    String why =
        "Northbridge Council cannot be deleted. It is named by 2 information-sharing requests"
            + " and 1 protocol party.";
    assertThat(agencies.whyNotDeletable(partnership, council.id())).contains(why);
    assertThat(text(page(base + council.id() + "/delete"))).contains(why);
    assertThat(text(delete(council))).contains(why).doesNotContain("just been added");
    assertThat(agencies.findById(partnership, council.id())).isPresent();
  }

  @Test
  void anAgencyNamedByAMaracReferralCannotBeDeletedAndThePageSaysWhy() throws Exception {
    Agency homes = named("Southmere Homes");
    String why = "Southmere Homes cannot be deleted. It is named by 1 MARAC referral.";
    assertThat(text(page(base + homes.id() + "/delete"))).contains(why);
    assertThat(text(delete(homes))).contains(why).doesNotContain("just been added");
    assertThat(agencies.findById(partnership, homes.id())).isPresent();
  }

  @Test
  void anAgencyNothingNamesIsDeleted() throws Exception {
    Agency unused = agencies.create(partnership, "Westshire Council", AgencyType.LOCAL_AUTHORITY);
    assertThat(agencies.whyNotDeletable(partnership, unused.id())).isEmpty();
    mvc.perform(
            post(base + unused.id() + "/delete")
                .session(admin)
                .with(csrf())
                .param("version", "" + unused.version()))
        .andExpect(redirectedUrl("/p/" + partnership.slug() + "/admin/agencies"));
    assertThat(agencies.findById(partnership, unused.id())).isEmpty();
  }

  private Agency named(String name) {
    return agencies.findAll(partnership).stream()
        .filter(a -> a.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private String delete(Agency agency) throws Exception {
    return mvc.perform(
            post(base + agency.id() + "/delete")
                .session(admin)
                .with(csrf())
                .param("version", "" + agency.version()))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private String page(String url) throws Exception {
    return mvc.perform(get(url).session(admin))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** The page's text as a person reads it: entities decoded, spaces collapsed. */
  private static String text(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ");
  }
}
