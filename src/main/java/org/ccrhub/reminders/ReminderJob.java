package org.ccrhub.reminders;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.core.LockAssert;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.ccrhub.mail.Mail;
import org.ccrhub.partnership.Partnerships;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every day (at 07:00 UK time unless {@code ccr.reminders.cron} says otherwise) closes the periods
 * due to close and sends the reminders due, for every partnership. With several servers, one runs
 * it (the scheduler lock, held at least 10 minutes so that a server whose clock is late does not
 * run it again); and were two to run it, each reminder is recorded before its message is queued,
 * and the second server finds it recorded.
 */
@Component
class ReminderJob {

  private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

  private final Reminders reminders;
  private final Partnerships partnerships;
  private final Mail mail;
  private final Clock clock;

  ReminderJob(Reminders reminders, Partnerships partnerships, Mail mail, Clock clock) {
    this.reminders = reminders;
    this.partnerships = partnerships;
    this.mail = mail;
    this.clock = clock;
  }

  @Scheduled(cron = "${ccr.reminders.cron:0 0 7 * * *}", zone = "Europe/London")
  @SchedulerLock(name = "reminders", lockAtLeastFor = "PT10M")
  public void sendToday() {
    LockAssert.assertLocked();
    LocalDate today = Dates.today(clock);
    int sent = 0;
    for (Partnership partnership : partnerships.findAll()) {
      try {
        sent += reminders.send(partnership, today, false).size();
      } catch (RuntimeException e) {
        // one partnership's failure must not stop the others' reminders
        log.error("Reminders for partnership {} failed", partnership.id(), e);
      }
    }
    log.info("Reminders for {}: {} messages queued", today, sent);
    mail.deliverPending();
  }
}
