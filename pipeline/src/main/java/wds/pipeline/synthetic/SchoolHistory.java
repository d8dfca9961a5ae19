package wds.pipeline.synthetic;

import java.time.LocalDate;

/**
 * A child's school career (primary 1-6, junior 1-3, senior 1-3) and the student registry's rows:
 * one per school year present in the county on the September snapshot. Children repeat grades, drop
 * out, transfer and die; in-migrant children join at the grade their age-mates reached.
 */
final class SchoolHistory {

  private static final long TOPIC = 30;

  private final GeneratorSettings settings;
  private final CountyAreas areas;

  SchoolHistory(GeneratorSettings settings, CountyAreas areas) {
    this.settings = settings;
    this.areas = areas;
  }

  void emit(Person p, RecordSink sink) {
    int entryYear = p.birth.getYear() + (p.birth.getMonthValue() <= 8 ? 6 : 7);
    if (entryYear + 14 < settings.firstYear() || entryYear > settings.lastYear()) {
      return;
    }
    Dice d = Dice.of(settings.seed(), TOPIC, p.index);
    if (d.chance(0.02)) {
      entryYear++; // a late starter
    }
    String studentNo = String.format("L%02d%010d", entryYear % 100, p.index);
    String id = Person.render(p.id, d);
    String type = "primary";
    int grade = 1;
    for (int year = entryYear; year <= settings.lastYear(); year++) {
      LocalDate september = LocalDate.of(year, 9, 1);
      LocalDate july = LocalDate.of(year + 1, 7, 1);
      LocalDate exit = p.exited();
      if (exit != null && !exit.isAfter(september)) {
        return; // gone before this school year
      }
      int village = p.villageOn(september);
      boolean here = p.presentOn(september) && village >= 0;
      boolean rural = village >= 0 && !areas.village(village).urban();
      // what happens this school year
      String status = "enrolled";
      LocalDate changed = null;
      boolean stop = false;
      boolean repeat = false;
      if (exit != null && exit.isBefore(july)) {
        status = p.exit() == Person.Exit.DEATH ? "deceased" : "transferred_out";
        changed = exit;
        stop = true;
      } else if (d.chance(dropout(type, rural, year))) {
        status = "dropped_out";
        changed = d.day(september.plusDays(20), july.minusDays(5));
        stop = true;
      } else if (d.chance(0.002)) {
        status = "transferred_out"; // to a school outside the county, family staying
        changed = d.day(september.plusDays(20), july.minusDays(5));
        stop = true;
      } else if (d.chance(type.equals("primary") ? 0.004 : 0.003)) {
        repeat = true;
      } else if (grade == (type.equals("primary") ? 6 : 3)) {
        status = "graduated";
        changed = july.plusDays(d.between(0, 10));
      }
      if (here && year >= settings.firstYear()) {
        School school = areas.school(type, village, p.index);
        Extract.Row row =
            Extract.STUDENTS
                .row()
                .set("student_no", studentNo)
                .set("school_year", year)
                .set("id_number", id)
                .set("sex", d.chance(0.001) ? "9" : (p.female ? "2" : "1"))
                .set("school_code", school.code())
                .set("school_type", type)
                .set("grade", grade)
                .set("status", "enrolled")
                .set("school_area_code", school.areaCode());
        SourceRecord record = new SourceRecord(Extract.STUDENTS);
        record.version(d.during(september.plusDays(d.between(3, 25))), row);
        if (changed != null) {
          row.set("status", status);
          record.version(d.during(changed.plusDays(d.lag(5))), row);
        }
        sink.accept(record);
      }
      if (stop) {
        return;
      }
      if (repeat) {
        continue;
      }
      if (status.equals("graduated")) {
        double perf = village >= 0 ? areas.townshipOf(village).performance() : 0;
        switch (type) {
          case "primary" -> {
            if (!d.chance(0.997)) {
              return;
            }
            type = "junior";
          }
          case "junior" -> {
            if (!d.chance((p.female ? 0.975 : 0.965) + 0.01 * perf)) {
              return;
            }
            type = d.chance(p.female ? 0.37 : 0.46) ? "senior_vocational" : "senior_general";
          }
          default -> {
            return;
          }
        }
        grade = 1;
      } else {
        grade++;
      }
    }
  }

  private static double dropout(String type, boolean rural, int year) {
    double trend = Math.pow(0.95, Math.max(0, year - 2012));
    return switch (type) {
      case "primary" -> 0.0008 * trend;
      case "junior" -> (rural ? 0.008 : 0.004) * trend;
      default -> 0.012 * trend;
    };
  }
}
