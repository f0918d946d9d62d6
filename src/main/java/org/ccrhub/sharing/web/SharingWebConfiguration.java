package org.ccrhub.sharing.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.ccrhub.security.Accounts;
import org.ccrhub.security.SignedInUser;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.ccrhub.sharing.SharingAccess;
import org.ccrhub.sharing.SharingReader;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every information-sharing page shares, so that no page can forget it: the pages with
 * personal data (requests, consent records, the decision log, delegations) need two-factor sign-in
 * before anything is looked up, and are never kept by the browser ({@link TwoFactorPages}); and a
 * controller takes the person as information sharing sees them as a {@link SharingReader}
 * parameter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SharingWebConfiguration implements WebMvcConfigurer {

  /** The pages with personal data. */
  static final List<String> PERSONAL_PAGES =
      List.of(
          "/p/*/sharing/requests/**",
          "/p/*/sharing/consents/**",
          "/p/*/sharing/log/**",
          "/p/*/sharing/delegations/**");

  private final SharingAccess access;
  private final Accounts accounts;

  SharingWebConfiguration(SharingAccess access, Accounts accounts) {
    this.access = access;
    this.accounts = accounts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new TwoFactorPages(accounts)).addPathPatterns(PERSONAL_PAGES);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ReaderResolver(access));
  }

  /** The person signed in, or null. */
  private static @Nullable SignedInUser signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
        ? user
        : null;
  }

  /**
   * Before any page with personal data: never kept by the browser; and to someone who did not sign
   * in with two factors, the page that says so instead, before anything is looked up (so it gives
   * nothing away, not even whether a request exists).
   */
  static final class TwoFactorPages implements HandlerInterceptor {

    private final Accounts accounts;

    TwoFactorPages(Accounts accounts) {
      this.accounts = accounts;
    }

    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler)
        throws ServletException, IOException {
      SharingPages.noStore(response);
      SignedInUser user = signedIn();
      if (user == null
          || accounts.hasTwoFactor(user.accountId())
          || !(request.getAttribute(Partnership.REQUEST_ATTRIBUTE) instanceof Partnership p)) {
        return true;
      }
      request
          .getRequestDispatcher("/p/" + p.slug() + SharingController.TWO_FACTOR_NEEDED)
          .forward(request, response);
      return false;
    }
  }

  /** A {@link SharingReader} parameter: the signed-in person in the page's partnership. */
  static final class ReaderResolver implements HandlerMethodArgumentResolver {

    private final SharingAccess access;

    ReaderResolver(SharingAccess access) {
      this.access = access;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == SharingReader.class;
    }

    @Override
    public SharingReader resolveArgument(
        MethodParameter parameter,
        @Nullable ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        @Nullable WebDataBinderFactory binderFactory) {
      HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
      SignedInUser user = signedIn();
      if (request == null
          || user == null
          || !(request.getAttribute(Partnership.REQUEST_ATTRIBUTE) instanceof Partnership p)) {
        throw new NotFoundException("Partnership");
      }
      return access.reader(p, user.accountId(), user.actorName());
    }
  }
}
