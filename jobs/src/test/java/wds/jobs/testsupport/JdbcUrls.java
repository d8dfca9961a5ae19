package wds.jobs.testsupport;

/** Rewrites JDBC URLs of the form {@code jdbc:<driver>://<host:port>/<database>?<parameters>}. */
final class JdbcUrls {

  private JdbcUrls() {}

  /** The same server and parameters, another database. */
  static String withDatabase(String url, String database) {
    int authority = url.indexOf("://");
    if (authority < 0) {
      throw new IllegalArgumentException("not a jdbc:<driver>://host/database URL: " + url);
    }
    int end = authority + 3;
    while (end < url.length() && url.charAt(end) != '/' && url.charAt(end) != '?') {
      end++;
    }
    int query = url.indexOf('?', end);
    return url.substring(0, end) + "/" + database + (query < 0 ? "" : url.substring(query));
  }

  /** The URL with one more query parameter (values here are plain: user names, test passwords). */
  static String withParameter(String url, String key, String value) {
    if (value == null || value.isEmpty()) {
      return url;
    }
    return url + (url.contains("?") ? "&" : "?") + key + "=" + value;
  }

  /** The value of a query parameter, or null. */
  static String parameter(String url, String key) {
    int query = url.indexOf('?');
    if (query < 0) {
      return null;
    }
    for (String pair : url.substring(query + 1).split("&")) {
      if (pair.startsWith(key + "=")) {
        return pair.substring(key.length() + 1);
      }
    }
    return null;
  }

  /** The URL without one query parameter. */
  static String withoutParameter(String url, String key) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String kept =
        String.join(
            "&",
            java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .filter(pair -> !pair.isEmpty() && !pair.startsWith(key + "="))
                .toList());
    return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
  }
}
