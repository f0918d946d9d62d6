package org.ccrhub.sharing;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ccrhub.audit.AuditEntry;
import org.ccrhub.audit.AuditTrail;
import org.ccrhub.calendar.BankHolidays;
import org.ccrhub.partnership.Agencies;
import org.ccrhub.partnership.Agency;
import org.ccrhub.partnership.AgencyType;
import org.ccrhub.shared.Dates;
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
 * Imports an existing decision log from a CSV (UTF-8 or Windows-1252) or XLSX file, all or nothing
 * ({@code sharing import}): every row is checked first and, with any problem, nothing is stored and
 * every problem is listed by row, column and reason. Each row becomes a request with its data
 * subjects (their roles, never their details: a log has none) and, when decided, its decision as an
 * entry of the decision log.
 *
 * <p>A log is history. An agency the partnership does not have yet is created (type Other, to be
 * corrected on screen); a protocol it does not have is created as a past record, in force from the
 * earliest request that names it to the latest, with the agencies of its rows as parties from the
 * first row naming each, so it takes no new requests until someone reviews it. An existing protocol
 * is not changed: a row outside its dates, or naming an agency that was not a party, is imported as
 * written with a warning. The same row imported again adds nothing.
 */
@Service
public class SharingImport {

  private final TableImports tables;
  private final LawfulBases lawfulBases;
  private final Protocols protocols;
  private final Agencies agencies;
  private final BankHolidays bankHolidays;
  private final AuditTrail audit;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate transactions;

