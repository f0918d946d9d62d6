package org.ccrhub.documents;

import com.openhtmltopdf.extend.FSTextBreaker;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Where a line of a PDF may end: between words, as the JDK's line breaker says, but never after an
 * apostrophe inside a word. The JDK breaks "Children’s Services" after the curly apostrophe, and
 * openhtmltopdf's own breaker also breaks before every slash, so "Q3/4", "2016/17" and
 * "Amber/Green" could be split in a narrow column; neither is what a reader expects.
 */
final class LineBreaks implements FSTextBreaker {

  private final BreakIterator lines = BreakIterator.getLineInstance(Locale.UK);
  private String text = "";

  @Override
  public void setText(String newText) {
    text = newText;
    lines.setText(newText);
  }

  @Override
  public int next() {
    int at = lines.next();
    while (at != BreakIterator.DONE && insideAWord(at)) {
      at = lines.next();
    }
    return at;
  }

  /** A break just after an apostrophe that has a letter on each side, as in "Women’s". */
  private boolean insideAWord(int at) {
    return at >= 2
        && at < text.length()
        && (text.charAt(at - 1) == '’' || text.charAt(at - 1) == '\'')
        && Character.isLetter(text.charAt(at - 2))
        && Character.isLetter(text.charAt(at));
  }
}
