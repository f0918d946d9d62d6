package org.ccrhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.nayuki.qrcodegen.QrCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeSvgTests {

  private static final String ADDRESS =
      "otpauth://totp/CCR%20Hub:ann%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
          + "&issuer=CCR%20Hub&algorithm=SHA1&digits=6&period=30";

  @Test
  void drawsEachDarkModuleWithAQuietZoneAndSaysWhatItIs() {
    QrCode qr = QrCode.encodeText(ADDRESS, QrCode.Ecc.MEDIUM);
    int dark = 0;
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        dark += qr.getModule(x, y) ? 1 : 0;
      }
    }

    String svg = QrCodeSvg.of(ADDRESS, "QR code to add CCR Hub to your authenticator app");

    assertThat(svg)
        .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-qr-code\"")
        .contains("viewBox=\"0 0 " + (qr.size + 8) + " " + (qr.size + 8) + "\"")
        .contains("role=\"img\" aria-label=\"QR code to add CCR Hub to your authenticator app\"")
        .endsWith("</svg>");
    assertThat(count(svg, "h1v1h-1z")).isEqualTo(dark);
    // the top-left corner of the finder pattern is dark, after the 4-module quiet zone
    assertThat(svg).contains("M4,4h1v1h-1z");
    // the secret is in the modules only, never in the markup
    assertThat(svg).doesNotContain("GEZD").doesNotContain("otpauth");
  }

  private static int count(String text, String what) {
    Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
