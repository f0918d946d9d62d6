package org.ccrhub.indicators.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.api.ApiCaller;
import org.ccrhub.api.ApiForbiddenException;
import org.ccrhub.api.ContentRejectedException;
import org.ccrhub.api.Paging;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.IndicatorImport;
import org.ccrhub.indicators.IndicatorImportRejectedException;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.Observation;
import org.ccrhub.indicators.Series;
import org.ccrhub.indicators.Total;
import org.ccrhub.indicators.Unit;
import org.ccrhub.indicators.ValueRevision;
import org.ccrhub.shared.InvalidInputException;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * A partnership's indicators and their values for a token: any member reads them, as on screen;
 * administrators, strategic leads and analysts record values, as they import them on screen, by the
 * values import's own rules (all or nothing, revisions kept, the same values twice change nothing).
 */
@RestController
@RequestMapping(path = "/api/v1/partnerships/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Indicators", description = "Performance indicators and their values")
class IndicatorsApiController {

  private final Indicators indicators;
  private final IndicatorImport imports;

  IndicatorsApiController(Indicators indicators, IndicatorImport imports) {
    this.indicators = indicators;
    this.imports = imports;
  }

  @GetMapping("/indicators")
  @Operation(summary = "The partnership's indicators, in natural ref order (2 before 10)")
  ResponseEntity<List<IndicatorDefinition>> listIndicators(
      @PathVariable String slug,
      Partnership partnership,
      @Parameter(description = "The page, from 1") @RequestParam(required = false)
          @Nullable Integer page,
      @Parameter(description = "Items a page, 1 to 500 (50 unless given)")
          @RequestParam(required = false)
          @Nullable Integer size,
      HttpServletRequest request) {
    Paging paging = Paging.of(page, size);
    List<Indicator> all = indicators.data(partnership).indicators();
    return ResponseEntity.ok()
        .headers(paging.headers(all.size(), request))
        .body(paging.of(all).stream().map(IndicatorDefinition::of).toList());
  }

  @GetMapping("/indicators/{ref}")
  @Operation(summary = "An indicator's definition")
  IndicatorDefinition showIndicator(
      @PathVariable String slug, @PathVariable String ref, Partnership partnership) {
    return IndicatorDefinition.of(indicator(indicators.data(partnership), ref));
  }

  @GetMapping("/indicators/{ref}/values")
  @Operation(
      summary = "An indicator's current values, by area then period",
      description =
          "The partnership's own values first (area empty), then each comparator's. A total's"
              + " values are worked out from its parts, so they have no recorded_at or"
              + " recorded_by.")
  ResponseEntity<List<IndicatorValue>> listValues(
      @PathVariable String slug,
      @PathVariable String ref,
      Partnership partnership,
      @Parameter(
              description =
                  "Only this comparator area's values; empty for the partnership's own; all when"
                      + " left out")
          @RequestParam(required = false)
          @Nullable String area,
      @Parameter(description = "Only periods from this one (2016-10, 2016/17 Q2 or 2016/17)")
          @RequestParam(required = false)
          @Nullable String from,
      @Parameter(description = "Only periods up to this one (2016-10, 2016/17 Q2 or 2016/17)")
          @RequestParam(required = false)
          @Nullable String to,
      @Parameter(description = "The page, from 1") @RequestParam(required = false)
          @Nullable Integer page,
      @Parameter(description = "Items a page, 1 to 500 (50 unless given)")
          @RequestParam(required = false)
          @Nullable Integer size,
      HttpServletRequest request) {
    Paging paging = Paging.of(page, size);
    YearMonth first = from == null || from.isBlank() ? null : period("from", from).first();
    YearMonth last = to == null || to.isBlank() ? null : period("to", to).last();
    if (first != null && last != null && first.isAfter(last)) {
      throw new InvalidInputException("'from' must not be after 'to'");
    }
    IndicatorData data = indicators.data(partnership);
    Indicator indicator = indicator(data, ref);
    List<String> areas = new ArrayList<>();
    areas.add(IndicatorData.OWN_AREA);
    areas.addAll(data.comparators(indicator));
    if (area != null) {
      areas.removeIf(a -> !a.equalsIgnoreCase(area.strip()));
    }
    Map<String, List<ValueRevision>> revisions = new HashMap<>();
    if (!indicator.isComposite()) {
      // latest first within each area and period
      for (ValueRevision r : indicators.revisions(partnership, indicator)) {
        revisions.computeIfAbsent(r.area() + "\u0000" + r.period(), k -> new ArrayList<>()).add(r);
      }
    }
    List<IndicatorValue> values = new ArrayList<>();
    for (String a : areas) {
      Series series = data.series(indicator, a);
      for (Observation o : series.observations()) {
        if ((first == null || !o.period().first().isBefore(first))
            && (last == null || !o.period().last().isAfter(last))) {
          List<ValueRevision> kept = revisions.getOrDefault(a + "\u0000" + o.period(), List.of());
          values.add(value(indicator, series, a, o, kept));
        }
      }
    }
    return paging.answer(values, request);
  }

