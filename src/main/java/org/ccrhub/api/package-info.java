/**
 * The REST API's foundation (ADR 21): personal access tokens ({@link org.ccrhub.api.ApiTokens}, the
 * {@code token} commands, the "API tokens" page), the bearer-token security chain for {@code
 * /api/**}, the per-token rate limit, RFC 9457 problem details for every answer that is not a
 * success, {@code ETag}s, and the OpenAPI description at {@code /api/openapi.json}. It knows
 * nothing of plans or indicators: their endpoints live with them and use this module's public
 * types.
 *
 * <p>How a feature's endpoint is written, under {@code /api/v1/partnerships/{slug}/...}:
 *
 * <ul>
 *   <li>Take a {@link org.ccrhub.shared.Partnership} parameter: the token's partnership (a slug
 *       that is not the token's never reaches the controller: it is 404).
 *   <li>Take an {@link org.ccrhub.api.ApiCaller} parameter for the person behind the token and the
 *       roles they hold <em>now</em>; throw {@link org.ccrhub.api.ApiForbiddenException} (403) when
 *       the role may not do it. The caller is also the security context's principal, so the audit
 *       trail records the person with the token's name.
 *   <li>Throw {@link org.ccrhub.shared.NotFoundException} (404), {@link
 *       org.ccrhub.shared.ConcurrentChangeException} (409), {@link
 *       org.ccrhub.shared.InvalidInputException} (400, its plain message shown) or {@link
 *       org.ccrhub.api.ContentRejectedException} (422, every problem listed); never write an error
 *       body by hand.
 *   <li>Paginate lists with {@link org.ccrhub.api.Paging}, which writes the {@code Link} header.
 * </ul>
 */
@NullMarked
package org.ccrhub.api;

import org.jspecify.annotations.NullMarked;
