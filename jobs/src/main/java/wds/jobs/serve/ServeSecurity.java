package wds.jobs.serve;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Who may see what: the public view ({@code /public/**}, {@code /api/public/**}), the login page
 * and the static files are open; everything else needs a form login against {@code
 * <home>/state/users} (bcrypt), read on every login so {@code wds user add} needs no restart. Forms
 * carry a CSRF token (Spring Security's default); failed logins are slowed down ({@link
 * LoginThrottle}); pages may run only the dashboard's own scripts (Content-Security-Policy).
 */
@Configuration
public class ServeSecurity {

  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors"
          + " 'none'";

  @Bean
  LoginThrottle loginThrottle() {
    return new LoginThrottle(Clock.systemUTC());
  }

  @Bean
  SecurityFilterChain dashboardSecurity(HttpSecurity http, LoginThrottle throttle)
      throws Exception {
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers(
                        "/public",
                        "/public/**",
                        "/api/public/**",
                        "/login",
                        "/webjars/**",
                        "/serve/**",
                        "/error",
                        "/favicon.ico")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            f -> f.loginPage("/login").failureHandler(throttle).defaultSuccessUrl("/", false))
        .logout(l -> l.logoutSuccessUrl("/login?logout"))
        .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(POLICY)))
        .addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  @Bean
  UserDetailsService users(
      ServeSettings settings,
      @org.springframework.beans.factory.annotation.Value("${wds.serve.users-file:}")
          String usersFile) {
    // wds benchmark-serve signs in with a one-off user of its own file, leaving the home's alone
    Users users =
        usersFile.isEmpty()
            ? Users.of(settings.wdsHome().state())
            : new Users(java.nio.file.Path.of(usersFile));
    return name ->
        users
            .hash(name)
            .map(hash -> User.withUsername(name).password(hash).roles("STAFF").build())
            .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return Users.ENCODER;
  }
}