  @PutMapping(path = "/indicators/{ref}/values", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Records an indicator's values, all or nothing, as the values import does",
      description =
          "A value that differs from the current one (or is new) is kept as a new revision; one"
              + " equal to it changes nothing, so sending the same values twice changes nothing."
              + " With any problem nothing is recorded and every problem is listed (422), each"
              + " with its row (the item of the array, from 1), field, value and reason."
              + " Administrators, strategic leads and analysts record values; others are refused"
              + " (403).")
  ValuesRecorded recordValues(
      @PathVariable String slug,
      @PathVariable String ref,
      Partnership partnership,
      ApiCaller caller,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              description = "The values, a JSON array",
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      array = @ArraySchema(schema = @Schema(implementation = ValueInput.class))))
          @RequestBody
          JsonNode body) {
    Indicator indicator = indicator(indicators.data(partnership), ref);
    if (!IndicatorImport.recordsValues(caller.currentRoles())) {
      throw new ApiForbiddenException(IndicatorImport.RECORDERS);
    }
    ValuesBody values = ValuesBody.read(indicator.ref(), body);
    if (!values.problems().isEmpty()) {
      List<ImportProblem> more =
          values.table().rows().isEmpty()
              ? List.of()
              : imports.previewValues(partnership, values.table()).errors();
      throw new ContentRejectedException(values.problemsWith(more));
    }
    try {
      return ValuesRecorded.of(imports.importValues(partnership, values.table()));
    } catch (IndicatorImportRejectedException e) {
      throw new ContentRejectedException(values.problemsWith(e.errors()));
    }
  }

  private static Indicator indicator(IndicatorData data, String ref) {
    return data.byRef(ref).orElseThrow(() -> new NotFoundException("Indicator"));
  }

  private static IndicatorPeriod period(String parameter, String text) {
    try {
      return IndicatorPeriod.parse(text);
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          "'"
              + text.strip()
              + "' is not a period for '"
              + parameter
              + "': write a month like 2016-10, a quarter like 2016/17 Q2 or a year like"
              + " 2016/17");
    }
  }

  private static IndicatorValue value(
      Indicator indicator,
      Series series,
      String area,
      Observation o,
      List<ValueRevision> revisions) {
    Total figure = series.figure(o);
    ValueRevision current = revisions.isEmpty() ? null : revisions.get(0);
    return new IndicatorValue(
        o.period().toString(),
        o.period().label(),
        o.value(),
        o.numerator(),
        o.denominator(),
        area,
        figure.isKnown() ? figure.ratio().rounded(decimals(indicator.unit())) : null,
        current == null ? null : current.recordedAt(),
        current == null ? null : current.recordedBy(),
        revisions.size());
  }

  /** Decimal places a figure is shown with, as on screen: none for counts, two for money. */
  static int decimals(Unit unit) {
    return switch (unit) {
      case COUNT -> 0;
      case MONEY -> 2;
      default -> 1;
    };
  }
}
