package org.ccrhub.marac;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A case in a meeting's minutes: the risks discussed and the actions agreed. */
public record MinutesCase(
    AgendaItem item, @Nullable String risksDiscussed, List<MaracAction> actions) {}
