package org.ccrhub.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MessageTests {

  @Test
  void keepsAMessageWithTheAddressAndSubjectTrimmed() {
    Message message =
        new Message(
            7, " lead@council.example ", "updates-due-soon", " Updates due soon ", "Body\n", 3);

    assertThat(message.to()).isEqualTo("lead@council.example");
    assertThat(message.subject()).isEqualTo("Updates due soon");
    assertThat(message.body()).isEqualTo("Body\n");
    assertThat(message.actions()).isEqualTo(3);
  }

  @Test
  void refusesASubjectOfTwoLinesWhichWouldAddAHeaderToTheEmail() {
    assertThatThrownBy(
            () ->
                new Message(7, "a@b.example", "weekly-digest", "Hi\r\nBcc: x@y.example", "Body", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A subject is one line of 1 to 200 characters");
  }

  @Test
  void refusesAnythingButOneAddress() {
    for (String to : new String[] {"", "nobody", "a@b@c", "a b@c.example", "a@b.example, c@d"}) {
      assertThatThrownBy(() -> new Message(7, to, "weekly-digest", "Subject", "Body", 0))
          .as(to)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void refusesATemplateThatIsNotAShortName() {
    assertThatThrownBy(() -> new Message(7, "a@b.example", "Updates Due", "Subject", "Body", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesANegativeCountOfActionsAndAMissingPartnership() {
    assertThatThrownBy(() -> new Message(7, "a@b.example", "weekly-digest", "S", "B", -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Message(0, "a@b.example", "weekly-digest", "S", "B", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesABodyOverFiftyThousandCharacters() {
    assertThatThrownBy(
            () -> new Message(7, "a@b.example", "weekly-digest", "S", "x".repeat(50_001), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
