/**
 * Tables in and out: reading CSV (RFC 4180; UTF-8 with or without BOM, or Windows-1252 as Excel
 * writes it), XLSX and ODS uploads as streams within {@link org.ccrhub.tabular.ImportLimits}, a few
 * imports at a time ({@link org.ccrhub.tabular.TableImports}), and writing CSV, XLSX and ODS with
 * spreadsheet formula injection neutralised.
 */
@NullMarked
package org.ccrhub.tabular;

import org.jspecify.annotations.NullMarked;
