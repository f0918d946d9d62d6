package org.ccrhub.mail.web;

import java.util.Arrays;
import org.ccrhub.mail.Mail;
import org.ccrhub.mail.MailMessages;
import org.ccrhub.mail.MailStatus;
import org.ccrhub.shared.Dates;
import org.ccrhub.shared.Partnership;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Email page: whether CCR Hub sends email or keeps it in the outbox, and the partnership's
 * messages with what became of each. For partnership administrators (every {@code /p/{slug}/admin}
 * page is).
 */
@Controller
@RequestMapping("/p/{slug}/admin/mail")
class MailController {

  private final Mail mail;
  private final MailMessages messages;

  MailController(Mail mail, MailMessages messages) {
    this.mail = mail;
    this.messages = messages;
  }

  @ModelAttribute
  void common(Model model) {
    model.addAttribute("section", "mail");
    model.addAttribute("sentThrough", mail.sentThrough().orElse(null));
    model.addAttribute("zone", Dates.UK);
  }

  @GetMapping
  String showMessages(
      Partnership partnership,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    MailStatus chosen =
        Arrays.stream(MailStatus.values())
            .filter(s -> s.name().equals(status))
            .findFirst()
            .orElse(null);
    model.addAttribute("statuses", MailStatus.values());
    model.addAttribute("status", chosen);
    model.addAttribute("page", messages.openPage(partnership, chosen, page));
    return "mail/messages";
  }

  @GetMapping("/{id}")
  String showMessage(Partnership partnership, @PathVariable long id, Model model) {
    model.addAttribute("email", messages.open(partnership, id));
    return "mail/message";
  }
}
