package org.ccrhub.indicators.web;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccrhub.documents.Documents;
import org.ccrhub.indicators.DataMonth;
import org.ccrhub.indicators.IndicatorData;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.RagRating;
import org.springframework.stereotype.Component;

/**
 * The dashboard's tiles, worked out once for a partnership's data version, month and rating filter
 * and kept while they are asked for: the dashboard is the most visited indicator page, and the
 * performance of every indicator is the costly part of it. A new data version makes new keys, so
 * kept tiles are never out of date; the least recently used go first.
 */
@Component
class IndicatorTiles {

  private static final int KEPT = 16;

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

  IndicatorTiles(Documents documents) {
    this.documents = documents;
  }

  private final Map<Key, Shown> kept =
      Collections.synchronizedMap(
          new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Shown> eldest) {
              return size() > KEPT;
            }
          });

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
