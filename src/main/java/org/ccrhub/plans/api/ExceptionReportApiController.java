package org.ccrhub.plans.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.ccrhub.api.Paging;
import org.ccrhub.plans.DeliveryPlan;
import org.ccrhub.plans.DeliveryPlans;
import org.ccrhub.plans.ExceptionReport;
import org.ccrhub.plans.ReportingPeriod;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exception report of a plan for a period: the rows of its CSV file, made by the same code
 * ({@link ExceptionReport.Line#cells()}), with the CSV's column headings as property names.
 */
@RestController
@RequestMapping(
    path = "/api/v1/partnerships/{slug}/reports",
    produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Plans")
class ExceptionReportApiController {

  private final DeliveryPlans plans;
  private final PlanPeriods periods;

  ExceptionReportApiController(DeliveryPlans plans, PlanPeriods periods) {
    this.plans = plans;
    this.periods = periods;
  }

  /**
   * One exception, exactly as a row of the CSV file: every value is the CSV's text (an empty string
   * where the CSV cell is empty; {@code overdue} is {@code yes} or {@code no}).
   */
  record ExceptionRow(
      String outcome,
      String ref,
      String action,
      String lead,
      String due,
      String rating,
      @JsonProperty("previous_rating") String previousRating,
      String overdue,
      String comment) {

    /** The CSV's columns, which these properties are named after, in order. */
    static final List<String> COLUMNS =
        List.of(
            "outcome",
            "ref",
            "action",
            "lead",
            "due",
            "rating",
            "previous_rating",
            "overdue",
            "comment");

    static ExceptionRow of(List<String> cells) {
      if (!ExceptionReport.CSV_COLUMNS.equals(COLUMNS)) {
        throw new IllegalStateException(
            "The exception report's CSV columns changed: " + ExceptionReport.CSV_COLUMNS);
      }
      return new ExceptionRow(
          cells.get(0),
          cells.get(1),
          cells.get(2),
          cells.get(3),
          cells.get(4),
          cells.get(5),
          cells.get(6),
          cells.get(7),
          cells.get(8));
    }
  }

  @GetMapping("/exceptions")
  @Operation(
      summary = "A plan's exception report for a period: the rows of its CSV file",
      description =
          "The actions rated Red or Amber/Red (Red in a three-level scheme) or overdue, in ref"
              + " order, exactly as the CSV lists them. Paginated (page, size up to 500; Link and"
              + " X-Total-Count headers). The period defaults to the one the plan's pages open on;"
              + " the X-Reporting-Period header says which.")
  ResponseEntity<List<ExceptionRow>> exceptions(
      @PathVariable String slug,
      Partnership partnership,
      @Parameter(description = "The plan's id") @RequestParam long plan,
      @Parameter(description = "A period as the screens write it, e.g. 2016/17 Q2")
          @RequestParam(required = false)
          @Nullable String period,
      @RequestParam(required = false) @Nullable Integer page,
      @RequestParam(required = false) @Nullable Integer size,
      HttpServletRequest request) {
    Paging paging = Paging.of(page, size);
    DeliveryPlan deliveryPlan = plans.find(partnership, plan);
    ReportingPeriod reportingPeriod = periods.of(period, deliveryPlan);
    List<ExceptionReport.Line> lines =
        plans.exceptionReport(partnership, deliveryPlan, reportingPeriod).lines();
    return ResponseEntity.ok()
        .headers(paging.headers(lines.size(), request))
        .header(PlanPeriods.HEADER, reportingPeriod.toString())
        .body(paging.of(lines).stream().map(line -> ExceptionRow.of(line.cells())).toList());
  }
}
