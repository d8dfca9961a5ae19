package wds.warehouse.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The age bands the township tables of {@code mart_sex_age} are recoded to in the public feed,
 * before small cells are suppressed: the mart's 5-year groups of a township sum into broader bands
 * (by default 0–14, 15–34, 35–59, 60+), as statistical offices coarsen a table before they suppress
 * what is still too small. The county table keeps its 5-year groups. Bands start at 0, follow one
 * another without a gap, begin and end on the 5-year groups' bounds (so every group lies in one
 * band) and the last is open ({@code 65+}); written as {@code "0-14,15-34,35-54,55-64,65+"}.
 *
 * @param bands the bands, youngest first
 */
public record AgeBands(List<Band> bands) {

  /**
   * The bands a county gets unless it configures others: the plan's children (0–14) and older
   * persons (60+), and the working ages split at 35. On the default county (210,000 persons) they
   * leave 29.9% of the township cells withheld, the five bands 0–14, 15–34, 35–54, 55–64, 65+ 33.5%
   * and the 5-year groups 45.9% (README, "The public feed", for the command).
   */
  public static final String DEFAULT = "0-14,15-34,35-59,60+";

  private static final Pattern BAND = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|\\+)");
  private static final Pattern GROUP = Pattern.compile("(\\d{1,3})(?:-(\\d{1,3})|\\+)");

  /**
   * One band: ages {@code from} to {@code to}, both included; {@code to} null for the open last.
   */
  public record Band(int from, Integer to) {

    /** The label the public sees, in the mart's own style: {@code 00-14}, {@code 65+}. */
    public String label() {
      return to == null ? from + "+" : String.format(Locale.ROOT, "%02d-%02d", from, to);
    }

    boolean contains(int groupFrom, Integer groupTo) {
      return groupFrom >= from && (to == null || (groupTo != null && groupTo <= to));
    }
  }

  public AgeBands {
    bands = List.copyOf(bands);
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("age bands: none given");
    }
    int next = 0;
    for (int i = 0; i < bands.size(); i++) {
      Band band = bands.get(i);
      boolean last = i == bands.size() - 1;
      if (band.from() != next) {
        throw new IllegalArgumentException(
            "age bands: " + band.label() + " should start at " + next + " (no gap, no overlap)");
      }
      if (band.from() % 5 != 0 || (band.to() != null && (band.to() + 1) % 5 != 0)) {
        throw new IllegalArgumentException(
            "age bands: " + band.label() + " does not follow the 5-year groups (0-4, 5-9, ...)");
      }
      if (last != (band.to() == null)) {
        throw new IllegalArgumentException(
            "age bands: only the last band is open, and it must be (such as 65+)");
      }
      if (band.to() != null) {
        if (band.to() < band.from()) {
          throw new IllegalArgumentException(
              "age bands: " + band.label() + " ends before it starts");
        }
        next = band.to() + 1;
      } else if (band.from() > 100) {
        throw new IllegalArgumentException("age bands: the open band starts after 100+");
      }
    }
  }

  /** Bands written as {@code "0-14,15-34,35-54,55-64,65+"}. */
  public static AgeBands parse(String text) {
    List<Band> bands = new ArrayList<>();
    for (String part : text.split(",")) {
      Matcher m = BAND.matcher(part.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "age bands: '" + part.strip() + "' is not a band such as 15-34 or 65+");
      }
      bands.add(
          new Band(
              Integer.parseInt(m.group(1)),
              m.group(2) == null ? null : Integer.parseInt(m.group(2))));
    }
    return new AgeBands(bands);
  }

  /** The default bands. */
  public static AgeBands standard() {
    return parse(DEFAULT);
  }

  /**
   * The band of one of the mart's age groups ({@code 05-09}, {@code 100+}); empty for a label that
   * is no age group (an all-ages total keeps its label).
   */
  public Optional<String> bandOf(String ageGroup) {
    Matcher m = GROUP.matcher(ageGroup.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int from = Integer.parseInt(m.group(1));
    Integer to = m.group(2) == null ? null : Integer.parseInt(m.group(2));
    return bands.stream().filter(b -> b.contains(from, to)).map(Band::label).findFirst();
  }
}
