package org.ccrhub.plans;

/** An archived action of a plan, with when it was archived and the first period it is gone from. */
public record ArchivedAction(PlanAction action, ActionArchive archive) {}
