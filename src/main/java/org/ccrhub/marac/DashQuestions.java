package org.ccrhub.marac;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The 24 DASH questions, read once from {@code marac/dash-questions.csv} (columns {@code
 * number,topic,question}), numbered 1 to 24 in order. Changing the wording is a change to that
 * file, not to code.
 */
public final class DashQuestions {

  static final String RESOURCE = "/marac/dash-questions.csv";

  private static final List<DashQuestion> ALL = load();

  private DashQuestions() {}

  /** The questions in order, question 1 first. */
  public static List<DashQuestion> all() {
    return ALL;
  }

  /** Question {@code number}, 1 to 24. */
  public static DashQuestion get(int number) {
    if (number < 1 || number > DashQuestion.COUNT) {
      throw new IllegalArgumentException("A DASH question is numbered 1 to " + DashQuestion.COUNT);
    }
    return ALL.get(number - 1);
  }

  private static List<DashQuestion> load() {
    try (InputStream in = DashQuestions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The DASH questions are missing: " + RESOURCE);
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads and checks the questions: exactly 24, numbered 1 to 24 in order. */
  static List<DashQuestion> read(Reader reader) throws IOException {
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    List<DashQuestion> questions = new ArrayList<>();
    for (CSVRecord record : format.parse(reader)) {
      int number = Integer.parseInt(record.get("number"));
      if (number != questions.size() + 1) {
        throw new IllegalStateException(
            "DASH question " + number + " is out of order: expected " + (questions.size() + 1));
      }
      questions.add(new DashQuestion(number, record.get("topic"), record.get("question")));
    }
    if (questions.size() != DashQuestion.COUNT) {
      throw new IllegalStateException(
          "The DASH checklist has " + DashQuestion.COUNT + " questions, not " + questions.size());
    }
    return List.copyOf(questions);
  }
}
