package org.ccrhub.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LawfulBasesTests {

  private static LawfulBasis basis(long id, Long partnership, String code, String... aliases) {
    return new LawfulBasis(
        id, partnership, LawfulBasis.Kind.POWER, code, List.of(aliases), code, "", null, null);
  }

  private final LawfulBasis publicTask = basis(1, null, "UK GDPR 6(1)(e)", "GDPR 6(1)(e)");
  private final LawfulBasis s115 =
      basis(2, null, "Crime and Disorder Act 1998 s115", "CDA 1998 s115");
  private final LawfulBasis local = basis(3, 7L, "Local Housing Protocol", "CDA 1998 s115");
  private final LawfulBases.Matcher matcher =
      new LawfulBases.Matcher(List.of(publicTask, s115, local));

  @Test
  void findsABasisAsPeopleWriteItCapitalsSpacesAndTheWordArticleAside() {
    assertThat(matcher.match("UK GDPR 6(1)(e)")).contains(publicTask);
    assertThat(matcher.match("uk gdpr article 6 (1) (e)")).contains(publicTask);
    assertThat(matcher.match("UK GDPR Art. 6(1)(e)")).contains(publicTask);
    assertThat(matcher.match("GDPR 6(1)(e)")).contains(publicTask);
    assertThat(matcher.match("crime and disorder act 1998 S115")).contains(s115);
    assertThat(matcher.match("UK GDPR 6(1)(f)")).isEmpty();
    assertThat(matcher.match("Particle physics")).isEmpty();
  }

  @Test
  void aPartnershipsOwnAliasWinsOverAShippedOne() {
    assertThat(matcher.match("CDA 1998 s115")).contains(local);
    assertThat(matcher.match("Crime and Disorder Act 1998 s115")).contains(s115);
  }
}
