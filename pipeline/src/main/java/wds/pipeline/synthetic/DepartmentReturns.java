package wds.pipeline.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The departments' annual returns for the indicators no record extract can compute (the {@code
 * reported} indicators of indicators.csv): rural tap water (N01), toilet stalls (N02), domestic
 * violence warnings and protection orders (L01, L02), women among delegates, deputies and CPPCC
 * members (P01-P03). Filed in the first days of the next January.
 */
final class DepartmentReturns {

  private static final long TOPIC = 80;

  private final GeneratorSettings settings;
  private final CountyAreas areas;
  private final PopulationCounts population;

  DepartmentReturns(GeneratorSettings settings, CountyAreas areas, PopulationCounts population) {
    this.settings = settings;
    this.areas = areas;
    this.population = population;
  }

  void emit(RecordSink sink) {
    for (int year = settings.firstYear(); year <= settings.lastYear(); year++) {
      Dice d = Dice.of(settings.seed(), TOPIC, year);
      int t = year - 2012;
      // N01: rural tap-water coverage, county and every township with villages
      long countyRural = 0;
      long countyServed = 0;
      double countyValue = Math.min(99.6, 95.6 + 0.32 * t + d.normal(0, 0.15));
      for (Township town : areas.townships()) {
        long rural = ruralPopulation(year, town);
        if (rural == 0) {
          continue;
        }
        double value = Math.min(100, countyValue + 1.2 * town.performance() + d.normal(0, 0.3));
        long served = Math.round(rural * value / 100);
        countyRural += rural;
        countyServed += served;
        if (town.index() == 6 && year == 2014) {
          continue; // this township filed no return that year: monitoring should notice
        }
        row(
            sink,
            year,
            "县水利局",
            "N01",
            town.area().code(),
            served,
            rural,
            pct(served, rural),
            "",
            d);
      }
      row(
          sink,
          year,
          "县水利局",
          "N01",
          areas.county().code(),
          countyServed,
          countyRural,
          pct(countyServed, countyRural),
          "",
          d);
      // N02: female-to-male stalls in urban public toilets
      long male = 160 + 6L * t;
      long female = Math.round(male * Math.min(1.6, 1.02 + 0.04 * t + d.normal(0, 0.01)));
      row(
          sink,
          year,
          "县住房和城乡建设局",
          "N02",
          areas.county().code(),
          female,
          male,
          BigDecimal.valueOf(female).divide(BigDecimal.valueOf(male), 4, RoundingMode.HALF_UP),
          "",
          d);
      // L01: written warnings under the Anti-Domestic Violence Law (in force 1 March 2016)
      long total = 0;
      for (Township town : areas.townships()) {
        long n =
            year < 2016 ? 0 : Math.max(0, Math.round(d.normal(1.2 + 0.25 * (year - 2016), 1.0)));
        total += n;
        row(
            sink,
            year,
            "县公安局",
            "L01",
            town.area().code(),
            n,
            null,
            BigDecimal.valueOf(n),
            year < 2016 ? "反家庭暴力法施行前无告诫书制度" : "",
            d);
      }
      row(
          sink,
          year,
          "县公安局",
          "L01",
          areas.county().code(),
          total,
          null,
          BigDecimal.valueOf(total),
          year < 2016 ? "反家庭暴力法施行前无告诫书制度" : "",
          d);
      // L02: protection orders granted of those applied for (none existed before 2016)
      if (year >= 2016) {
        long applied = 3 + d.between(0, 4) + (year - 2016);
        long granted = Math.min(applied, Math.round(applied * (0.6 + 0.03 * (year - 2016))));
        row(
            sink,
            year,
            "县人民法院",
            "L02",
            areas.county().code(),
            granted,
            applied,
            pct(granted, applied),
            "",
            d);
      }
      // P01-P03: women among delegates of the bodies elected for five years (2011, 2016, 2021)
      int term = Math.max(0, (year - 2011) / 5);
      row(
          sink,
          year,
          "县委组织部",
          "P01",
          areas.county().code(),
          52 + 6L * term,
          200L,
          pct(52 + 6L * term, 200),
          "",
          d);
      row(
          sink,
          year,
          "县人大常委会办公室",
          "P02",
          areas.county().code(),
          44 + 4L * term,
          170L,
          pct(44 + 4L * term, 170),
          "",
          d);
      row(
          sink,
          year,
          "县政协办公室",
          "P03",
          areas.county().code(),
          33 + 4L * term,
          150L,
          pct(33 + 4L * term, 150),
          "",
          d);
    }
  }

  private long ruralPopulation(int year, Township town) {
    long n = 0;
    for (int v = town.firstVillage(); v < town.firstVillage() + town.villageCount(); v++) {
      if (areas.village(v).urban()) {
        continue;
      }
      for (int age = 0; age <= 100; age++) {
        n += population.persons(year, v, true, age) + population.persons(year, v, false, age);
      }
    }
    return n;
  }

  private static BigDecimal pct(long numerator, long denominator) {
    return BigDecimal.valueOf(numerator * 100)
        .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
  }

  private static void row(
      RecordSink sink,
      int year,
      String department,
      String code,
      String area,
      Long numerator,
      Long denominator,
      BigDecimal value,
      String note,
      Dice d) {
    Extract.Row row =
        Extract.INDICATOR_REPORTS
            .row()
            .set("department", department)
            .set("indicator_code", code)
            .set("year", year)
            .set("area_code", area)
            .set("sex", "0")
            .set("numerator", numerator)
            .set("denominator", denominator)
            .set("value", value.toPlainString())
            .set("note", note);
    LocalDate filed = LocalDate.of(year + 1, 1, 2).plusDays(d.between(0, 10));
    sink.accept(new SourceRecord(Extract.INDICATOR_REPORTS).version(d.during(filed), row));
  }
}
