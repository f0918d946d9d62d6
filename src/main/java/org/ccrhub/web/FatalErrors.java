package org.ccrhub.web;

import com.sun.management.HotSpotDiagnosticMXBean;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;

/**
 * A server that has run out of memory stops, so that its supervisor (systemd, a container runtime)
 * starts it again, instead of staying up half alive with dead threads and answering nothing. The
 * JVM does it itself when started with {@code -XX:+ExitOnOutOfMemoryError} (README, {@code
 * deploy/ccr-hub.service}); that flag cannot be set once the JVM runs, so the server also halts
 * when an {@link OutOfMemoryError} (any {@link VirtualMachineError}) kills a thread or reaches the
 * outermost filter of a request, and warns at start when the flag is missing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class FatalErrors {

  /** The exit status, as {@code -XX:+ExitOnOutOfMemoryError} uses. */
  static final int STATUS = 3;

  static final String FLAG_MISSING =
      "The JVM was started without -XX:+ExitOnOutOfMemoryError: start it with that flag (see"
          + " README) so that it stops, and is restarted, if it runs out of memory";

  private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);

  /** Stops the process at once, without shutdown hooks that could need memory; tests record it. */
  interface Halt {
    void halt(int status);
  }

  @Bean
  @ConditionalOnMissingBean
  Halt halt() {
    return status -> Runtime.getRuntime().halt(status);
  }

  @Bean
  Thread.UncaughtExceptionHandler haltOnUncaughtFatalError(Halt halt) {
    Thread.UncaughtExceptionHandler handler = new HaltingHandler(halt);
    Thread.setDefaultUncaughtExceptionHandler(handler);
    return handler;
  }

  @Bean
  FilterRegistrationBean<Filter> haltOnFatalErrorInRequest(Halt halt) {
    FilterRegistrationBean<Filter> registration =
        new FilterRegistrationBean<>(new HaltingFilter(halt));
    registration.addUrlPatterns("/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnWithoutTheFlag() {
    warning(exitsOnOutOfMemory()).ifPresent(log::warn);
  }

  static Optional<String> warning(boolean exitsOnOutOfMemory) {
    return exitsOnOutOfMemory ? Optional.empty() : Optional.of(FLAG_MISSING);
  }

  private static boolean exitsOnOutOfMemory() {
    HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    return vm != null
        && ("true".equals(vm.getVMOption("ExitOnOutOfMemoryError").getValue())
            || "true".equals(vm.getVMOption("CrashOnOutOfMemoryError").getValue()));
  }

  /** Whether the error, or what caused it, leaves the JVM unfit to go on. */
  static boolean isFatal(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
        return true;
      }
      if (t.getCause() == t) {
        return false;
      }
    }
    return false;
  }

  static void stop(Halt halt) {
    try {
      System.err.println("CCR Hub ran out of memory: stopping so that it can be started again");
    } finally {
      halt.halt(STATUS);
    }
  }

  /** Halts when a fatal error ends a thread; anything else is printed as the JVM would. */
  static final class HaltingHandler implements Thread.UncaughtExceptionHandler {
    private final Halt halt;

    HaltingHandler(Halt halt) {
      this.halt = halt;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
      if (isFatal(error)) {
        stop(halt);
        return;
      }
      System.err.print("Exception in thread \"" + thread.getName() + "\" ");
      error.printStackTrace();
    }
  }

  /** Halts when a fatal error comes out of a request (Spring wraps it in a ServletException). */
  static final class HaltingFilter implements Filter {
    private final Halt halt;

    HaltingFilter(Halt halt) {
      this.halt = halt;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      try {
        chain.doFilter(request, response);
      } catch (IOException | ServletException | RuntimeException | Error e) {
        if (isFatal(e)) {
          stop(halt);
        }
        throw e;
      }
    }
  }
}
