package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A lawful basis or power to share, as people cite it ({@code UK GDPR 6(1)(e)}, {@code DPA 2018 Sch
 * 1 para 18}, {@code Crime and Disorder Act 1998 s115}). Shipped ones belong to no partnership and
 * change only when the law does; a partnership adds its own.
 *
 * @param partnershipId the partnership that added it, or null when CCR Hub ships it
 * @param inUseFrom the first day it can be relied on, when it came later (Article 6(1)(ea))
 * @param inUseUntil the last day it could be relied on, when it was repealed
 */
public record LawfulBasis(
    long id,
    @Nullable Long partnershipId,
    Kind kind,
    String code,
    List<String> aliases,
    String title,
    String note,
    @Nullable LocalDate inUseFrom,
    @Nullable LocalDate inUseUntil) {

  /** Which part of the law it is. */
  public enum Kind {
    ARTICLE_6("UK GDPR Article 6: lawful basis"),
    ARTICLE_9("UK GDPR Article 9: special category condition"),
    ARTICLE_10("UK GDPR Article 10: criminal offence information"),
    SCHEDULE_1("DPA 2018 Schedule 1 condition"),
    LAW_ENFORCEMENT("DPA 2018 Part 3: law enforcement"),
    POWER("Power to share");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public LawfulBasis {
    aliases = List.copyOf(aliases);
  }

  /** Whether it could be relied on that day. */
  public boolean inUseOn(LocalDate day) {
    return (inUseFrom == null || !day.isBefore(inUseFrom))
        && (inUseUntil == null || !day.isAfter(inUseUntil));
  }
}
