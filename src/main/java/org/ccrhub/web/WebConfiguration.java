package org.ccrhub.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.ccrhub.shared.NotFoundException;
import org.ccrhub.shared.Partnership;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves GOV.UK Frontend and htmx from their webjars at stable addresses (the stylesheet loads its
 * fonts and images from {@code /assets/}), and lets controllers take the partnership of the page as
 * a parameter.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebConfiguration implements WebMvcConfigurer {

  private final String govukFrontend;
  private final String htmx;

  WebConfiguration(
      @Value("${govuk-frontend.version}") String govukFrontendVersion,
      @Value("${htmx.version}") String htmxVersion) {
    this.govukFrontend =
        "classpath:/META-INF/resources/webjars/govuk-frontend/"
            + govukFrontendVersion
            + "/dist/govuk/";
    this.htmx = "classpath:/META-INF/resources/webjars/htmx.org/" + htmxVersion + "/dist/";
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler("/assets/**").addResourceLocations(govukFrontend + "assets/");
    registry.addResourceHandler("/govuk/**").addResourceLocations(govukFrontend);
    registry.addResourceHandler("/js/htmx/**").addResourceLocations(htmx);
    registry
        .addResourceHandler("/favicon.ico")
        .addResourceLocations(govukFrontend + "assets/images/");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new PartnershipResolver());
  }

  /** Resolves a {@link Partnership} parameter to the partnership of the page being served. */
  static final class PartnershipResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Partnership.class;
    }

    @Override
    public Partnership resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        WebDataBinderFactory binderFactory) {
      HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
      Object partnership =
          request == null ? null : request.getAttribute(Partnership.REQUEST_ATTRIBUTE);
      if (partnership instanceof Partnership p) {
        return p;
      }
      throw new NotFoundException("Partnership");
    }
  }
}
