package wds.jobs.serve;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Chart data as JSON for a page's {@code data-chart} attribute ({@code @serveJson.write(...)} in
 * the templates): the page carries its numbers, and {@code charts.js} draws them, so no script is
 * written into the page itself (the Content-Security-Policy allows only the dashboard's files).
 */
@Component("serveJson")
public class ServeJson {

  private final JsonMapper mapper;

  public ServeJson(JsonMapper mapper) {
    this.mapper = mapper;
  }

  public String write(Object value) {
    return mapper.writeValueAsString(value);
  }
}
