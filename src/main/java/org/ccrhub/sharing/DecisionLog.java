package org.ccrhub.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.ccrhub.documents.Documents;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.ccrhub.tabular.TableWriter;
import org.ccrhub.tabular.XlsxReport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The decision log: every decision to share or not, as it was recorded, corrections included. An
 * entry holds what the seed's decision record asks (date and time, summary, requester, decision and
 * reasons, with or without consent, told or not and why, who authorised it, the types of
 * information and how they went) and never a data subject's name, address or date of birth.
 *
 * <p>Its files (CSV for programs, XLSX and PDF for people) have the import's 19 columns first, so a
 * log written here reads back in, then what the log adds ({@link #EXTRA_COLUMNS}).
 */
@Service
public class DecisionLog {

  /** The protective marking of the log and its files. */
  public static final String MARKING = "OFFICIAL-SENSITIVE";

  /** What the log's files add after the import's columns. */
  public static final List<String> EXTRA_COLUMNS =
      List.of(
          "request_number",
          "entry",
          "recorded_at",
          "recorded_by",
          "corrects_entry",
          "correction_reason",
          "superseded",
          "due_date",
          "date_supplied",
          "summary");

  /** Every column of the log's files, in order. */
  public static final List<String> COLUMNS =
      Stream.concat(ImportedLog.COLUMNS.stream(), EXTRA_COLUMNS.stream()).toList();

  private static final DateTimeFormatter RECORDED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);

  /**
   * One entry, with what its files need: what it says is what was recorded, whatever changed in the
   * request, its agencies or the lawful bases since; only the purpose is read from the request,
   * until retention removes it.
   */
  public record Entry(
      long id,
      int requestNumber,
      LocalDate requestDate,
      String requestingAgency,
      String requestingOfficer,
      String askedAgency,
      String protocol,
      List<String> subjectRoles,
      String purpose,
      boolean urgent,
      @Nullable LocalDate neededBy,
      List<String> consents,
      List<String> lawfulBases,
      LocalDate decidedOn,
      DecisionOutcome outcome,
      String reasons,
      List<Ground> grounds,
      @Nullable Boolean subjectTold,
      String notToldReason,
      String authorisedBy,
      List<String> informationTypes,
      @Nullable SharingMethod method,
      Instant recordedAt,
      String recordedBy,
      @Nullable Long correctsEntry,
      String correctionReason,
      boolean superseded,
      LocalDate dueOn,
      @Nullable LocalDate suppliedOn,
      String summary) {

    /** The entry's cells in the order of {@link #COLUMNS}. */
    public List<String> cells() {
      List<String> reasonCells = new ArrayList<>();
      grounds.forEach(g -> reasonCells.add(g.label()));
      if (!reasons.isBlank()) {
        reasonCells.add(reasons);
      }
      return List.of(
          requestDate.toString(),
          requestingAgency,
          requestingOfficer,
          askedAgency,
          protocol,
          String.join("; ", subjectRoles),
          purpose,
          urgent ? "yes" : "no",
          neededBy == null ? "" : neededBy.toString(),
          String.join("; ", consents),
          String.join("; ", lawfulBases),
          decidedOn.toString(),
          outcome.label().toLowerCase(Locale.ROOT),
          String.join("; ", reasonCells),
          subjectTold == null ? "" : subjectTold ? "yes" : "no",
          notToldReason,
          authorisedBy,
          String.join("; ", informationTypes),
          method == null ? "" : method.label().toLowerCase(Locale.ROOT),
          Integer.toString(requestNumber),
          Long.toString(id),
          RECORDED_AT.format(recordedAt.atZone(Dates.UK)),
          recordedBy,
          correctsEntry == null ? "" : correctsEntry.toString(),
          correctionReason,
          superseded ? "yes" : "no",
          dueOn.toString(),
          suppliedOn == null ? "" : suppliedOn.toString(),
          summary);
    }
  }

  private final JdbcClient jdbc;
  private final Documents documents;

  DecisionLog(JdbcClient jdbc, Documents documents) {
    this.jdbc = jdbc;
    this.documents = documents;
  }

  /**
   * Every entry of the partnership whose decision date is from {@code from} to {@code to}, by
   * decision date then entry, corrected entries marked as superseded. Callers check who may read it
   * and record the reading.
   */
  public List<Entry> entries(Partnership partnership, LocalDate from, LocalDate to) {
    return query(
        "d.partnership_id = :p and d.decided_on between :from and :to",
        Map.of("p", partnership.id(), "from", from, "to", to));
  }

  /**
   * The entries the reader may search, filtered: the data protection lead every entry of the
   * partnership, a decider those where their agency asked or was asked. Callers record the search.
   */
  public List<Entry> search(SharingReader reader, LogFilter filter) {
    if (!reader.readsLog()) {
      return List.of();
    }
    StringBuilder where = new StringBuilder("d.partnership_id = :p");
    Map<String, Object> params = new java.util.HashMap<>();
    params.put("p", reader.partnership().id());
    if (!reader.dataProtectionLead()) {
      where.append(" and (r.requesting_agency_id = :mine or r.asked_agency_id = :mine)");
      params.put("mine", reader.agencyId());
    }
    if (filter.agencyId() != null) {
      where.append(" and (r.requesting_agency_id = :agency or r.asked_agency_id = :agency)");
      params.put("agency", filter.agencyId());
    }
    if (filter.protocolId() != null) {
      where.append(" and r.protocol_id = :protocol");
      params.put("protocol", filter.protocolId());
    }
    if (filter.outcome() != null) {
      where.append(" and d.outcome = :outcome");
      params.put("outcome", filter.outcome().name());
    }
    if (filter.basisId() != null) {
      where.append(
          " and exists (select 1 from sharing_decision_basis fb"
              + " where fb.decision_id = d.id and fb.basis_id = :basis)");
      params.put("basis", filter.basisId());
    }
    if (filter.from() != null) {
      where.append(" and d.decided_on >= :from");
      params.put("from", filter.from());
    }
    if (filter.to() != null) {
      where.append(" and d.decided_on <= :to");
      params.put("to", filter.to());
    }
    if (filter.subjectRole() != null) {
      where.append(
          " and exists (select 1 from sharing_subject fs"
              + " where fs.request_id = r.id and fs.role = :role)");
      params.put("role", filter.subjectRole().name());
    }
    return query(where.toString(), params);
  }

  /**
   * The entries of one request in the order they were recorded, so a correction follows the entry
   * it corrects whatever its date. Callers check who may read it.
   */
  List<Entry> ofRequest(long requestId) {
    return query("d.request_id = :request", Map.of("request", requestId), " order by d.id");
  }

  private List<Entry> query(String where, Map<String, Object> params) {
    return query(where, params, " order by d.decided_on, d.id");
  }

  private List<Entry> query(String where, Map<String, Object> params, String order) {
    return jdbc.sql(
            """
            select d.id, r.number, d.request_date as requested_on, d.requester_agency,
                   d.requester_name, d.asked_agency, d.protocol_title, r.purpose, d.urgent,
                   r.needed_by, d.due_on, d.decided_on, d.outcome, d.reasons, d.grounds,
                   d.subject_told,
                   d.not_told_reason, d.authorised_by, d.information_types, d.method,
                   d.recorded_at, d.recorded_by, d.corrects_id, d.correction_reason,
                   d.supplied_on, d.summary,
                   exists (select 1 from sharing_decision c where c.corrects_id = d.id)
                       as superseded,
                   d.subject_roles as roles, d.consents, d.basis_codes as bases
            from sharing_decision d
            join sharing_request r on r.id = d.request_id
            """
                + " where "
                + where
                + order)
        .params(params)
        .query(
            (rs, n) -> {
              String method = rs.getString("method");
              return new Entry(
                  rs.getLong("id"),
                  rs.getInt("number"),
                  rs.getObject("requested_on", LocalDate.class),
                  rs.getString("requester_agency"),
                  rs.getString("requester_name"),
                  rs.getString("asked_agency"),
                  rs.getString("protocol_title"),
                  roles(strings(rs.getArray("roles"))),
                  text(rs.getString("purpose")),
                  rs.getBoolean("urgent"),
                  rs.getObject("needed_by", LocalDate.class),
                  strings(rs.getArray("consents")).stream()
                      .map(c -> Consent.valueOf(c).label().toLowerCase(Locale.ROOT))
                      .toList(),
                  strings(rs.getArray("bases")),
                  rs.getObject("decided_on", LocalDate.class),
                  DecisionOutcome.valueOf(rs.getString("outcome")),
                  rs.getString("reasons"),
                  strings(rs.getArray("grounds")).stream().map(Ground::valueOf).toList(),
                  rs.getObject("subject_told", Boolean.class),
                  rs.getString("not_told_reason"),
                  rs.getString("authorised_by"),
                  strings(rs.getArray("information_types")),
                  method == null ? null : SharingMethod.valueOf(method),
                  rs.getTimestamp("recorded_at").toInstant(),
                  rs.getString("recorded_by"),
                  rs.getObject("corrects_id", Long.class),
                  text(rs.getString("correction_reason")),
                  rs.getBoolean("superseded"),
                  rs.getObject("due_on", LocalDate.class),
                  rs.getObject("supplied_on", LocalDate.class),
                  rs.getString("summary"));
            })
        .list();
  }

  /** The entries as CSV, for programs: the plain columns, the marking in the file's name. */
  public static byte[] csv(List<Entry> entries) {
    return TableWriter.csv(COLUMNS, entries.stream().map(Entry::cells).toList());
  }

  /**
   * The entries as an XLSX report marked {@value #MARKING}, saying under the title who exported it
   * and why.
   */
  public static byte[] xlsx(
      Partnership partnership,
      List<Entry> entries,
      String period,
      String exportedBy,
      String reason,
      LocalDate today) {
    try (XlsxReport report =
        new XlsxReport(
            "Information sharing decision log", partnership.name(), period, MARKING, today)) {
      XlsxReport.ReportSheet sheet = report.sheet("Decision log", COLUMNS);
      sheet.heading("Exported by " + exportedBy + (reason.isBlank() ? "" : " because: " + reason));
      for (Entry entry : entries) {
        sheet.row(entry::cells);
      }
      return report.bytes();
    }
  }

  /** The entries as an A4 PDF marked {@value #MARKING} at the top and bottom of every page. */
  public byte[] pdf(
      Partnership partnership,
      List<Entry> entries,
      String period,
      String exportedBy,
      String reason,
      LocalDate today) {
    return documents.pdf(
        "sharing/log-document",
        Map.of(
            "partnership", partnership,
            "entries", entries,
            "period", period,
            "exportedBy", exportedBy,
            "reason", reason,
            "produced", today,
            "marking", MARKING,
            "paperName", "Information sharing decision log"),
        "This log is too long to make as a PDF: choose a shorter period, or take it as XLSX.");
  }

  private static List<String> roles(List<String> roles) {
    return roles.stream()
        .map(
            r -> {
              int colon = r.indexOf(':');
              return colon < 0
                  ? SubjectRole.valueOf(r).label().toLowerCase(Locale.ROOT)
                  : r.substring(colon + 1);
            })
        .toList();
  }

  private static String text(@Nullable String text) {
    return text == null ? "" : text;
  }

  private static List<String> strings(java.sql.@Nullable Array array) throws java.sql.SQLException {
    if (array == null) {
      return List.of();
    }
    return List.of((String[]) array.getArray());
  }
}
