package org.ccrhub.web;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page whose template fails after writing its start, as a real page's would when a value it shows
 * cannot be worked out: the error page must be shown whole, not a half page or nothing. (Pages
 * stream as they render, so that a page of 100,000 rows needs no more memory than one of 10; one
 * that fails after its first 128 KB were sent can only be cut off.) 2,000 lines make about 70 KB,
 * longer than most pages and than the 8 KB a server holds back by default.
 */
@TestComponent
@Controller
public class BrokenPage {

  public static final String PATH = "/test/broken-page";

  /** The value the page shows last, which fails. */
  public static final class Failing {
    public String value() {
      throw new IllegalStateException("the value cannot be worked out");
    }
  }

  @GetMapping(PATH)
  String page(Model model) {
    model.addAttribute("failing", new Failing());
    model.addAttribute("lines", java.util.Collections.nCopies(2_000, "A line of the page"));
    return "test/broken-page";
  }
}
