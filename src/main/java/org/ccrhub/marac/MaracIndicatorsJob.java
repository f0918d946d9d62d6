package org.ccrhub.marac;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night (at 03:00 UK time unless {@code ccr.marac.indicators-cron} says otherwise) records
 * every MARAC's data return of the last completed quarters as the partnership's indicators ({@link
 * MaracIndicators}). With several servers, one runs it (the scheduler lock, held at least 10
 * minutes so that a server whose clock is late does not run it again).
 */
@Component
class MaracIndicatorsJob {

  private static final Logger log = LoggerFactory.getLogger(MaracIndicatorsJob.class);

  private final MaracIndicators indicators;
  private final Maracs maracs;
  private final Partnerships partnerships;
  private final Clock clock;

  MaracIndicatorsJob(
      MaracIndicators indicators, Maracs maracs, Partnerships partnerships, Clock clock) {
    this.indicators = indicators;
    this.maracs = maracs;
    this.partnerships = partnerships;
    this.clock = clock;
  }

  @Scheduled(cron = "${ccr.marac.indicators-cron:0 0 3 * * *}", zone = "Europe/London")
  @SchedulerLock(name = "marac-indicators", lockAtLeastFor = "PT10M")
  public void publishToday() {
    LockAssert.assertLocked();
    LocalDate today = Dates.today(clock);
    for (Partnership partnership : partnerships.findAll()) {
      for (Marac marac : maracs.all(partnership)) {
        try {
          indicators.publish(partnership, marac, today, "MARAC data return");
        } catch (RuntimeException e) {
          // one MARAC's failure must not stop the others'
          log.error("Recording the data return of MARAC {} as indicators failed", marac.id(), e);
        }
      }
    }
  }
}
