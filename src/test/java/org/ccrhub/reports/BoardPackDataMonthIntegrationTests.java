package org.ccrhub.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ccrhub.AdminCommands;
import org.ccrhub.CcrHubTest;
import org.ccrhub.Fixtures;
import org.ccrhub.indicators.Frequency;
import org.ccrhub.indicators.Indicator;
import org.ccrhub.indicators.IndicatorPeriod;
import org.ccrhub.indicators.Indicators;
import org.ccrhub.indicators.TestIndicators;
import org.ccrhub.indicators.ValueEntry;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * The board pack's data month, as a board would get it in November 2016: police figures are in to
 * October, the health figure only to September, and the MARAC's quarterly return to 2016/17 Q2. The
 * pack for the current quarter (2016/17 Q3) and for the previous one (Q2) are both to September,
 * the latest month with every figure; a pack to October leaves the health figure out and says so.
 */
@CcrHubTest
class BoardPackDataMonthIntegrationTests {

  @Autowired AdminCommands commands;
  @Autowired Indicators indicators;
  @Autowired Fixtures fixtures;
  @Autowired MockMvc mvc;
  @TempDir Path dir;

  Partnership partnership;
  Indicator assaults;

  @BeforeEach
  void policeFiguresToOctoberAndHealthToSeptember() {
    partnership = fixtures.partnership();
    Indicator offences =
        save("1", "Domestic abuse offences", Frequency.MONTHLY, "Police (CRIS)", "Analyst");
    Indicator stalking =
        save("2", "Stalking referrals", Frequency.MONTHLY, "Police (CRIS)", "Analyst");
    assaults =
        save("3", "Assaults seen at A&E", Frequency.MONTHLY, "NHS A&E data", "Public health team");
    Indicator marac =
        save("4", "MARAC cases", Frequency.QUARTERLY, "MARAC return", "MARAC coordinator");
    List<ValueEntry> values = new ArrayList<>();
    YearMonth first = YearMonth.of(2014, 11);
    for (int i = 0; i < 24; i++) {
      YearMonth month = first.plusMonths(i);
      values.add(entry(offences, IndicatorPeriod.month(month), 100));
      values.add(entry(stalking, IndicatorPeriod.month(month), 20));
      if (month.isBefore(YearMonth.of(2016, 10))) {
        values.add(entry(assaults, IndicatorPeriod.month(month), 30));
      }
    }
    for (String quarter :
        List.of(
            "2014/15 Q4",
            "2015/16 Q1",
            "2015/16 Q2",
            "2015/16 Q3",
            "2015/16 Q4",
            "2016/17 Q1",
            "2016/17 Q2")) {
      values.add(entry(marac, IndicatorPeriod.parse(quarter), 40));
    }
    indicators.record(partnership, values, "test");
  }

  @Test
  void theCurrentQuartersPackIsToTheLatestMonthWithEveryFigure() throws Exception {
    AdminCommands.Result result = pack("2016/17 Q3", "pack.pdf");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Board pack for 2016/17 Q3 (0 plans, 4 indicators)")
        .contains("Figures to September 2016.")
        .doesNotContain("Figures missing");
    String text = pdfText("pack.pdf");
    assertThat(text)
        .contains("Figures to September 2016")
        .contains("Performance to September 2016")
        .contains("Domestic abuse offences")
        .contains("Assaults seen at A&E")
        .contains("MARAC cases")
        .doesNotContain("Figures missing");
  }

  @Test
  void thePreviousQuartersPackIsToItsLastMonth() throws Exception {
    AdminCommands.Result result = pack("2016/17 Q2", "pack.pdf");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Figures to September 2016.");
    assertThat(pdfText("pack.pdf"))
        .contains("Performance to September 2016")
        .doesNotContain("Figures missing");
  }

  @Test
  void aPackToOctoberNamesTheHealthFigureAsMissingAndHasNoRowForIt() throws Exception {
    for (String written : List.of("2016-10", "10/2016", "Oct 2016", "October 2016")) {
      AdminCommands.Result result = pack("2016/17 Q3", "october.pdf", "--data-month", written);
      assertThat(result.exitCode()).as(result.err()).isZero();
      assertThat(result.out())
          .as(written)
          .contains("Board pack for 2016/17 Q3 (0 plans, 3 indicators)")
          .contains("Figures to October 2016.")
          .contains(
              "Figures missing for October 2016, left out:\n"
                  + "  3 Assaults seen at A&E (Source: NHS A&E data; owner: Public health team;"
                  + " latest value: September 2016)");
    }
    String text = pdfText("october.pdf");
    assertThat(text)
        .contains("Figures to October 2016 (1 figure missing: see Performance)")
        .contains("Performance to October 2016")
        .contains("Figures missing")
        .contains("This indicator has no figure for October 2016, so it is not shown:")
        .contains(
            "3 Assaults seen at A&E. Source: NHS A&E data; owner: Public health team. Latest"
                + " value: September 2016.");
    // named once, in the note: no row of the table
    assertThat(text.split("Assaults seen at A&E", -1)).hasSize(2);
    // the quarterly return is judged at its last quarter closed, September, and is shown
    assertThat(text).contains("MARAC cases").contains("Reported quarterly: the 12 months to Sep");
  }

