package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One person's requests at the same moment, as from two tabs or a page and its htmx request: the
 * first requests of a new session each make its form token, and all of them must be answered.
 */
@CcrHubTest
class ConcurrentRequestsIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  @Test
  void theFirstRequestsOfASessionAtOnceAreAllAnswered() throws Exception {
    Partnership partnership = fixtures.partnership();
    String email = fixtures.user(partnership, Role.VIEWER);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Integer> statuses = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        MockHttpSession session = Fixtures.signIn(mvc, email);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await();
                    return mvc.perform(get("/account/password").session(session))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                  }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
          statuses.add(answer.get());
        }
      }
      assertThat(statuses).hasSize(40).containsOnly(200);
    } finally {
      pool.shutdown();
    }
  }
}
