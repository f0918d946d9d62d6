package org.ccrhub.marac;

import java.util.Objects;

/**
 * One of the 24 questions of the DASH risk checklist (Domestic Abuse, Stalking and Harassment and
 * Honour-based Violence Risk Identification Checklist, SafeLives and ACPO, 2009). CCR Hub asks each
 * about the same topic as the checklist in its own plain words; the checklist's text is copyrighted
 * and is not reproduced. The questions are held as data ({@link DashQuestions}).
 *
 * @param number 1 to 24, the order in which they are asked
 * @param topic a few words, such as "Threats to kill"
 * @param text the question as asked of the victim
 */
public record DashQuestion(int number, String topic, String text) {

  /** The checklist has 24 questions. */
  public static final int COUNT = 24;

  public DashQuestion {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(text, "text");
    if (number < 1 || number > COUNT) {
      throw new IllegalArgumentException("A DASH question is numbered 1 to " + COUNT);
    }
    if (topic.isBlank() || text.isBlank()) {
      throw new IllegalArgumentException("DASH question " + number + " needs a topic and a text");
    }
  }
}