  SharingImport(
      TableImports tables,
      LawfulBases lawfulBases,
      Protocols protocols,
      Agencies agencies,
      BankHolidays bankHolidays,
      AuditTrail audit,
      JdbcClient jdbc,
      Clock clock,
      PlatformTransactionManager transactionManager) {
    this.tables = tables;
    this.lawfulBases = lawfulBases;
    this.protocols = protocols;
    this.agencies = agencies;
    this.bankHolidays = bankHolidays;
    this.audit = audit;
    this.jdbc = jdbc;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * Imports the file's log into the partnership.
   *
   * @param fileName the file's name, kept with each imported entry
   * @param importedBy who imports it, kept with each imported entry
   * @throws SharingImportRejectedException with every problem, when anything is wrong
   */
  public SharingImportResult importLog(
      Partnership partnership, byte[] content, String fileName, String importedBy) {
    return run(partnership, content, fileName, importedBy, true);
  }

  /**
   * What importing the file's log would do, changing nothing: the same import, rolled back, so the
   * preview and the import never disagree.
   *
   * @throws SharingImportRejectedException with every problem, when anything is wrong
   */
  public SharingImportResult previewLog(
      Partnership partnership, byte[] content, String fileName, String importedBy) {
    return run(partnership, content, fileName, importedBy, false);
  }

  private SharingImportResult run(
      Partnership partnership, byte[] content, String fileName, String importedBy, boolean keep) {
    return tables.run(
        "sharing",
        () -> {
          List<ImportProblem> errors = new ProblemList();
          List<ImportProblem> warnings = new ProblemList();
          Optional<Table> table = tables.read(content, errors, "A decision log file");
          if (table.isEmpty()) {
            throw new SharingImportRejectedException(errors, warnings);
          }
          return transactions.execute(
              status -> {
                SharingImportResult result =
                    importRows(
                        partnership,
                        table.get(),
                        "Imported from "
                            + (fileName.length() > 100
                                ? fileName.substring(0, 100) + "…"
                                : fileName)
                            + " by "
                            + (importedBy.length() > 100
                                ? importedBy.substring(0, 100)
                                : importedBy),
                        errors,
                        warnings);
                if (!keep) {
                  status.setRollbackOnly();
                }
                return result;
              });
        });
  }

  private SharingImportResult importRows(
      Partnership partnership,
      Table table,
      String recordedBy,
      List<ImportProblem> errors,
      List<ImportProblem> warnings) {
    Map<String, Integer> columns = table.columns(ImportedLog.known());
    errors.addAll(ImportProblem.missingColumns(ImportedLog.REQUIRED, columns, table.header()));
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
      throw new SharingImportRejectedException(errors, warnings);
    }
    LocalDate today = Dates.today(clock);
    List<ImportedLog.Row> rows =
        ImportedLog.read(table, columns, lawfulBases.matcher(partnership), today, errors, warnings);
    if (rows.isEmpty() && errors.isEmpty()) {
      errors.add(
          new ImportProblem(2, "(file)", "", "The file has a header row but no rows of requests"));
    }
    if (!errors.isEmpty()) {
      throw new SharingImportRejectedException(ProblemList.byRow(errors), warnings);
    }

    int lastNumber = RequestNumbers.lock(jdbc, partnership.id());
    Set<String> importedBefore = importedBefore(partnership, rows);
    List<ImportedLog.Row> fresh =
        rows.stream().filter(r -> !importedBefore.contains(r.key())).toList();

    Map<String, Agency> agencyByKey = new HashMap<>();
    for (Agency agency : agencies.findAll(partnership)) {
      agencyByKey.putIfAbsent(ImportedLog.nameKey(agency.name()), agency);
    }
    List<String> agenciesCreated = new ArrayList<>();
    for (ImportedLog.Row row : fresh) {
      for (String name : List.of(row.requestingAgency(), row.askedAgency())) {
        String key = ImportedLog.nameKey(name);
        if (!agencyByKey.containsKey(key)) {
          Agency agency = agencies.create(partnership, name, AgencyType.OTHER);
          agencyByKey.put(key, agency);
          agenciesCreated.add(agency.name());
        }
      }
    }

    Map<String, ProtocolCover.Protocol> protocols = new HashMap<>();
    for (ProtocolCover.Protocol protocol : this.protocols.covers(partnership)) {
      protocols.put(ImportedLog.nameKey(protocol.title()), protocol);
    }
    Map<String, Integer> responseDays = responseDays(partnership);
    List<SharingImportResult.CreatedProtocol> protocolsCreated =
        createPastProtocols(partnership, fresh, agencyByKey, protocols, responseDays);
    for (ImportedLog.Row row : fresh) {
      ProtocolCover.Protocol protocol = protocols.get(ImportedLog.nameKey(row.protocol()));
      Agency requesting = agencyByKey.get(ImportedLog.nameKey(row.requestingAgency()));
      Agency asked = agencyByKey.get(ImportedLog.nameKey(row.askedAgency()));
      ProtocolCover.Answer answer =
          new ProtocolCover(List.of(protocol), today)
              .under(protocol.id(), requesting, asked, row.requestDate());
      for (String reason : answer.reasons()) {
        warnings.add(
            new ImportProblem(
                row.number(), "protocol", row.protocol(), reason + ": imported as written"));
      }
    }
    List<String> typesAdded = addInformationTypes(partnership, fresh);

    ResponseDeadline deadline = new ResponseDeadline(bankHolidays.calendar());
    int number = lastNumber;
    int decided = 0;
    for (ImportedLog.Row row : fresh) {
      ProtocolCover.Protocol protocol = protocols.get(ImportedLog.nameKey(row.protocol()));
      Agency requesting = agencyByKey.get(ImportedLog.nameKey(row.requestingAgency()));
      Agency asked = agencyByKey.get(ImportedLog.nameKey(row.askedAgency()));
      LocalDate neededBy = row.neededBy();
      LocalDate dueOn =
          deadline.dueOn(
              row.requestDate(),
              responseDays.get(ImportedLog.nameKey(row.protocol())),
              row.urgent(),
              neededBy != null && neededBy.isBefore(row.requestDate()) ? null : neededBy);
      number++;
      long requestId =
          jdbc.sql(
                  """
                  insert into sharing_request (partnership_id, number, protocol_id,
                      requesting_agency_id, asked_agency_id, requesting_officer, requested_on,
                      purpose, urgent, needed_by, due_on, import_key, imported)
                  values (:p, :number, :protocol, :requesting, :asked, :officer, :day, :purpose,
                      :urgent, :neededBy, :due, :key, true)
                  returning id
                  """)
              .param("p", partnership.id())
              .param("number", number)
              .param("protocol", protocol.id())
              .param("requesting", requesting.id())
              .param("asked", asked.id())
              .param("officer", row.requestingOfficer())
              .param("day", row.requestDate())
              .param("purpose", row.purpose().isEmpty() ? null : row.purpose())
              .param("urgent", row.urgent())
              .param("neededBy", neededBy)
              .param("due", dueOn)
              .param("key", row.key())
              .query(Long.class)
              .single();
      int position = 0;
      for (ImportedLog.Subject subject : row.subjects()) {
        jdbc.sql(
                """
                insert into sharing_subject (partnership_id, request_id, position, role,
                    role_other, consent)
                values (:p, :request, :position, :role, :other, :consent)
                """)
            .param("p", partnership.id())
            .param("request", requestId)
            .param("position", ++position)
            .param("role", subject.role().name())
            .param("other", subject.other())
            .param("consent", row.consent().name())
            .update();
      }
      for (LawfulBasis basis : row.bases()) {
        jdbc.sql("insert into sharing_request_basis (request_id, basis_id) values (:r, :b)")
            .param("r", requestId)
            .param("b", basis.id())
            .update();
      }
      ProposedDecision decision = row.decision();
      if (decision != null) {
        decided++;
        insertDecision(
            partnership,
            requestId,
            row,
            decision,
            requesting,
            asked,
            dueOn,
            protocol.title(),
            recordedBy);
      }
    }
    if (number > lastNumber) {
      RequestNumbers.given(jdbc, partnership.id(), number);
    }

    SharingImportResult result =
        new SharingImportResult(
            fresh.size(),
            decided,
            rows.size() - fresh.size(),
            fresh.isEmpty() ? 0 : lastNumber + 1,
            number,
            agenciesCreated,
            protocolsCreated,
            typesAdded,
            ProblemList.byRow(warnings));
    audit.record(
        AuditEntry.success(
            "IMPORT",
            "DecisionLog",
            partnership.id(),
            partnership.id(),
            recordedBy
                + ": "
                + result.summary()
                + " "
                + agenciesCreated.size()
                + (agenciesCreated.size() == 1 ? " agency" : " agencies")
                + " and "
                + protocolsCreated.size()
                + (protocolsCreated.size() == 1 ? " protocol" : " protocols")
                + " created."));
    return result;
  }

