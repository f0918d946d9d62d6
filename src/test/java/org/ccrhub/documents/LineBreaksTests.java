package org.ccrhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineBreaksTests {

  private static List<String> pieces(String text) {
    LineBreaks breaks = new LineBreaks();
    breaks.setText(text);
    List<String> pieces = new ArrayList<>();
    int from = 0;
    for (int at = breaks.next(); at != -1; at = breaks.next()) {
      pieces.add(text.substring(from, at));
      from = at;
    }
    return pieces;
  }

  @Test
  void breaksBetweenWordsButNotAfterAnApostropheInsideOne() {
    assertThat(pieces("Children’s Services; Women's Aid"))
        .containsExactly("Children’s ", "Services; ", "Women's ", "Aid");
    assertThat(pieces("the landlord’s consent")).containsExactly("the ", "landlord’s ", "consent");
  }

  @Test
  void keepsQuartersYearsAndRatingsWithASlashWhole() {
    assertThat(pieces("Q3/4 2016/17 31/03/2017 Amber/Green"))
        .containsExactly("Q3/4 ", "2016/17 ", "31/03/2017 ", "Amber/Green");
  }

  @Test
  void stillBreaksAfterAHyphenAndBeforeAnOpeningBracket() {
    assertThat(pieces("Multi-Agency Risk (MARAC)"))
        .containsExactly("Multi-", "Agency ", "Risk ", "(MARAC)");
  }
}
