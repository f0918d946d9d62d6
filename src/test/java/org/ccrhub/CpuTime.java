package org.ccrhub;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The processor time used so far by this JVM (server and the benchmark's HTTP clients) and by the
 * PostgreSQL server's processes (its postmaster and every child of it), read from {@code /proc}: a
 * benchmark divides the difference by its requests, which, unlike a latency, does not depend on
 * what else the machine is doing.
 */
public record CpuTime(long jvmNanos, long postgresNanos) {

  private static final long NANOS_PER_TICK = 10_000_000L; // USER_HZ is 100 on Linux

  /** The postmaster of the server this connection is to: the parent of its backend process. */
  public static long postmaster(JdbcClient jdbc) {
    long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
    return ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow().pid();
  }

  public static CpuTime now(long postmaster) {
    long jvm =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    long postgres =
        ProcessHandle.of(postmaster)
            .map(
                server ->
                    ticksOf(postmaster)
                        + server.children().mapToLong(child -> ticksOf(child.pid())).sum())
            .orElse(0L);
    return new CpuTime(jvm, postgres * NANOS_PER_TICK);
  }

  /** "processor time per request: JVM a ms, PostgreSQL b ms" since the earlier reading. */
  public String since(CpuTime earlier, int requests) {
    return String.format(
        "processor time per request: JVM %.1f ms, PostgreSQL %.1f ms",
        (jvmNanos - earlier.jvmNanos) / 1e6 / requests,
        (postgresNanos - earlier.postgresNanos) / 1e6 / requests);
  }

  /** User and system time of a process (fields 14 and 15 of /proc/PID/stat), 0 if unreadable. */
  private static long ticksOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
