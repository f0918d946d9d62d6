package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ccrhub.shared.Partnership;
import org.ccrhub.shared.SmallNumbers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the requests of a period for {@link SharingStatistics}. */
@Service
public class SharingStatisticsReports {

  private final JdbcClient jdbc;

  SharingStatisticsReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The figures for the requests the partnership made from {@code from} to {@code to}. */
  public List<SharingStatistics.Row> figures(
      Partnership partnership, LocalDate from, LocalDate to) {
    return SharingStatistics.of(requests(partnership, from, to), from, to);
  }

  /** The totals by decision, lawful basis and urgency of the same requests. */
  public SharingStatistics.Totals totals(Partnership partnership, LocalDate from, LocalDate to) {
    return SharingStatistics.totals(requests(partnership, from, to), from, to);
  }

  /**
   * The figures of a period as the board reads them, on the page and in its PDF: one row per agency
   * pair (the cells of {@link SharingStatistics.Row#cells}), and the totals by decision, urgency
   * and lawful basis, each shown through {@code small}.
   *
   * @param exact whether small numbers are shown as they are
   */
  public record Shown(
      LocalDate first,
      LocalDate last,
      boolean exact,
      String requests,
      List<List<String>> rows,
      Map<String, String> byDecision,
      Map<String, String> byUrgency,
      Map<String, String> byBasis) {}

  /** The figures of the requests made from {@code first} to {@code last}, shown through small. */
  public Shown shown(Partnership partnership, LocalDate first, LocalDate last, SmallNumbers small) {
    List<SharingStatistics.Request> requests = requests(partnership, first, last);
    List<List<String>> rows = new ArrayList<>();
    SharingStatistics.of(requests, first, last).forEach(r -> rows.add(r.cells(small)));
    SharingStatistics.Totals totals = SharingStatistics.totals(requests, first, last);
    Map<String, String> byBasis = new LinkedHashMap<>();
    totals.byBasis().forEach((basis, count) -> byBasis.put(basis, small.count(count)));
    // a total of a column in which a pair's count is hidden would give it away (the total less
    // the pairs shown), so it is hidden too: the requests, and the decisions in the rows' order
    List<Integer> decisionCounts = List.copyOf(totals.byDecision().values());
    List<String> decisions = new ArrayList<>(totals.decisions(small));
    for (int i = 0; i < decisions.size(); i++) {
      decisions.set(i, total(small, decisionCounts.get(i), decisions.get(i), rows, 3 + i));
    }
    String requestsShown = total(small, totals.requests(), small.count(totals.requests()), rows, 2);
    // the counts by urgency add up to the requests: when their total is hidden, so are they
    List<String> urgency =
        SharingStatistics.parts(small, List.copyOf(totals.byUrgency().values())).stream()
            .map(
                u ->
                    requestsShown.equals(SmallNumbers.DERIVED) && !u.equals("0")
                        ? SmallNumbers.DERIVED
                        : u)
            .toList();
    return new Shown(
        first,
        last,
        small == SmallNumbers.NONE,
        requestsShown,
        rows,
        labelled(totals.byDecision(), decisions),
        labelled(totals.byUrgency(), urgency),
        byBasis);
  }

  /**
   * A total as shown: as {@code shown} unless it is a number while a row's cell of the column it
   * adds up is not (hidden, or {@value SmallNumbers#DERIVED}), then {@value SmallNumbers#DERIVED}.
   */
  private static String total(
      SmallNumbers small, int count, String shown, List<List<String>> rows, int column) {
    boolean hidesAPair = rows.stream().anyMatch(r -> !r.get(column).matches("\\d+"));
    return hidesAPair && !small.hides(count) ? SmallNumbers.DERIVED : shown;
  }

  private static Map<String, String> labelled(Map<String, Integer> counts, List<String> shown) {
    Map<String, String> labelled = new LinkedHashMap<>();
    int i = 0;
    for (String label : counts.keySet()) {
      labelled.put(label, shown.get(i++));
    }
    return labelled;
  }

  private List<SharingStatistics.Request> requests(
      Partnership partnership, LocalDate from, LocalDate to) {
    return jdbc.sql(
            """
                select ra.name as requesting, aa.name as asked, r.requested_on, r.due_on,
                       d.outcome, d.decided_on, r.urgent,
                       (select array_agg(b.code order by b.sort, b.code)
                        from sharing_request_basis rb join lawful_basis b on b.id = rb.basis_id
                        where rb.request_id = r.id) as bases
                from sharing_request r
                join agency ra on ra.id = r.requesting_agency_id
                join agency aa on aa.id = r.asked_agency_id
                left join lateral (
                    select outcome, decided_on from sharing_decision d
                    where d.request_id = r.id
                      and not exists (select 1 from sharing_decision c where c.corrects_id = d.id)
                    order by d.id desc limit 1
                ) d on true
                where r.partnership_id = :p and r.requested_on between :from and :to
                """)
        .param("p", partnership.id())
        .param("from", from)
        .param("to", to)
        .query(
            (rs, n) -> {
              String outcome = rs.getString("outcome");
              return new SharingStatistics.Request(
                  rs.getString("requesting"),
                  rs.getString("asked"),
                  rs.getObject("requested_on", LocalDate.class),
                  rs.getObject("due_on", LocalDate.class),
                  outcome == null ? null : DecisionOutcome.valueOf(outcome),
                  rs.getObject("decided_on", LocalDate.class),
                  rs.getBoolean("urgent"),
                  rs.getArray("bases") == null
                      ? List.of()
                      : List.of((String[]) rs.getArray("bases").getArray()));
            })
        .list();
  }
}
