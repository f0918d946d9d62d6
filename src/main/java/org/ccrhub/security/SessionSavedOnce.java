package org.ccrhub.security;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Keeps a page's explicit flushes from committing the response before the request is done, so that
 * the session is saved once, at the end.
 *
 * <p>Spring Session saves the session when the response is committed, and again when the request
 * ends; the second time it reads the session back from the database. A rendered page always ends
 * with a flush, so every request read its session twice. Pages are held back in a large buffer
 * anyway ({@code ErrorHandling}), so ignoring the flush changes nothing a browser sees; a response
 * larger than the buffer is still sent as it fills. A response meant to be sent in parts as they
 * are made (server-sent events, say) would wait for the end, so none may be added without changing
 * this.
 */
@Configuration(proxyBeanMethods = false)
class SessionSavedOnce {

  @Bean
  FilterRegistrationBean<Filter> flushAtTheEnd() {
    Filter filter =
        (request, response, chain) ->
            chain.doFilter(
                request,
                response instanceof HttpServletResponse http ? new NoEarlyFlush(http) : response);
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/*");
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
    return registration;
  }

  /** A response whose flushes wait for the end of the request. */
  static final class NoEarlyFlush extends HttpServletResponseWrapper {

    private PrintWriter writer;
    private ServletOutputStream stream;

    NoEarlyFlush(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void flushBuffer() {}

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer =
            new PrintWriter(super.getWriter(), false) {
              @Override
              public void flush() {}

              /** Not the inner writer's, which would flush it. */
              @Override
              public boolean checkError() {
                return false;
              }
            };
      }
      return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream inner = super.getOutputStream();
        stream =
            new ServletOutputStream() {
              @Override
              public void write(int b) throws IOException {
                inner.write(b);
              }

              @Override
              public void write(byte[] bytes, int offset, int length) throws IOException {
                inner.write(bytes, offset, length);
              }

              @Override
              public void flush() {}

              @Override
              public void close() throws IOException {
                inner.close();
              }

              @Override
              public boolean isReady() {
                return inner.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                inner.setWriteListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
