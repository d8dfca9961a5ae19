package wds.pipeline.person;

/** A sex code of GB/T 2261.1, as the sources and the warehouse carry it. */
public enum Sex {
  NOT_KNOWN("0", "未知的性别"),
  MALE("1", "男"),
  FEMALE("2", "女"),
  NOT_STATED("9", "未说明的性别");

  private final String code;
  private final String nameZh;

  Sex(String code, String nameZh) {
    this.code = code;
    this.nameZh = nameZh;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  /** Whether this is a stated sex (1 or 2) that can contradict an identity number. */
  public boolean isStated() {
    return this == MALE || this == FEMALE;
  }

  /** The sex of a code, or null when the code is not one of GB/T 2261.1. */
  public static Sex ofCode(String code) {
    return switch (code) {
      case "0" -> NOT_KNOWN;
      case "1" -> MALE;
      case "2" -> FEMALE;
      case "9" -> NOT_STATED;
      default -> null;
    };
  }
}
