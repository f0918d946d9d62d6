// Load driver for bench/audit.sh: audited changes (new agencies) spread over many partnerships,
// through the real sign-in and forms of a running CCR Hub. Java 17 single-file program:
//   java bench/AuditLoad.java BASE_URL EMAIL PASSWORD PARTNERSHIPS RATE SECONDS CONCURRENCY
// Phase 1 (closed loop): CONCURRENCY clients each send the next request when the last one is
// answered, for SECONDS: the most the server sustains. Phase 2 (open loop): RATE requests a second
// for SECONDS, whatever the answers take; latency is counted from when each request was due, so
// queueing shows. Prints one markdown table row per phase.
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class AuditLoad {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  static final AtomicLong SEQUENCE = new AtomicLong();

  static String base;
  static HttpClient client;
  static String token;
  static int partnerships;

  public static void main(String[] args) throws Exception {
    base = args[0];
    String email = args[1];
    String password = args[2];
    partnerships = Integer.parseInt(args[3]);
    int rate = Integer.parseInt(args[4]);
    int seconds = Integer.parseInt(args[5]);
    int concurrency = Integer.parseInt(args[6]);
    client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(32))
            .build();
    String signInToken = csrf(get("/sign-in"));
    HttpResponse<String> signedIn =
        client.send(
            post("/sign-in", "email=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(signInToken)),
            HttpResponse.BodyHandlers.ofString());
    if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
    }
    token = csrf(get("/p/bench-1/admin/agencies/new"));
    for (int i = 0; i < 20; i++) { // warm up
      check(client.send(change(), HttpResponse.BodyHandlers.discarding()).statusCode());
    }
    // the closed loop first: it never leaves a backlog behind for the next phase
    System.out.println(closedLoop(concurrency, seconds));
    System.out.println(openLoop(rate, seconds));
    System.exit(0); // the client's threads would keep the JVM alive
  }

  static String openLoop(int rate, int seconds) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    long start = System.nanoTime();
    long periodNanos = 1_000_000_000L / rate;
    int total = rate * seconds;
    AtomicInteger sent = new AtomicInteger();
    timer.scheduleAtFixedRate(
        () -> {
          int n = sent.getAndIncrement();
          if (n >= total) {
            return;
          }
          long due = start + n * periodNanos;
          inFlight.add(
              client
                  .sendAsync(change(), HttpResponse.BodyHandlers.discarding())
                  .whenComplete(
                      (response, failure) -> {
                        if (failure != null || !ok(response.statusCode())) {
                          errors.incrementAndGet();
                        } else {
                          latencies.add(System.nanoTime() - due);
                        }
                      }));
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    while (sent.get() < total) {
      Thread.sleep(100);
    }
    timer.shutdownNow();
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    return row("open loop, " + rate + "/s offered for " + seconds + " s", latencies, errors.get(), elapsed);
  }

  static String closedLoop(int concurrency, int seconds) throws Exception {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long begun = System.nanoTime();
                  try {
                    int status = client.send(change(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (ok(status)) {
                      latencies.add(System.nanoTime() - begun);
                    } else {
                      errors.incrementAndGet();
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                }
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return row("closed loop, " + concurrency + " clients for " + seconds + " s", latencies, errors.get(), elapsed);
  }

  /** A new agency in one of the partnerships, in turn: one audited change. */
  static HttpRequest change() {
    long n = SEQUENCE.incrementAndGet();
    int partnership = (int) (n % partnerships) + 1;
    return post(
        "/p/bench-" + partnership + "/admin/agencies/new",
        "name=" + enc("Agency " + n + " " + System.nanoTime()) + "&type=POLICE&_csrf=" + enc(token));
  }

  static boolean ok(int status) {
    return status == 302 || status == 303;
  }

  static void check(int status) {
    if (!ok(status)) {
      throw new IllegalStateException("a change was answered with HTTP " + status);
    }
  }

  static String row(String phase, List<Long> latencies, int errors, double elapsed) {
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    return String.format(
        "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |",
        phase,
        sorted.size(),
        errors,
        sorted.size() / elapsed,
        percentile(sorted, 50),
        percentile(sorted, 95),
        percentile(sorted, 99),
        sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
  }

  static double percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }

  static String get(String path) throws Exception {
    return client
        .send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }

  static HttpRequest post(String path, String form) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token in the page");
    }
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
