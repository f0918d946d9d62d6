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
 * Every night (at 02:30 UK time unless {@code ccr.marac.retention-cron} says otherwise) removes the
 * personal details that every MARAC's retention has run out for ({@link MaracRetention}). With
 * several servers, one runs it (the scheduler lock, held at least 10 minutes so that a server whose
 * clock is late does not run it again); and a purge locks its MARAC, so a second finds nothing due.
 */
@Component
class MaracRetentionJob {

  private static final Logger log = LoggerFactory.getLogger(MaracRetentionJob.class);

  private final MaracRetention retention;
  private final Maracs maracs;
  private final Partnerships partnerships;
  private final Clock clock;

  MaracRetentionJob(
      MaracRetention retention, Maracs maracs, Partnerships partnerships, Clock clock) {
    this.retention = retention;
    this.maracs = maracs;
    this.partnerships = partnerships;
    this.clock = clock;
  }

  @Scheduled(cron = "${ccr.marac.retention-cron:0 30 2 * * *}", zone = "Europe/London")
  @SchedulerLock(name = "marac-retention", lockAtLeastFor = "PT10M")
  public void purgeToday() {
    LockAssert.assertLocked();
    purge(Dates.today(clock));
  }

  /** Purges every MARAC of every partnership as on {@code today}; the number of referrals. */
  int purge(LocalDate today) {
    int purged = 0;
    for (Partnership partnership : partnerships.findAll()) {
      for (Marac marac : maracs.all(partnership)) {
        try {
          purged += retention.purge(marac, today, "the nightly retention job");
        } catch (RuntimeException e) {
          // one MARAC's failure must not stop the others' retention
          log.error("Retention for MARAC {} failed", marac.id(), e);
        }
      }
    }
    log.info("MARAC retention for {}: personal details removed from {} referrals", today, purged);
    return purged;
  }
}
