package org.ccrhub.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages anyone may read: the accessibility statement and the privacy notice. */
@Controller
class StaticPagesController {

  @GetMapping("/accessibility")
  String accessibility() {
    return "web/accessibility";
  }

  @GetMapping("/privacy")
  String privacy() {
    return "web/privacy";
  }
}