  private void insertDecision(
      Partnership partnership,
      long requestId,
      ImportedLog.Row row,
      ProposedDecision decision,
      Agency requesting,
      Agency asked,
      LocalDate dueOn,
      String protocolTitle,
      String recordedBy) {
    SharingMethod method = decision.method();
    long decisionId =
        jdbc.sql(
                """
                insert into sharing_decision (partnership_id, request_id, outcome, decided_on,
                    reasons, grounds, with_consent, subject_told, not_told_reason, authorised_by,
                    information_types, method, supplied_on, summary, requester_name,
                    requester_agency, protocol_title, recorded_by, imported, asked_agency,
                    request_date, due_on, urgent, subject_roles, consents, basis_codes)
                values (:p, :request, :outcome, :decided, :reasons, :grounds, :withConsent, :told,
                    :notTold, :authorised, :types, :method, :supplied, :summary, :requester,
                    :agency, :protocol, :recordedBy, true, :asked, :requestDate, :dueOn, :urgent,
                    :roles, :consents, :bases)
                returning id
                """)
            .param("p", partnership.id())
            .param("request", requestId)
            .param("outcome", decision.outcome().name())
            .param("decided", decision.decidedOn())
            .param("reasons", decision.reasons())
            .param("grounds", decision.grounds().stream().map(Enum::name).toArray(String[]::new))
            .param("withConsent", decision.withConsent())
            .param("told", decision.subjectTold())
            .param("notTold", decision.notToldReason())
            .param("authorised", row.authorisedBy())
            .param("types", decision.informationTypes().toArray(String[]::new))
            .param("method", method == null ? null : method.name())
            .param("supplied", decision.suppliedOn())
            .param(
                "summary",
                row.purpose().length() <= 2000 ? row.purpose() : row.purpose().substring(0, 2000))
            .param("requester", row.requestingOfficer())
            .param("agency", requesting.name())
            .param("protocol", protocolTitle)
            .param("recordedBy", recordedBy)
            .param("asked", asked.name())
            .param("requestDate", row.requestDate())
            .param("dueOn", dueOn)
            .param("urgent", row.urgent())
            .param(
                "roles",
                row.subjects().stream()
                    .map(s -> s.role().name() + (s.other() == null ? "" : ":" + s.other()))
                    .toArray(String[]::new))
            .param("consents", new String[] {row.consent().name()})
            .param("bases", row.bases().stream().map(LawfulBasis::code).toArray(String[]::new))
            .query(Long.class)
            .single();
    for (LawfulBasis basis : row.bases()) {
      jdbc.sql("insert into sharing_decision_basis (decision_id, basis_id) values (:d, :b)")
          .param("d", decisionId)
          .param("b", basis.id())
          .update();
    }
  }

  private Set<String> importedBefore(Partnership partnership, List<ImportedLog.Row> rows) {
    return new HashSet<>(
        jdbc.sql(
                """
                select import_key from sharing_request
                where partnership_id = :p and import_key = any(:keys)
                """)
            .param("p", partnership.id())
            .param("keys", rows.stream().map(ImportedLog.Row::key).toArray(String[]::new))
            .query(String.class)
            .list());
  }

