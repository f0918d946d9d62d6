package org.ccrhub.web;

import org.ccrhub.shared.Partnership;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The administrators' page of a partnership: one item in the navigation that leads to every page
 * that manages the partnership (only administrators reach {@code /p/{slug}/admin}).
 */
@Controller
class AdminController {

  private static final String MAIL_PAGE = "/p/{slug}/admin/mail";

  /** Asked for when the page is shown: admin commands start the application without the web. */
  private final ObjectProvider<RequestMappingHandlerMapping> mappings;

  AdminController(ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.mappings = mappings;
  }

  @GetMapping("/p/{slug}/admin")
  String showAdmin(Partnership partnership, Model model) {
    model.addAttribute("section", "admin");
    // the Email page comes with the mail module: linked only where it is part of the build
    model.addAttribute(
        "mailPage",
        mappings
            .orderedStream()
            .flatMap(m -> m.getHandlerMethods().keySet().stream())
            .anyMatch(info -> info.getPatternValues().contains(MAIL_PAGE)));
    return "web/admin";
  }
}
