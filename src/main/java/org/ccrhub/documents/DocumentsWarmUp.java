package org.ccrhub.documents;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the web application is ready, lays out a throwaway PDF a few times in a background thread,
 * so that the first real download does not pay for loading the PDF libraries and their fonts and
 * for the JIT compiling their code (a long report took 4.6 s cold and 2.6 s warm). The document is
 * built here, not from a plan: it only has to exercise the same code as a long report (running page
 * margins, page counters, a paginated table with a repeated header, tags, tagging for PDF/UA, the
 * PDF writer). Off with {@code ccr.documents.warm-up=false}; never in the command-line tools.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "ccr.documents.warm-up", havingValue = "true", matchIfMissing = true)
class DocumentsWarmUp {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentsWarmUp.class);

  /** Rounds and rows per round: about 40 pages each, enough for the hot code to be compiled. */
  private static final int ROUNDS = 8;

  private static final int ROWS = 400;

  private final Documents documents;

  DocumentsWarmUp(Documents documents) {
    this.documents = documents;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    Thread thread = new Thread(this::run, "documents-warm-up");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
    thread.start();
  }

  void run() {
    long start = System.nanoTime();
    try {
      String xhtml = document(ROWS);
      for (int i = 0; i < ROUNDS; i++) {
        documents.pdfForWarmUp(xhtml);
      }
      LOG.info("PDF renderer warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.warn("PDF renderer warm-up failed; the first PDF will just be slower", e);
    }
  }

  /** A representative document: marking and page numbers on every page, a long tagged table. */
  static String document(int rows) {
    StringBuilder html = new StringBuilder(rows * 700);
    html.append(
        """
        <!DOCTYPE html>
        <html lang="en-GB"><head><meta charset="utf-8" /><title>Warm-up (OFFICIAL)</title>
        <meta name="description" content="A document to warm the renderer up" />
        <style>
          @page { size: A4; margin: 20mm 15mm;
            @top-center { content: element(top); }
            @bottom-left { content: element(name); }
            @bottom-right { content: "Page " counter(page) " of " counter(pages);
              font-family: "CCR Hub Sans"; font-size: 8pt; } }
          html { font-family: "CCR Hub Sans"; font-size: 10pt; }
          .top { position: running(top); font-weight: bold; text-align: center; }
          .name { position: running(name); font-size: 8pt; }
          h2 { font-size: 14pt; border-top: 2px solid #0b0c0c; page-break-after: avoid; }
          table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 8.5pt;
            -fs-table-paginate: paginate; -fs-border-rendering: no-bevel; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
          th, td { border: 1px solid #b1b4b6; padding: 1.2mm 1.5mm; text-align: left;
            vertical-align: top; word-wrap: break-word; }
          th { background-color: #f3f2f1; }
          .tag { display: inline-block; font-weight: bold; font-size: 7.5pt; padding: 0.3mm 1mm;
            border: 1px solid #d4351c; background-color: #d4351c; color: #ffffff; }
          .block { display: block; margin-top: 1mm; background-color: #ffffff; color: #942514; }
          .comment { white-space: pre-line; }
        </style></head>
        <body><div class="top">OFFICIAL</div><div class="name">Warm-up</div>
        <h1>Warm-up</h1><h2>Exceptions</h2><p>A table.</p>
        <table><thead><tr><th scope="col">Ref</th><th scope="col">Action</th>
        <th scope="col">Due</th><th scope="col">Rating<br/> <span>2017/18 Q4</span></th>
        <th scope="col">Comment</th></tr></thead><tbody>
        """);
    for (int i = 1; i <= rows; i++) {
      html.append("<tr><td>1.")
          .append(i)
          .append("</td><td>Action ")
          .append(i)
          .append(": deliver the agreed work with partners and report to the group</td>")
          .append("<td>Q")
          .append(i % 4 + 1)
          .append(" <strong class=\"tag block\">Overdue</strong></td>")
          .append("<td><strong class=\"tag\">Amber/Red</strong></td>")
          .append("<td class=\"comment\">Progress: partners met – £")
          .append(i * 10)
          .append(" “spent”</td></tr>\n");
    }
    return html.append("</tbody></table></body></html>").toString();
  }
}
