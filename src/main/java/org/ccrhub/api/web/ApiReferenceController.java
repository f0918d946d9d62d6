package org.ccrhub.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API reference for people, linked from every page's footer: the OpenAPI description at {@code
 * /api/openapi.json}, read and shown as a page (no Swagger UI, whose scripts break the content
 * security policy and WCAG). Anyone may read it, signed in or not.
 */
@Controller
@ConditionalOnWebApplication // springdoc's description exists only where the web server runs
class ApiReferenceController {

  static final String PATH = "/api-reference";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OpenApiWebMvcResource description;
  private final String descriptionPath;
  private final int rateLimit;

  ApiReferenceController(
      OpenApiWebMvcResource description,
      @Value("${springdoc.api-docs.path:/api/openapi.json}") String descriptionPath,
      @Value("${ccr.api.rate-limit:600}") int rateLimit) {
    this.description = description;
    this.descriptionPath = descriptionPath;
    this.rateLimit = rateLimit;
  }

  @GetMapping(PATH)
  String showReference(HttpServletRequest request, Model model) throws Exception {
    byte[] json = description.openapiJson(request, descriptionPath, Locale.UK);
    model.addAttribute("reference", ApiReference.of(JSON.readTree(json)));
    model.addAttribute("descriptionPath", descriptionPath);
    model.addAttribute("rateLimit", rateLimit);
    return "api/api-reference";
  }
}
