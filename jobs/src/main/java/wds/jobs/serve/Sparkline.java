package wds.jobs.serve;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A sparkline drawn on the server as an SVG path (100 × 24 units): 42 small trends on the overview
 * cost no script and no chart library. Years without a value leave a gap.
 */
public record Sparkline(String path, String lastPoint) {

  static final Sparkline EMPTY = new Sparkline("", "");

  static Sparkline of(List<Double> values) {
    List<Double> present = values.stream().filter(Objects::nonNull).toList();
    if (present.isEmpty()) {
      return EMPTY;
    }
    double min = present.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = present.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double span = max - min == 0 ? 1 : max - min;
    StringBuilder path = new StringBuilder();
    String last = "";
    boolean pen = false;
    for (int i = 0; i < values.size(); i++) {
      Double v = values.get(i);
      if (v == null) {
        pen = false;
        continue;
      }
      double x = values.size() == 1 ? 50 : 2 + 96.0 * i / (values.size() - 1);
      double y = 22 - 20 * (v - min) / span;
      String point = String.format(Locale.ROOT, "%.1f,%.1f", x, y);
      path.append(pen ? " L" : (path.isEmpty() ? "M" : " M")).append(point);
      pen = true;
      last = point;
    }
    if (present.size() == 1) {
      path.append(" l0.1,0");
    }
    return new Sparkline(path.toString(), last);
  }

  public double lastX() {
    return lastPoint.isEmpty() ? 0 : Double.parseDouble(lastPoint.split(",")[0]);
  }

  public double lastY() {
    return lastPoint.isEmpty() ? 0 : Double.parseDouble(lastPoint.split(",")[1]);
  }
}
