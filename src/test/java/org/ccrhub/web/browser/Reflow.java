package org.ccrhub.web.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WCAG 1.4.10 Reflow: the page shown, at 320 CSS pixels wide, must not scroll sideways. Content may
 * scroll sideways only inside a deliberate scroll container ({@code .app-table-scroll}) that a
 * keyboard can reach ({@code tabindex="0"}), that has an accessible name (a region labelled by its
 * heading or caption), and that shows a visible cue (its CSS draws a shadow at the edge that hides
 * more, and keeps the key column in place).
 */
public final class Reflow {

  /** The width WCAG 1.4.10 asks a page to fit, the same as 1280 pixels zoomed to 400%. */
  public static final int WIDTH = 320;

  private static final String FACTS =
      """
      const callback = arguments[arguments.length - 1];
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const root = document.documentElement;
        const width = root.clientWidth;
        const scrolls = (e) => {
          const s = getComputedStyle(e);
          return ['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX);
        };
        const hidden = (e) => {
          const r = e.getBoundingClientRect();
          return r.width <= 1 || r.height <= 1 || getComputedStyle(e).visibility === 'hidden';
        };
        const describe = (e) => {
          const tag = e.tagName.toLowerCase();
          const id = e.id ? '#' + e.id : '';
          const cls = typeof e.className === 'string' && e.className.trim()
            ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
          const text = (e.innerText || e.textContent || '').trim().replace(/\\s+/g, ' ').substring(0, 50);
          return tag + id + cls + (text ? ' "' + text + '"' : '');
        };
        const insideScroller = (e) => {
          for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
            if (scrolls(p)) return true;
          }
          return false;
        };
        const outside = (r) => r.width > 0 && (r.right > width + 1 || r.left < -1);
        // an element sticks out when its box does, or its own text does (a long word, an address)
        const sticksOut = (e) => {
          if (outside(e.getBoundingClientRect())) return true;
          for (const node of e.childNodes) {
            if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) {
              const range = document.createRange();
              range.selectNodeContents(node);
              if (outside(range.getBoundingClientRect())) return true;
            }
          }
          return false;
        };
        // the elements that stick out of the page where their parent does not: the causes
        let causes = [...document.body.querySelectorAll('*')]
          .filter(e => !hidden(e) && !insideScroller(e) && sticksOut(e)
            && !(e.parentElement && e.parentElement !== document.body && sticksOut(e.parentElement)))
          .slice(0, 3).map(describe);
        // else something hidden or positioned escapes its box: whatever sticks out at all
        if (!causes.length && root.scrollWidth > width) {
          causes.push(...[...document.body.querySelectorAll('*')].filter(sticksOut)
            .slice(-3).map(e => describe(e) + ' at ' + Math.round(e.getBoundingClientRect().right)));
        }
        const scrollers = [...document.body.querySelectorAll('*')]
          .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
            && e.scrollWidth > e.clientWidth + 1 && !hidden(e));
        const withoutCue = scrollers
          .filter(e => !(e.matches('.app-table-scroll[tabindex="0"]')
            && (e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby'))))
          .map(describe);
        callback({
          innerWidth: window.innerWidth,
          width: width,
          scrollWidth: root.scrollWidth,
          causes: causes,
          withoutCue: withoutCue
        });
      }));
      """;

  private Reflow() {}

  /**
   * What stops the page shown from reflowing at 320 pixels, which is also saved as the screenshot
   * {@code name}-320. The window is back at its own width afterwards. The page is not loaded again
   * (a form's answer cannot be), so what it shows at 320 pixels is what its CSS makes of it.
   */
  public static List<String> problems(Browser browser, String name) {
    var window = browser.driver().manage().window();
    var before = window.getSize();
    try {
      browser.viewportWidth(WIDTH);
      @SuppressWarnings("unchecked")
      Map<String, Object> facts = (Map<String, Object>) browser.driver().executeAsyncScript(FACTS);
      browser.screenshot(name + "-" + WIDTH);
      List<String> problems = new ArrayList<>();
      long inner = ((Number) facts.get("innerWidth")).longValue();
      if (inner != WIDTH) {
        problems.add("the browser could not be made " + WIDTH + " pixels wide (" + inner + ")");
      }
      long width = ((Number) facts.get("width")).longValue();
      long scrollWidth = ((Number) facts.get("scrollWidth")).longValue();
      if (scrollWidth > width) {
        problems.add(
            "at "
                + WIDTH
                + " pixels wide the page scrolls sideways, caused by "
                + facts.get("causes"));
      }
      List<?> withoutCue = (List<?>) facts.get("withoutCue");
      if (!withoutCue.isEmpty()) {
        problems.add(
            "at "
                + WIDTH
                + " pixels wide these scroll sideways without being a named, focusable"
                + " .app-table-scroll region with a visible cue: "
                + withoutCue);
      }
      return problems;
    } finally {
      window.setSize(before);
    }
  }
}
