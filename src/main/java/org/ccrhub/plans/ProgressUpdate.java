package org.ccrhub.plans;

import java.time.Instant;
import org.ccrhub.shared.RagRating;

/**
 * What an action lead reported on an action for a quarter. Updates are never changed: a correction
 * is a new update for the same period, and the newest one counts.
 */
public record ProgressUpdate(
    long id,
    long actionId,
    ReportingPeriod period,
    RagRating rating,
    String comment,
    String recordedBy,
    Instant recordedAt) {}