  private Map<String, Integer> responseDays(Partnership partnership) {
    Map<String, Integer> days = new HashMap<>();
    jdbc.sql("select title, response_working_days from sharing_protocol where partnership_id = :p")
        .param("p", partnership.id())
        .query(
            rs -> {
              days.put(ImportedLog.nameKey(rs.getString(1)), rs.getInt(2));
            });
    return days;
  }

  /**
   * Creates each protocol the rows name that the partnership lacks, as a past record, and adds it
   * to {@code protocols} and {@code responseDays}.
   */
  private List<SharingImportResult.CreatedProtocol> createPastProtocols(
      Partnership partnership,
      List<ImportedLog.Row> rows,
      Map<String, Agency> agencyByKey,
      Map<String, ProtocolCover.Protocol> protocols,
      Map<String, Integer> responseDays) {
    Map<String, List<ImportedLog.Row>> missing = new LinkedHashMap<>();
    for (ImportedLog.Row row : rows) {
      String key = ImportedLog.nameKey(row.protocol());
      if (!protocols.containsKey(key)) {
        missing.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    List<SharingImportResult.CreatedProtocol> created = new ArrayList<>();
    for (List<ImportedLog.Row> named : missing.values()) {
      String title = named.get(0).protocol();
      LocalDate from =
          named.stream().map(ImportedLog.Row::requestDate).min(LocalDate::compareTo).orElseThrow();
      LocalDate until =
          named.stream().map(ImportedLog.Row::requestDate).max(LocalDate::compareTo).orElseThrow();
      long id =
          jdbc.sql(
                  """
                  insert into sharing_protocol (partnership_id, title, in_force_from,
                      in_force_until, ending, imported)
                  values (:p, :title, :from, :until, 'EXPIRED', true)
                  returning id
                  """)
              .param("p", partnership.id())
              .param("title", title)
              .param("from", from)
              .param("until", until)
              .query(Long.class)
              .single();
      // each agency a party from the first row naming it
      Map<Long, LocalDate> joined = new LinkedHashMap<>();
      Map<Long, String> names = new TreeMap<>();
      for (ImportedLog.Row row : named) {
        for (String name : List.of(row.requestingAgency(), row.askedAgency())) {
          Agency agency = agencyByKey.get(ImportedLog.nameKey(name));
          joined.merge(agency.id(), row.requestDate(), (a, b) -> a.isBefore(b) ? a : b);
          names.put(agency.id(), agency.name());
        }
      }
      List<ProtocolCover.Party> parties = new ArrayList<>();
      joined.forEach(
          (agencyId, day) -> {
            jdbc.sql(
                    """
                    insert into sharing_party (partnership_id, protocol_id, agency_id, party_from)
                    values (:p, :protocol, :agency, :from)
                    """)
                .param("p", partnership.id())
                .param("protocol", id)
                .param("agency", agencyId)
                .param("from", Date.valueOf(day))
                .update();
            parties.add(new ProtocolCover.Party(agencyId, day, null));
          });
      String key = ImportedLog.nameKey(title);
      protocols.put(
          key, new ProtocolCover.Protocol(id, title, from, until, ProtocolEnding.EXPIRED, parties));
      responseDays.put(key, ResponseDeadline.STANDARD_WORKING_DAYS);
      created.add(
          new SharingImportResult.CreatedProtocol(
              title,
              from,
              until,
              names.values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList()));
    }
    return created;
  }

  /** Adds the types of information the rows name that the partnership's list lacks. */
  private List<String> addInformationTypes(Partnership partnership, List<ImportedLog.Row> rows) {
    Set<String> known = new HashSet<>();
    jdbc.sql(
            """
            select lower(name) from information_type
            where partnership_id is null or partnership_id = :p
            """)
        .param("p", partnership.id())
        .query(String.class)
        .list()
        .forEach(known::add);
    List<String> added = new ArrayList<>();
    for (ImportedLog.Row row : rows) {
      ProposedDecision decision = row.decision();
      if (decision == null) {
        continue;
      }
      for (String type : decision.informationTypes()) {
        if (known.add(type.toLowerCase(java.util.Locale.ROOT))) {
          jdbc.sql(
                  """
                  insert into information_type (partnership_id, name, sort)
                  values (:p, :name, 1000)
                  """)
              .param("p", partnership.id())
              .param("name", type)
              .update();
          added.add(type);
        }
      }
    }
    return added;
  }
}
