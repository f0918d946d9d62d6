package org.ccrhub;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The scheduled jobs: with several servers on one database, each runs on one of them (a scheduler
 * lock of its own), unless it is made to run on every server.
 */
class ScheduledJobsTests {

  @Test
  void everyJobTakesALockOfItsOwnUnlessItIsMadeToRunOnEveryServer() throws Exception {
    Map<String, String> locks = new TreeMap<>();
    List<String> unlocked = new ArrayList<>();
    List<String> notPublic = new ArrayList<>();
    for (Method job : scheduledMethods()) {
      String name = job.getDeclaringClass().getSimpleName() + "." + job.getName();
      SchedulerLock lock = job.getAnnotation(SchedulerLock.class);
      if (lock == null) {
        unlocked.add(name);
        continue;
      }
      locks.put(name, lock.name());
      // the lock is taken by a proxy, which only public methods go through
      if (!Modifier.isPublic(job.getModifiers())) {
        notPublic.add(name);
      }
    }

    assertThat(locks)
        .containsOnlyKeys(
            "ReminderJob.sendToday",
            "MaracRetentionJob.purgeToday",
            "SharingRetentionJob.purgeToday",
            "MaracIndicatorsJob.publishToday");
    assertThat(locks.values()).doesNotHaveDuplicates();
    assertThat(notPublic).isEmpty();
    // mail is claimed message by message (ADR 14); expired uploads are deleted by the database's
    // clock: both are meant to run on every server
    assertThat(unlocked)
        .containsExactlyInAnyOrder("MailDelivery.deliverPending", "PendingUploads.dropExpired");
  }

  private static List<Method> scheduledMethods() throws ClassNotFoundException {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
    List<Method> methods = new ArrayList<>();
    for (BeanDefinition bean : scanner.findCandidateComponents("org.ccrhub")) {
      Class<?> type = ClassUtils.forName(bean.getBeanClassName(), null);
      for (Method method : type.getDeclaredMethods()) {
        if (method.isAnnotationPresent(Scheduled.class)) {
          methods.add(method);
        }
      }
    }
    return methods;
  }
}
