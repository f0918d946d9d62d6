package org.ccrhub.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request whose body may be read up to a limit: beyond it, reading fails with {@link
 * TooLargeException}, answered 413. A body that declares its length over the limit is refused
 * before this (by {@link ApiResponses}); this catches a body sent in chunks, with no length.
 */
final class RequestBodyLimit extends HttpServletRequestWrapper {

  /** Reading went past the limit. */
  static final class TooLargeException extends IOException {
    TooLargeException() {
      super("The request body is over the limit");
    }
  }

  private final long limit;
  private ServletInputStream limited;

  RequestBodyLimit(HttpServletRequest request, long limit) {
    super(request);
    this.limit = limit;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (limited == null) {
      ServletInputStream in = super.getInputStream();
      limited =
          new ServletInputStream() {
            private long read;

            @Override
            public int read() throws IOException {
              int b = in.read();
              if (b >= 0) {
                count(1);
              }
              return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
              int n = in.read(buffer, offset, length);
              if (n > 0) {
                count(n);
              }
              return n;
            }

            private void count(int n) throws TooLargeException {
              read += n;
              if (read > limit) {
                throw new TooLargeException();
              }
            }

            @Override
            public boolean isFinished() {
              return in.isFinished();
            }

            @Override
            public boolean isReady() {
              return in.isReady();
            }

            @Override
            public void setReadListener(ReadListener listener) {
              in.setReadListener(listener);
            }
          };
    }
    return limited;
  }
}
