/**
 * Documents: Thymeleaf templates rendered outside a web request to standalone HTML and to A4 PDF
 * with the protective marking and page numbers on every page.
 */
@NullMarked
package org.ccrhub.documents;

import org.jspecify.annotations.NullMarked;
