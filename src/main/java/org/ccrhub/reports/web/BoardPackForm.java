package org.ccrhub.reports.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.DateInput;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.InvalidInputException;
import org.springframework.validation.Errors;

/**
 * What the board pack page asks: the period, the plans, the board, the meeting date and the data
 * month; and, once told which figures the pack would leave out, whether to produce it without them.
 */
public class BoardPackForm {

  private String period = "";
  private List<String> plans = new ArrayList<>();
  private String board = "";
  private DateInput meetingDate = new DateInput();
  private String format = "pdf";
  private String dataMonth = "";
  private String withoutMissing = "";
  private String issueToken = "";

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period == null ? "" : period;
  }

  public List<String> getPlans() {
    return plans;
  }

  public void setPlans(List<String> plans) {
    this.plans = plans == null ? new ArrayList<>() : plans;
  }

  public String getBoard() {
    return board;
  }

  public void setBoard(String board) {
    this.board = board == null ? "" : board;
  }

  public DateInput getMeetingDate() {
    return meetingDate;
  }

  public void setMeetingDate(DateInput meetingDate) {
    this.meetingDate = meetingDate == null ? new DateInput() : meetingDate;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format == null ? "" : format;
  }

  public String getDataMonth() {
    return dataMonth;
  }

  public void setDataMonth(String dataMonth) {
    this.dataMonth = dataMonth == null ? "" : dataMonth;
  }

  /** The data month the person agreed to produce the pack for with figures missing. */
  public String getWithoutMissing() {
    return withoutMissing;
  }

  public void setWithoutMissing(String withoutMissing) {
    this.withoutMissing = withoutMissing == null ? "" : withoutMissing;
  }

  /** The issue confirmation's one-time token, so that sending it twice issues one pack. */
  public String getIssueToken() {
    return issueToken;
  }

  public void setIssueToken(String issueToken) {
    this.issueToken = issueToken == null ? "" : issueToken;
  }

  /**
   * The data month chosen ({@code 2016-10}, {@code 10/2016}, {@code Oct 2016}, {@code October
   * 2016}), empty for the default, or an error on the field.
   */
  Optional<YearMonth> dataMonth(Errors errors, LocalDate today) {
    if (dataMonth.isBlank()) {
      return Optional.empty();
    }
    try {
      IndicatorPeriod period = IndicatorPeriod.parse(dataMonth);
      if (period.isMonth()) {
        return Optional.of(period.first());
      }
    } catch (InvalidInputException e) {
      // the same message as for a quarter or a year
    }
    YearMonth example = YearMonth.from(today).minusMonths(1);
    errors.rejectValue(
        "dataMonth",
        "invalid",
        "Enter the data month as a month, like "
            + example.getMonthValue()
            + "/"
            + example.getYear()
            + " or "
            + Dates.month(example.atDay(1)));
    return Optional.empty();
  }

  /** The period, or an error on the field. */
  Optional<ReportingPeriod> period(Errors errors, LocalDate today) {
    if (period.isBlank()) {
      errors.rejectValue(
          "period",
          "required",
          "Enter the period the pack reports, like " + ReportingPeriod.containing(today));
      return Optional.empty();
    }
    try {
      return Optional.of(ReportingPeriod.parse(period));
    } catch (InvalidInputException e) {
      errors.rejectValue(
          "period",
          "invalid",
          "Enter the period as a financial year and a quarter, like "
              + ReportingPeriod.containing(today));
      return Optional.empty();
    }
  }

  /** The meeting date (today when blank), or an error on the field. */
  Optional<LocalDate> meetingDate(Errors errors, LocalDate today) {
    if (meetingDate.isBlank()) {
      return Optional.of(today);
    }
    Optional<LocalDate> date = meetingDate.read("meetingDate", "the meeting date", false, errors);
    if (date.isPresent() && (date.get().getYear() < 1990 || date.get().getYear() > 2100)) {
      meetingDate.reject("meetingDate", "The meeting date must be between 1990 and 2100", errors);
      return Optional.empty();
    }
    return date;
  }

  /** Whether the format is one the pack comes in, or an error on the field. */
  void format(Errors errors) {
    if (!format.equals("pdf") && !format.equals("html")) {
      errors.rejectValue("format", "invalid", "Select PDF or web page");
    }
  }

  /** Limits long text to what a cover can show. */
  void board(Errors errors) {
    if (board.strip().length() > 200) {
      errors.rejectValue("board", "tooLong", "The board's name must be 200 characters or fewer");
    }
  }
}
