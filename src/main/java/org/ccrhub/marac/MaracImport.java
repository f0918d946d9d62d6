package org.ccrhub.marac;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.ImportProblem;
import org.ccrhub.tabular.ProblemList;
import org.ccrhub.tabular.Table;
import org.ccrhub.tabular.TableImports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a MARAC's earlier referrals from a CSV (UTF-8 or Windows-1252) or XLSX file, all or
 * nothing ({@code marac import}): every row is checked first, and with any error nothing is stored
 * and every problem is listed. Rows are then recorded in referral-date order through {@link
 * Referrals#record}, exactly as live referrals are, so the repeat history is right from the start;
 * a referring agency the partnership does not have is created with the file's type, and each
 * distinct meeting date becomes one imported meeting.
 */
@Service
public class MaracImport {

  private final TableImports tables;
  private final Referrals referrals;
  private final Agencies agencies;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  MaracImport(
      TableImports tables,
      Referrals referrals,
      Agencies agencies,
      AuditTrail audit,
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager) {
    this.tables = tables;
    this.referrals = referrals;
    this.agencies = agencies;
    this.audit = audit;
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Imports the file's referrals into the MARAC.
   *
   * @throws MaracImportRejectedException with every problem, when any row is wrong
   * @throws NotFoundException when the MARAC is not the partnership's
   */
  public MaracImportResult importReferrals(Partnership partnership, Marac marac, byte[] content) {
    if (marac.partnershipId() != partnership.id()) {
      throw new NotFoundException("No such MARAC");
    }
    return tables.run(
        "marac",
        () -> {
          List<ImportProblem> errors = new ProblemList();
          List<ImportProblem> warnings = new ProblemList();
          Optional<Table> table = tables.read(content, errors, "A MARAC import file");
          if (table.isEmpty()) {
            throw new MaracImportRejectedException(errors, warnings);
          }
          return transactions.execute(
              status -> importRows(partnership, marac, table.get(), errors, warnings));
        });
  }

  private MaracImportResult importRows(
      Partnership partnership,
      Marac marac,
      Table table,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    Map<String, Integer> columns = table.columns(ImportedReferrals.known());
    errors.addAll(ImportedReferrals.missingColumns(table, columns));
    Collection<Integer> used = columns.values();
    for (int i = 0; i < table.header().size(); i++) {
      String name = table.header().get(i);
      if (!name.isBlank() && !used.contains(i)) {
        warnings.add(
            new ImportProblem(
                1, name, "", "This column is not one that is imported: it is ignored"));
      }
    }
    if (!errors.isEmpty()) {
      throw new MaracImportRejectedException(errors, warnings);
    }
    Map<String, Agency> known = new HashMap<>();
    Map<String, AgencyType> knownTypes = new HashMap<>();
    for (Agency agency : agencies.findAll(partnership)) {
      String key = ImportedReferrals.Row.agencyKey(agency.name());
      known.putIfAbsent(key, agency);
      knownTypes.putIfAbsent(key, agency.type());
    }
    List<ImportedReferrals.Row> rows =
        ImportedReferrals.read(table, columns, knownTypes, errors, warnings);
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(
          new ImportProblem(2, "(file)", "", "The file has a header row but no rows of referrals"));
    }
    if (!errors.isEmpty()) {
      throw new MaracImportRejectedException(ProblemList.byRow(errors), warnings);
    }

    referrals.lock(marac);
    List<String> created = new ArrayList<>();
    for (ImportedReferrals.Row row : rows) {
      if (!known.containsKey(row.agencyKey())) {
        Agency agency =
            agencies.create(partnership, row.agencyName(), row.agencyType().orElseThrow());
        known.put(row.agencyKey(), agency);
        created.add(agency.name() + " (" + agency.type().label() + ")");
      }
    }
    Map<LocalDate, Long> meetings = new HashMap<>();
    int meetingsCreated = 0;
    for (LocalDate day :
        new TreeSet<>(rows.stream().flatMap(r -> r.meetingDate().stream()).toList())) {
      Optional<Long> id =
          jdbc.sql(
                  """
                  insert into marac_meeting (marac_id, meeting_date, kind)
                  values (:m, :day, 'IMPORTED')
                  on conflict (marac_id, meeting_date) where kind = 'IMPORTED' do nothing
                  returning id
                  """)
              .param("m", marac.id())
              .param("day", day)
              .query(Long.class)
              .optional();
      if (id.isPresent()) {
        meetingsCreated++;
      } else {
        id =
            Optional.of(
                jdbc.sql(
                        """
                        select id from marac_meeting
                        where marac_id = :m and meeting_date = :day and kind = 'IMPORTED'
                        """)
                    .param("m", marac.id())
                    .param("day", day)
                    .query(Long.class)
                    .single());
      }
      meetings.put(day, id.get());
    }

    String createdBy = Referrals.createdBy() + " (import)";
    Map<Long, Integer> rowOf = new HashMap<>();
    int heard = 0;
    List<ImportedReferrals.Row> ordered = ImportedReferrals.inReferralOrder(rows);
    // the rows' candidates loaded in one query, the rows written in batches: the same as one
    // Referrals.store after another (the live path), without a round trip per row
    Referrals.Recording recording =
        referrals.recording(
            marac, ordered.stream().map(r -> r.victim().identity()).toList(), true, createdBy);
    for (ImportedReferrals.Row row : ordered) {
      NewReferral referral = row.referral(known.get(row.agencyKey()).id());
      // the agencies are the partnership's and the meetings the MARAC's: found or made above
      RecordedReferral recorded = recording.add(referral, row.meetingDate().map(meetings::get));
      rowOf.put(recorded.id(), row.number());
      heard += row.meetingDate().isPresent() ? 1 : 0;
    }
    recording.flush();
    Set<Long> repeats = referrals.repeats(marac, rowOf.keySet());
    List<MaracImportResult.RowMatch> pending = new ArrayList<>();
    for (PendingMatch match : referrals.pendingMatches(marac)) {
      Integer row = rowOf.get(match.referralId());
      if (row != null) {
        pending.add(new MaracImportResult.RowMatch(row, match.referralId(), match.id()));
      }
    }
    pending.sort(
        java.util.Comparator.comparingInt(MaracImportResult.RowMatch::row)
            .thenComparingLong(MaracImportResult.RowMatch::matchId));
    MaracImportResult result =
        new MaracImportResult(
            rows.size(),
            heard,
            repeats.size(),
            meetingsCreated,
            created,
            ProblemList.byRow(warnings),
            pending);
    audit.record(
        AuditEntry.success(
            "IMPORT",
            "Marac",
            marac.id(),
            partnership.id(),
            "Imported referrals into MARAC "
                + marac.id()
                + " from a file of "
                + rows.size()
                + " rows (referral ids "
                + rowOf.keySet().stream().mapToLong(Long::longValue).min().orElse(0)
                + " to "
                + rowOf.keySet().stream().mapToLong(Long::longValue).max().orElse(0)
                + "). "
                + result.summary()
                + " "
                + created.size()
                + (created.size() == 1 ? " agency" : " agencies")
                + " created."));
    return result;
  }
}
