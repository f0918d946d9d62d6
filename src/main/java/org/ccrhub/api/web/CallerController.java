package org.ccrhub.api.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.ccrhub.api.ApiCaller;
import org.ccrhub.security.Role;
import org.ccrhub.shared.Partnership;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the token acts as, and its partnership: the two endpoints every other one stands on. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Token", description = "Who a token acts as, and where")
class CallerController {

  /** The person behind the token, its partnership, and the roles they hold there now. */
  record Me(String name, String email, String partnership, List<String> roles, String token) {}

  /** A partnership as the API shows it. */
  record PartnershipSummary(String slug, String name) {}

  @GetMapping("/me")
  @Operation(summary = "The person the token acts as, with their roles now")
  Me me(ApiCaller caller) {
    return new Me(
        caller.displayName(),
        caller.email(),
        caller.partnership().slug(),
        caller.roles().stream().sorted().map(Role::name).toList(),
        caller.tokenName());
  }

  @GetMapping("/partnerships/{slug}")
  @Operation(summary = "The token's partnership (any other is not found)")
  PartnershipSummary partnership(@PathVariable String slug, Partnership partnership) {
    return new PartnershipSummary(partnership.slug(), partnership.name());
  }
}
