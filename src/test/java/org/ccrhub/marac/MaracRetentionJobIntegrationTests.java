package org.ccrhub.marac;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccrhub.CcrHubTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The nightly MARAC retention job when several servers start it at the same moment. */
@CcrHubTest
@ExtendWith(OutputCaptureExtension.class)
class MaracRetentionJobIntegrationTests {

  @Autowired MaracRetentionJob job;
  @Autowired JdbcClient jdbc;
  @Autowired java.time.Clock clock;

  @Test
  void runsOnceWhenTwoServersStartItTogetherAndNotAgainForTenMinutes(CapturedOutput output)
      throws Exception {
    jdbc.sql("delete from shedlock where name = 'marac-retention'").update();
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService servers = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            servers.submit(
                () -> {
                  together.await(30, TimeUnit.SECONDS);
                  job.purgeToday();
                  return null;
                }));
      }
      for (Future<?> run : runs) {
        run.get(2, TimeUnit.MINUTES);
      }
    } finally {
      servers.shutdownNow();
    }
    // a third server whose clock is a few minutes behind
    job.purgeToday();

    // the day of the servers' clock (which other tests of this application may have moved)
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    assertThat(occurrences(output.getOut(), "MARAC retention for " + today + ": ")).isOne();
    assertThat(
            jdbc.sql(
                    """
                    select locked_by, extract(epoch from lock_until - locked_at)::int
                    from shedlock where name = 'marac-retention'
                    """)
                .query((rs, n) -> rs.getString(1) + " for " + rs.getInt(2) + "s")
                .single())
        .matches(".+ for 600s");
  }

  private static int occurrences(String text, String literal) {
    Matcher matcher = Pattern.compile(Pattern.quote(literal)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
