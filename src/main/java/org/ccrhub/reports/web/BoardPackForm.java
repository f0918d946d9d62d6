package org.ccrhub.reports.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.UkDates;
import org.springframework.validation.Errors;

/**
 * What the board pack page asks: the period, the plans, the board, the meeting date and the data
 * month; and, once told which figures the pack would leave out, whether to produce it without them.
 */
public class BoardPackForm {

  private String period = "";
  private List<String> plans = new ArrayList<>();
  private String board = "";
  private String meetingDate = "";
  private String format = "pdf";
  private String dataMonth = "";
  private String withoutMissing = "";

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

  public String getMeetingDate() {
    return meetingDate;
  }

  public void setMeetingDate(String meetingDate) {
    this.meetingDate = meetingDate == null ? "" : meetingDate;
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

  /**
   * The data month chosen ({@code 2016-10}, {@code 10/2016}, {@code Oct 2016}, {@code October
   * 2016}), empty for the default, or an error on the field.
   */
  Optional<YearMonth> dataMonth(Errors errors) {
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
    errors.rejectValue(
        "dataMonth", "invalid", "Enter the data month as a month, like 10/2016 or October 2016");
    return Optional.empty();
  }

  /** The period, or an error on the field. */
  Optional<ReportingPeriod> period(Errors errors) {
    if (period.isBlank()) {
      errors.rejectValue(
          "period", "required", "Enter the period the pack reports, like 2016/17 Q2");
      return Optional.empty();
    }
    try {
      return Optional.of(ReportingPeriod.parse(period));
    } catch (InvalidInputException e) {
      errors.rejectValue("period", "invalid", e.getMessage());
      return Optional.empty();
    }
  }

  /** The meeting date (today when blank), or an error on the field. */
  Optional<LocalDate> meetingDate(Errors errors, LocalDate today) {
    String text = meetingDate.strip();
    if (text.isEmpty()) {
      return Optional.of(today);
    }
    Optional<LocalDate> day = UkDates.day(text);
    if (day.isEmpty()) {
      errors.rejectValue(
          "meetingDate", "invalid", "Enter the meeting date as a real date, like 15/11/2016");
    }
    return day;
  }

  /** Whether the format is one the pack comes in, or an error on the field. */
  boolean format(Errors errors) {
    if (!format.equals("pdf") && !format.equals("html")) {
      errors.rejectValue("format", "invalid", "Choose PDF or web page");
      return false;
    }
    return true;
  }

  /** Limits long text to what a cover can show. */
  boolean board(Errors errors) {
    if (board.strip().length() > 200) {
      errors.rejectValue("board", "tooLong", "The board's name must be 200 characters or fewer");
      return false;
    }
    return true;
  }
}
