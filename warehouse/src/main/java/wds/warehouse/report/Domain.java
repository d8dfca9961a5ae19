package wds.warehouse.report;

import java.util.Locale;

/**
 * The eight domains of the plan, in the catalogue's order, with the chapter titles the national and
 * provincial monitoring reports give them.
 */
public enum Domain {
  HEALTH("妇女与健康"),
  EDUCATION("妇女与教育"),
  ECONOMY("妇女与经济"),
  DECISION("妇女参与决策和管理"),
  SOCIAL_SECURITY("妇女与社会保障"),
  FAMILY("妇女与家庭建设"),
  ENVIRONMENT("妇女与环境"),
  LAW("妇女与法律");

  private final String title;

  Domain(String title) {
    this.title = title;
  }

  /** The domain of a catalogue code ({@code health}, {@code social_security}, ...). */
  public static Domain of(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }

  /** The catalogue's code: {@code health}, {@code social_security}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The chapter title: 妇女与健康. */
  public String title() {
    return title;
  }

  /** The chapter's number as a report writes it: 一 for the first domain. */
  public String numeral() {
    return "一二三四五六七八".substring(ordinal(), ordinal() + 1);
  }
}
