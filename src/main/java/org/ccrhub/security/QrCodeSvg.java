package org.ccrhub.security;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as an SVG image drawn on the server (qrcodegen makes the modules), so that the
 * enrolment page needs no script and sends the secret nowhere else. The image says what it is to
 * screen readers; the page also writes the secret out for typing by hand.
 */
final class QrCodeSvg {

  /** The quiet zone around the code, in modules, as the QR standard asks. */
  private static final int BORDER = 4;

  private QrCodeSvg() {}

  /**
   * The SVG element for some text. The text is drawn as modules only, never written into the
   * markup, so the SVG can be put in a page as it is.
   */
  static String of(String text, String description) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int size = qr.size + BORDER * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-qr-code\" viewBox=\"0 0 "
        + size
        + " "
        + size
        + "\" role=\"img\" aria-label=\""
        + escape(description)
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
        + "<path d=\""
        + path
        + "\" fill=\"#0b0c0c\"/></svg>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
