/**
 * The indicator screens: the dashboard, an indicator's page with its chart and values, entering
 * values, the performance table and its downloads, importing files, and the public page.
 */
@NullMarked
package org.ccrhub.indicators.web;

import org.jspecify.annotations.NullMarked;
