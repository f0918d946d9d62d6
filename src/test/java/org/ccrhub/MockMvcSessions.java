package org.ccrhub;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC) and are found by their cookie. MockMvc tests
 * pass a {@code MockHttpSession} instead of a cookie, so in tests the session's id is also kept in
 * that mock session and read from it when a request carries no cookie. Requests over real HTTP go
 * by the cookie alone, exactly as in production.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MockMvcSessions {

  @Bean
  static BeanPostProcessor sessionIdsFromMockSessions(ObjectProvider<CookieSerializer> cookies) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SessionRepositoryFilter<?> filter) {
          CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
          resolver.setCookieSerializer(cookies.getObject());
          filter.setHttpSessionIdResolver(new Ids(resolver));
        }
        return bean;
      }
    };
  }

  private record Ids(HttpSessionIdResolver cookies) implements HttpSessionIdResolver {

    private static final String ID = MockMvcSessions.class.getName() + ".ID";

    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
      List<String> ids = cookies.resolveSessionIds(request);
      HttpSession mock = mockSession(request, false);
      if (ids.isEmpty() && mock != null && mock.getAttribute(ID) instanceof String id) {
        return List.of(id);
      }
      return ids;
    }

    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String id) {
      cookies.setSessionId(request, response, id);
      HttpSession mock = mockSession(request, true);
      if (mock != null) {
        mock.setAttribute(ID, id);
      }
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
      cookies.expireSession(request, response);
      HttpSession mock = mockSession(request, false);
      if (mock != null) {
        mock.removeAttribute(ID);
      }
    }

    private static HttpSession mockSession(ServletRequest request, boolean create) {
      ServletRequest inner = request;
      while (inner instanceof ServletRequestWrapper wrapper) {
        inner = wrapper.getRequest();
      }
      return inner instanceof MockHttpServletRequest mock ? mock.getSession(create) : null;
    }
  }
}
