package wds.jobs.serve;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (the form posts to Spring Security's {@code /login}). */
@Controller
public class LoginController {

  @GetMapping("/login")
  public String login() {
    return "serve/login";
  }
}
