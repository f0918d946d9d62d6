package org.ccrhub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ccrhub.shared.PlainText;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every text a form or link sends is {@link PlainText#clean cleaned} before a controller sees it:
 * one kind of line break, and no control characters, so a pasted NUL cannot reach the database as
 * an error, and a textarea saved unchanged compares equal to what was stored.
 */
@Component
class InputCleaning extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(new CleanRequest(request), response);
  }

  private static final class CleanRequest extends HttpServletRequestWrapper {

    private Map<String, String[]> parameters;

    CleanRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public String[] getParameterValues(String name) {
      String[] values = getParameterMap().get(name);
      return values == null ? null : values.clone();
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      if (parameters == null) {
        Map<String, String[]> cleaned = new LinkedHashMap<>();
        super.getParameterMap()
            .forEach(
                (name, values) ->
                    cleaned.put(
                        name, Arrays.stream(values).map(PlainText::clean).toArray(String[]::new)));
        parameters = java.util.Collections.unmodifiableMap(cleaned);
      }
      return parameters;
    }
  }
}
