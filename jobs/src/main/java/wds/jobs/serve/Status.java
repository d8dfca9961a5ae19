package wds.jobs.serve;

/** How the pages name an {@code indicator_value} status, and the colour class of its mark. */
public final class Status {

  private Status() {}

  /** 已达标, 未达标, 仅监测, 无数据; "—" for none (a withheld or missing row). */
  public static String label(String status) {
    if (status == null) {
      return "—";
    }
    return switch (status) {
      case "met" -> "已达标";
      case "not_met" -> "未达标";
      case "no_target" -> "仅监测";
      case "no_data" -> "无数据";
      default -> status;
    };
  }

  /** The CSS class of the coloured mark: {@code st-met}, {@code st-not_met}, ... */
  public static String css(String status) {
    return "st-" + (status == null ? "none" : status);
  }

  /** How the pages name a warning kind. */
  public static String kind(String kind) {
    return switch (kind) {
      case "projected_miss" -> "预计难以完成";
      case "volatile" -> "波动较大";
      case "not_met" -> "未达标";
      case "small_numbers" -> "小数字";
      case "no_data" -> "无数据";
      default -> kind;
    };
  }

  /** How the pages name a sex code. */
  public static String sex(String sex) {
    return switch (sex) {
      case "1" -> "男";
      case "2" -> "女";
      default -> "合计";
    };
  }

  /** How the pages name a residence. */
  public static String residence(String residence) {
    return switch (residence) {
      case "urban" -> "城镇";
      case "rural" -> "农村";
      default -> "全部";
    };
  }
}
