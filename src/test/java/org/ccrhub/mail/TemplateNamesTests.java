package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateNamesTests {

  @Test
  void saysEachKindOfReminderInWords() {
    assertThat(TemplateNames.of("period-opened")).isEqualTo("Reporting period opened");
    assertThat(TemplateNames.of("updates-due-soon")).isEqualTo("Updates due soon");
    assertThat(TemplateNames.of("updates-overdue")).isEqualTo("Updates overdue");
    assertThat(TemplateNames.of("invitation")).isEqualTo("Invitation");
    assertThat(TemplateNames.of("unblock")).isEqualTo("Link to unblock sign-in");
  }

  @Test
  void makesWordsOfAKindItDoesNotKnow() {
    assertThat(TemplateNames.of("board-pack-ready")).isEqualTo("Board pack ready");
  }
}
