package org.ccrhub.sharing;

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
 * Every night (at 02:45 UK time unless {@code ccr.sharing.retention-cron} says otherwise) removes
 * the personal details of information sharing that retention has run out for ({@link
 * SharingRetention}). With several servers, one runs it (the scheduler lock, held at least 10
 * minutes so that a server whose clock is late does not run it again).
 */
@Component
class SharingRetentionJob {

  private static final Logger log = LoggerFactory.getLogger(SharingRetentionJob.class);

  private final SharingRetention retention;
  private final Partnerships partnerships;
  private final Clock clock;

  SharingRetentionJob(SharingRetention retention, Partnerships partnerships, Clock clock) {
    this.retention = retention;
    this.partnerships = partnerships;
    this.clock = clock;
  }

  @Scheduled(cron = "${ccr.sharing.retention-cron:0 45 2 * * *}", zone = "Europe/London")
  @SchedulerLock(name = "sharing-retention", lockAtLeastFor = "PT10M")
  public void purgeToday() {
    LockAssert.assertLocked();
    LocalDate today = Dates.today(clock);
    int purged = 0;
    for (Partnership partnership : partnerships.findAll()) {
      try {
        purged += retention.purge(partnership, today, "the nightly retention job");
      } catch (RuntimeException e) {
        // one partnership's failure must not stop the others' retention
        log.error("Information sharing retention for partnership {} failed", partnership.id(), e);
      }
    }
    log.info("Information sharing retention for {}: {} records purged", today, purged);
  }
}
