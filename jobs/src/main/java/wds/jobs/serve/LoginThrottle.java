package wds.jobs.serve;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import wds.pipeline.log.LogText;

/**
 * Slows down guessing: failed logins are counted per user name and per client address; from the
 * third failure in a row on, the next attempt for that name or from that address is refused unheard
 * until a pause has passed that doubles with each failure (2 s, 4 s, ... at most 15 min). A
 * successful login clears the name's count. Each failure is logged at WARN with its count.
 */
public final class LoginThrottle extends OncePerRequestFilter
    implements AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  /** Failures of one user name allowed without a pause. */
  static final int FREE_FAILURES = 2;

  /**
   * Failures from one address allowed without a pause: more than for a name, since colleagues
   * behind one proxy or office gateway share an address.
   */
  static final int FREE_ADDRESS_FAILURES = 10;

  static final Duration MAX_PAUSE = Duration.ofMinutes(15);

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Failed logins in a row for a user name (0 after a success). */
  public int failures(String name) {
    Failures f = failures.get("user:" + name);
    return f == null ? 0 : f.count();
  }

  /** A successful login clears the name's count of failures. */
  @EventListener
  public void succeeded(AuthenticationSuccessEvent event) {
    failures.remove("user:" + event.getAuthentication().getName());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !("POST".equals(request.getMethod()) && "/login".equals(path));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String name = request.getParameter("username");
    if (paused("user:" + name) || paused("addr:" + request.getRemoteAddr())) {
      log.warn(
          "login refused while paused: user {} from {}",
          shown(String.valueOf(name)),
          request.getRemoteAddr());
      response.sendRedirect(request.getContextPath() + "/login?paused");
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String name = String.valueOf(request.getParameter("username"));
    int count = count("user:" + name);
    count("addr:" + request.getRemoteAddr());
    log.warn(
        "login failed for user {} from {} ({} in a row)",
        shown(name),
        request.getRemoteAddr(),
        count);
    response.sendRedirect(request.getContextPath() + "/login?error");
  }

  /** An identity number typed as a user name never reaches the log. */
  private static final java.util.regex.Pattern IDENTITY =
      java.util.regex.Pattern.compile(".*[0-9]{17}[0-9Xx].*");

  /** A user name as the log shows it: escaped, and withheld when it holds an identity number. */
  static String shown(String name) {
    return IDENTITY.matcher(name).matches()
        ? "(withheld: an identity number)"
        : LogText.escape(name);
  }

  private int count(String key) {
    return failures
        .merge(
            key, new Failures(1, clock.instant()), (a, b) -> new Failures(a.count() + 1, b.last()))
        .count();
  }

  private boolean paused(String key) {
    Failures f = failures.get(key);
    int free = key.startsWith("addr:") ? FREE_ADDRESS_FAILURES : FREE_FAILURES;
    if (f == null || f.count() <= free) {
      return false;
    }
    Duration pause = Duration.ofSeconds(1L << Math.min(f.count() - free, 10));
    if (pause.compareTo(MAX_PAUSE) > 0) {
      pause = MAX_PAUSE;
    }
    return clock.instant().isBefore(f.last().plus(pause));
  }
}
