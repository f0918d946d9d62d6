package org.ccrhub.indicators.web;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ccrhub.documents.Documents;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dashboard's tiles, worked out once for a partnership's data version, month and rating filter
 * and kept while they are asked for: the dashboard is the most visited indicator page, and the
 * performance of every indicator is the costly part of it. A new data version makes new keys, so
 * kept tiles are never out of date; the least recently used go first.
 */
@Component
class IndicatorTiles {

  /** Which tiles: every one, those with a rating, or those not rated. */
  record Filter(Optional<RagRating> rating, boolean notRated) {

    static final Filter ALL = new Filter(Optional.empty(), false);

    static Filter parse(String value) {
      if (value.equals("NOT_RATED")) {
        return new Filter(Optional.empty(), true);
      }
      for (RagRating r : RagRating.values()) {
        if (r.isRating() && r.name().equals(value)) {
          return new Filter(Optional.of(r), false);
        }
      }
      return ALL;
    }

    boolean isActive() {
      return notRated || rating.isPresent();
    }

    String value() {
      return notRated ? "NOT_RATED" : rating.map(RagRating::name).orElse("");
    }

    boolean matches(IndicatorTile tile) {
      if (notRated) {
        return tile.rating() == null;
      }
      return rating.map(r -> r == tile.rating()).orElse(true);
    }
  }

  private record Key(long partnership, long version, YearMonth month, Filter filter, String base) {}

  /** The tiles shown, and their HTML. */
  record Shown(List<IndicatorTile> tiles, String html) {}

  private final Documents documents;

  /** As many as the partnerships whose indicator data is kept, and at least 16. */
  private final Map<Key, Shown> kept;

  /** A dashboard as asked for: partnership, data version, month and filter as given, address. */
  record DashboardKey(
      long partnership,
      Indicators.DataVersion version,
      @Nullable String to,
      String rating,
      String base,
      YearMonth today) {}

  /**
   * Dashboards as shown (the page's model but for what depends on the person), the most recently
   * asked for: a few hundred kilobytes each, against megabytes for a partnership's indicator data.
   */
  private final Map<DashboardKey, Map<String, Object>> dashboards;

  IndicatorTiles(
      Documents documents,
      @Value("${ccr.indicators.kept-partnerships:16}") int keptPartnerships,
      @Value("${ccr.indicators.kept-dashboards:400}") int keptDashboards) {
    this.documents = documents;
    int most = Math.max(16, keptPartnerships);
    this.kept =
        Collections.synchronizedMap(
            new LinkedHashMap<>(32, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<Key, Shown> eldest) {
                return size() > most;
              }
            });
    int dashboardsKept = Math.max(most, keptDashboards);
    this.dashboards =
        Collections.synchronizedMap(
            new LinkedHashMap<>(32, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(
                  Map.Entry<DashboardKey, Map<String, Object>> eldest) {
                return size() > dashboardsKept;
              }
            });
  }

  /** A dashboard worked out, and whether to keep it (not when the data changed as it was read). */
  record Built(Map<String, Object> view, boolean keep) {}

  /** The dashboard kept under the key, or the one {@code build} works out. */
  Map<String, Object> dashboard(DashboardKey key, Supplier<Built> build) {
    Map<String, Object> view = dashboards.get(key);
    if (view != null) {
      return view;
    }
    Built built = build.get();
    if (built.keep()) {
      dashboards.put(key, built.view());
    }
    return built.view();
  }

  /**
   * The tiles for the data month and filter, of the indicators with their figure for it, with their
   * HTML linking to the indicator pages under {@code base} (rendering two hundred tiles is most of
   * the dashboard's time, so the HTML is kept too).
   */
  Shown tiles(
      Partnership partnership,
      IndicatorData data,
      DataMonth dataMonth,
      Filter filter,
      String base) {
    YearMonth month = dataMonth.month();
    Key key = new Key(partnership.id(), data.version(), month, filter, base);
    Shown shown = kept.get(key);
    if (shown == null) {
      List<IndicatorTile> tiles =
          data.indicators().stream()
              // an indicator without its figure for the month is listed as missing, not a tile
              .filter(i -> !dataMonth.isMissing(i))
              .map(i -> IndicatorTile.of(data.performance(i, month, null)))
              .filter(filter::matches)
              .toList();
      String html =
          documents.html(
              "indicators/tiles", Map.of("tiles", tiles, "base", base, "month", month.toString()));
      shown = new Shown(tiles, html);
      kept.put(key, shown);
    }
    return shown;
  }
}