  @Test
  void aDataMonthThatIsNotAMonthIsRefused() {
    AdminCommands.Result result = pack("2016/17 Q3", "x.pdf", "--data-month", "2016/17 Q3");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains("'2016/17 Q3' is not a month: give the data month like 2016-10 or 10/2016");
    result = pack("2016/17 Q3", "x.pdf", "--data-month", "soon");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("'soon' is not a month");
  }

  @Test
  void theFormWarnsBeforeAPackWithFiguresMissingAndProducesItWhenTicked() throws Exception {
    MockHttpSession lead = Fixtures.signIn(mvc, fixtures.user(partnership, Role.STRATEGIC_LEAD));
    String base = "/p/" + partnership.slug() + "/board-pack";

    // the default data month has every figure: the pack comes at once
    MvcResult pack =
        mvc.perform(
                get(base + "/download")
                    .param("period", "2016/17 Q3")
                    .param("format", "pdf")
                    .session(lead))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(pack.getResponse().getContentType()).isEqualTo("application/pdf");

    // October lacks the health figure: the form comes back saying so
    String page =
        html(
            mvc.perform(
                    get(base + "/download")
                        .param("period", "2016/17 Q3")
                        .param("dataMonth", "10/2016")
                        .param("format", "pdf")
                        .session(lead))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(title(page)).isEqualTo("Board pack");
    assertThat(text(page))
        .contains(
            "Warning The pack would leave out 1 figure: this indicator has no figure for October"
                + " 2016.")
        .contains(
            "3 Assaults seen at A&E . Source: NHS A&E data; owner: Public health team. Latest"
                + " value: September 2016.")
        .contains(
            "September 2016 is the latest month in the period with a figure for every indicator."
                + " Leave the data month blank to use it.")
        .contains("Produce the pack without these figures, to October 2016");
    assertThat(page)
        .contains(
            "name=\"withoutMissing\" type=\"checkbox\" value=\"2016-10:" + assaults.id() + "\"")
        .contains("value=\"10/2016\"");

    // ticked for another month or other figures, it still warns; ticked for these, the pack comes
    mvc.perform(
            get(base + "/download")
                .param("period", "2016/17 Q3")
                .param("dataMonth", "October 2016")
                .param("withoutMissing", "2016-09:" + assaults.id())
                .param("format", "pdf")
                .session(lead))
        .andExpect(status().isOk())
        .andExpect(
            result -> assertThat(result.getResponse().getContentType()).startsWith("text/html"));
    mvc.perform(
            get(base + "/download")
                .param("period", "2016/17 Q3")
                .param("dataMonth", "October 2016")
                .param("withoutMissing", "2016-10:" + (assaults.id() + 1))
                .param("format", "pdf")
                .session(lead))
        .andExpect(status().isOk())
        .andExpect(
            result -> assertThat(result.getResponse().getContentType()).startsWith("text/html"));
    MvcResult october =
        mvc.perform(
                get(base + "/download")
                    .param("period", "2016/17 Q3")
                    .param("dataMonth", "October 2016")
                    .param("withoutMissing", "2016-10:" + assaults.id())
                    .param("format", "pdf")
                    .session(lead))
            .andExpect(status().isOk())
            .andReturn();
    assertThat(october.getResponse().getContentType()).isEqualTo("application/pdf");
    try (PDDocument pdf = Loader.loadPDF(october.getResponse().getContentAsByteArray())) {
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Performance to October 2016")
          .contains("3 Assaults seen at A&E. Source: NHS A&E data");
    }

    // a data month that is not one is an error on its field
    String wrong =
        html(
            mvc.perform(
                    get(base + "/download")
                        .param("period", "2016/17 Q3")
                        .param("dataMonth", "13/2016")
                        .param("format", "pdf")
                        .session(lead))
                .andExpect(status().isBadRequest())
                .andReturn());
    assertThat(title(wrong)).isEqualTo("Error: Board pack");
    YearMonth example = YearMonth.now(java.time.ZoneId.of("Europe/London")).minusMonths(1);
    assertThat(text(wrong))
        .contains(
            "There is a problem Enter the data month as a month, like "
                + example.getMonthValue()
                + "/"
                + example.getYear()
                + " or "
                + example.format(
                    java.time.format.DateTimeFormatter.ofPattern(
                        "MMMM yyyy", java.util.Locale.UK)));
    assertThat(wrong).contains("href=\"#dataMonth\"");
  }

  private AdminCommands.Result pack(String period, String file, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "report",
                "board-pack",
                "--partnership",
                partnership.slug(),
                "--period",
                period,
                "--format",
                "pdf",
                "--out",
                dir.resolve(file).toString()));
    args.addAll(List.of(more));
    return commands.run(args.toArray(String[]::new));
  }

  private String pdfText(String file) throws Exception {
    try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(dir.resolve(file)))) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  private Indicator save(
      String ref, String name, Frequency frequency, String source, String owner) {
    return TestIndicators.saveCount(
        indicators, partnership, ref, name, frequency, source, owner, false);
  }

  private static ValueEntry entry(Indicator indicator, IndicatorPeriod period, int value) {
    return TestIndicators.entry(indicator, period, value);
  }

  private static String html(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  private static String title(String html) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<title>(.*?) – CCR Hub</title>", java.util.regex.Pattern.DOTALL)
            .matcher(html);
    return m.find() ? HtmlUtils.htmlUnescape(m.group(1)).strip() : "";
  }

  private static String text(String html) {
    return HtmlUtils.htmlUnescape(
            html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " "))
        .replaceAll("\\s+", " ")
        .strip();
  }
}
