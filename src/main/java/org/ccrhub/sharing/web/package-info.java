/**
 * The information-sharing pages: the protocol register, requests, decisions, consent records, the
 * decision log and the figures.
 */
@NullMarked
package org.ccrhub.sharing.web;

import org.jspecify.annotations.NullMarked;
