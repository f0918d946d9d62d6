package org.ccrhub.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.ccrhub.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list ({@code ?page=1&size=50}, pages counted from 1), and the answer with its
 * {@code Link} header (first, prev, next, last, as RFC 8288) and {@code X-Total-Count}. The links
 * are relative to the request's path, never built from its {@code Host} header.
 */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MOST_SIZE = 500;

  public Paging {
    if (page < 1) {
      throw new InvalidInputException("page must be a whole number from 1");
    }
    if (size < 1 || size > MOST_SIZE) {
      throw new InvalidInputException("size must be a whole number from 1 to " + MOST_SIZE);
    }
  }

  /** From the request's parameters, either of which may be missing. */
  public static Paging of(@Nullable Integer page, @Nullable Integer size) {
    return new Paging(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
  }

  public long offset() {
    return (long) (page - 1) * size;
  }

  /** The number of pages of a list this long (at least one, which may be empty). */
  public int pages(long total) {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  /** This page of a list already in memory. */
  public <T> List<T> of(List<T> all) {
    if (offset() >= all.size()) {
      return List.of();
    }
    return all.subList((int) offset(), (int) Math.min(all.size(), offset() + size));
  }

  /** This page of the whole list, with its links. */
  public <T> ResponseEntity<List<T>> answer(List<T> all, HttpServletRequest request) {
    return ResponseEntity.ok().headers(headers(all.size(), request)).body(of(all));
  }

  /** The {@code Link} and {@code X-Total-Count} headers for a list of this many items. */
  public HttpHeaders headers(long total, HttpServletRequest request) {
    int last = pages(total);
    List<String> links = new ArrayList<>();
    links.add(link(request, 1, "first"));
    if (page > 1) {
      links.add(link(request, Math.min(page - 1, last), "prev"));
    }
    if (page < last) {
      links.add(link(request, page + 1, "next"));
    }
    links.add(link(request, last, "last"));
    HttpHeaders headers = new HttpHeaders();
    headers.add(HttpHeaders.LINK, String.join(", ", links));
    headers.add("X-Total-Count", String.valueOf(total));
    return headers;
  }

  private String link(HttpServletRequest request, int target, String rel) {
    String uri =
        ServletUriComponentsBuilder.fromRequestUri(request)
            .scheme(null)
            .host(null)
            .port(null)
            .query(request.getQueryString())
            .replaceQueryParam("page", target)
            .replaceQueryParam("size", size)
            .build()
            .toUriString();
    return "<" + uri + ">; rel=\"" + rel + "\"";
  }
}
