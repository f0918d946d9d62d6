package org.ccrhub.sharing;

import java.time.LocalDate;
import java.util.List;
import org.ccrhub.tabular.ImportProblem;

/**
 * What an import of a decision log did: request numbers, counts and names of agencies and
 * protocols, never a data subject (a log has none).
 *
 * @param requests the requests imported
 * @param decisions how many of them were decided
 * @param importedBefore rows that were imported by an earlier import, and were left as they were
 * @param firstNumber the first request number given, or 0 when none was
 * @param lastNumber the last request number given
 */
public record SharingImportResult(
    int requests,
    int decisions,
    int importedBefore,
    int firstNumber,
    int lastNumber,
    List<String> agenciesCreated,
    List<CreatedProtocol> protocolsCreated,
    List<String> informationTypesAdded,
    List<ImportProblem> warnings) {

  /** A protocol the log named that the partnership did not have, created as a past record. */
  public record CreatedProtocol(
      String title, LocalDate inForceFrom, LocalDate inForceUntil, List<String> parties) {}

  public SharingImportResult {
    agenciesCreated = List.copyOf(agenciesCreated);
    protocolsCreated = List.copyOf(protocolsCreated);
    informationTypesAdded = List.copyOf(informationTypesAdded);
    warnings = List.copyOf(warnings);
  }

  /** "Imported 120 requests (numbers 1 to 120): 112 decided, 8 still open." */
  public String summary() {
    StringBuilder s = new StringBuilder("Imported ").append(requests);
    s.append(requests == 1 ? " request" : " requests");
    if (requests > 0) {
      s.append(
          firstNumber == lastNumber
              ? " (number " + firstNumber + ")"
              : " (numbers " + firstNumber + " to " + lastNumber + ")");
      s.append(": ").append(decisions).append(" decided, ");
      s.append(requests - decisions).append(" still open");
    }
    s.append('.');
    if (importedBefore > 0) {
      s.append(' ')
          .append(importedBefore)
          .append(importedBefore == 1 ? " row was" : " rows were")
          .append(" imported before and left as they were.");
    }
    return s.toString();
  }

  /**
   * What the import created besides requests, a line each: agencies, protocols as past records, and
   * types of information; dates written by {@code day}.
   */
  public List<String> created(java.util.function.Function<LocalDate, String> day) {
    List<String> lines = new java.util.ArrayList<>();
    for (String agency : agenciesCreated) {
      lines.add("Agency created (type Other, correct it on the Agencies page): " + agency);
    }
    for (CreatedProtocol protocol : protocolsCreated) {
      lines.add(
          "Protocol created as a past record, in force "
              + day.apply(protocol.inForceFrom())
              + " to "
              + day.apply(protocol.inForceUntil())
              + ", so it takes no new requests until it is reviewed: "
              + protocol.title()
              + " (parties: "
              + String.join(", ", protocol.parties())
              + ")");
    }
    for (String type : informationTypesAdded) {
      lines.add("Type of information added: " + type);
    }
    return lines;
  }
}
