package wds.pipeline.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The division tree of a synthetic county: its towns and townships, their communities and villages,
 * and the schools that serve them. Hutubi's (呼图壁县, 652323: seven towns and townships, four farms)
 * is laid out by hand; another built-in county's is derived from its code ({@link #of}). The tree
 * never depends on the seed; the names are illustrative, not the real gazetteer.
 */
final class CountyAreas {

  /** One township's description: code digits 7-9, name, population share, traits, layout. */
  private record Spec(
      String code3,
      String name,
      double share,
      double performance,
      int communities,
      String communityClass,
      double communityShare,
      int villages,
      int periUrban,
      boolean farm) {}

  private static final List<Spec> SPECS =
      List.of(
          new Spec("100", "呼图壁镇", 0.30, 0.6, 8, "111", 0.80, 6, 2, false),
          new Spec("101", "大丰镇", 0.10, 0.2, 1, "121", 0.15, 12, 1, false),
          new Spec("102", "雀尔沟镇", 0.05, -0.7, 1, "121", 0.15, 6, 0, false),
          new Spec("103", "二十里店镇", 0.10, 0.0, 1, "121", 0.15, 11, 0, false),
          new Spec("104", "园户村镇", 0.09, -0.3, 1, "121", 0.15, 10, 0, false),
          new Spec("105", "五工台镇", 0.10, 0.1, 1, "121", 0.15, 12, 0, false),
          new Spec("200", "石梯子乡", 0.03, -0.9, 0, null, 0.0, 5, 0, false),
          new Spec("400", "芳草湖农场", 0.12, 0.3, 2, "123", 0.30, 8, 0, true),
          new Spec("401", "大土古里农场", 0.04, -0.3, 1, "123", 0.25, 4, 0, true),
          new Spec("402", "呼图壁种牛场", 0.03, 0.4, 1, "123", 0.30, 3, 0, true),
          new Spec("403", "五工台牧场", 0.02, -0.5, 0, null, 0.0, 3, 0, true));

  private static final List<String> COMMUNITY_NAMES =
      List.of(
          "东城", "西城", "南城", "北城", "园林", "幸福路", "天山", "团结", "和平", "景华", "南苑", "新城", "迎宾", "文化", "康宁",
          "振兴", "锦绣");

  private static final List<String> VILLAGE_NAMES =
      List.of(
          "头工", "二工", "三工", "四工", "新户", "东滩", "西滩", "沙梁子", "梧桐窝子", "红旗", "小土古里", "马场湖", "联丰", "中渠",
          "南渠", "北渠", "东风", "永丰", "光明", "前进", "胜利", "芳草", "畔渠", "下营", "上营", "河西", "河东", "新渠", "大泉",
          "小泉", "牛圈子", "老龙河", "百泉", "盛丰", "丰收", "涝坝湾", "西树窝", "东树窝", "团庄", "破城子", "八户", "十户", "园户",
          "独山子", "红柳", "榆树", "杨家庄", "青年", "跃进", "和谐", "长丰", "太平", "庆丰", "五一", "八一", "新华", "复兴",
          "建设", "解放", "新光", "明星", "新丰", "双河", "三河", "金湾", "银湾", "葡萄沟", "苇湖", "碱泉", "石梯子", "白杨河",
          "阿苇滩", "草场", "南湖");

  private static final String[] FARM_UNITS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  private final Area county;
  private final List<Township> townships;
  private final List<Area> villages;
  private final List<School> schools;
  private final Map<String, Integer> villageIndex = new HashMap<>();

  private CountyAreas(
      Area county, List<Township> townships, List<Area> villages, List<School> schools) {
    this.county = county;
    this.townships = townships;
    this.villages = villages;
    this.schools = schools;
    for (int i = 0; i < villages.size(); i++) {
      villageIndex.put(villages.get(i).code(), i);
    }
  }

  private static final List<String> TOWN_STEMS =
      List.of(
          "三屯河", "榆树沟", "二六工", "大西渠", "佃坝", "滋泥泉子", "硫磺沟", "六运", "宁边", "北庭", "老奇台", "半截沟", "吉布库",
          "碧流河", "东城", "西地", "照壁山", "大有", "庙尔沟", "红旗", "新湖", "包家店", "凉州户", "广东地", "塔西河", "清水河",
          "英格堡", "大南沟", "雀儿沟", "西泉", "乔勒潘", "坎儿孜", "白杨沟", "三个庄子", "上户", "南山");

  /** The areas of a built-in county: Hutubi's by hand, any other's derived from its code. */
  static CountyAreas of(CountyProfile profile) {
    if (profile.code().equals(BuiltInCounties.HUTUBI)) {
      return build(profile.code6(), profile.name(), "2165", SPECS);
    }
    return build(
        profile.code6(), profile.name(), "2" + profile.code6().substring(3), specsOf(profile));
  }

  /**
   * A county's townships drawn from its code alone: its seat the largest and best served, the
   * others of unequal size and performance, the last ones farms where the county has more than
   * nine.
   */
  private static List<Spec> specsOf(CountyProfile profile) {
    long code = Long.parseLong(profile.code6());
    List<Spec> specs = new ArrayList<>();
    int n = profile.townships();
    int stem = (int) Math.floorMod(Dice.hash(code, 1), (long) TOWN_STEMS.size());
    for (int t = 0; t < n; t++) {
      double u = Math.floorMod(Dice.hash(code, 2, t), 1000L) / 1000.0;
      double v = Math.floorMod(Dice.hash(code, 3, t), 1000L) / 1000.0;
      boolean farm = n > 9 && t >= n - 2;
      boolean township = !farm && t >= n / 2 && u < 0.5;
      String name =
          TOWN_STEMS.get((stem + t * 7) % TOWN_STEMS.size()) + (farm ? "农场" : township ? "乡" : "镇");
      String code3 =
          farm
              ? String.valueOf(400 + t - (n - 2))
              : township ? String.valueOf(200 + t) : String.valueOf(100 + t);
      double share = t == 0 ? 0.25 + 0.1 * u : 0.04 + 0.10 * u;
      double performance = t == 0 ? 0.5 : Math.round((v * 1.8 - 0.9) * 10) / 10.0;
      int communities = t == 0 ? 5 + (int) (u * 4) : township ? 0 : 1 + (int) (v * 2);
      String communityClass = t == 0 ? "111" : farm ? "123" : "121";
      double communityShare = t == 0 ? 0.75 : communities == 0 ? 0.0 : 0.15 + 0.1 * v;
      int villages = 3 + (int) (u * 10);
      int periUrban = t == 0 ? 2 : 0;
      specs.add(
          new Spec(
              code3,
              name,
              share,
              performance,
              communities,
              communityClass,
              communityShare,
              villages,
              periUrban,
              farm));
    }
    return specs;
  }

  private static CountyAreas build(
      String code6, String countyName, String schoolPrefix, List<Spec> specs) {
    String countyCode = code6 + "000000";
    Area county = new Area(countyCode, countyName, "county", null, null, null, -1, 1.0);
    List<Township> townships = new ArrayList<>();
    List<Area> villages = new ArrayList<>();
    List<School> schools = new ArrayList<>();
    double totalShare = specs.stream().mapToDouble(Spec::share).sum();
    int villageName = 0;
    int communityName = 0;
    for (int t = 0; t < specs.size(); t++) {
      Spec spec = specs.get(t);
      String townCode = code6 + spec.code3() + "000";
      Area town =
          new Area(townCode, spec.name(), "township", countyCode, null, null, t, spec.share());
      int first = villages.size();
      double share = spec.share() / totalShare;
      for (int c = 1; c <= spec.communities(); c++) {
        String name =
            spec.farm()
                ? spec.name().replace("农场", "").replace("种牛场", "") + "场部" + (c == 1 ? "" : c) + "社区"
                : COMMUNITY_NAMES.get(communityName++ % COMMUNITY_NAMES.size()) + "社区";
        // unequal but fixed sizes: the first community of a town is its largest
        double w = share * spec.communityShare() * unequal(c, spec.communities());
        villages.add(
            new Area(
                code6 + spec.code3() + String.format("%03d", c),
                name,
                "village",
                townCode,
                spec.communityClass(),
                "residents",
                t,
                w));
      }
      for (int v = 1; v <= spec.villages(); v++) {
        String name =
            spec.farm()
                ? FARM_UNITS[(v - 1) % FARM_UNITS.length] + "分场村"
                : VILLAGE_NAMES.get(villageName++ % VILLAGE_NAMES.size()) + "村";
        String klass =
            v <= spec.periUrban() ? "112" : (v == 1 && spec.communities() == 0 ? "210" : "220");
        double w = share * (1 - spec.communityShare()) * unequal(v, spec.villages());
        villages.add(
            new Area(
                code6 + spec.code3() + String.format("%03d", 200 + v),
                name,
                "village",
                townCode,
                klass,
                "village",
                t,
                w));
      }
      townships.add(new Township(town, t, spec.performance(), first, villages.size() - first));
      String seat = villages.get(first).code();
      String stem = spec.name();
      if (t == 0) {
        for (int k = 1; k <= 3; k++) {
          schools.add(
              new School(
                  schoolPrefix + "100" + "1" + String.format("%02d", k),
                  countyName + "第" + FARM_UNITS[k - 1] + "小学",
                  "primary",
                  t,
                  villages.get(first + k - 1).code()));
        }
        for (int k = 1; k <= 2; k++) {
          schools.add(
              new School(
                  schoolPrefix + "100" + "2" + String.format("%02d", k),
                  countyName + "第" + FARM_UNITS[k + 2] + "中学",
                  "junior",
                  t,
                  villages.get(first + k + 2).code()));
        }
      } else {
        schools.add(
            new School(schoolPrefix + spec.code3() + "101", stem + "中心小学", "primary", t, seat));
        schools.add(
            new School(schoolPrefix + spec.code3() + "201", stem + "中学", "junior", t, seat));
      }
    }
    Area seat = villages.get(0);
    schools.add(
        new School(
            schoolPrefix + "100301", countyName + "第一中学", "senior_general", -1, seat.code()));
    schools.add(
        new School(
            schoolPrefix + "100302",
            countyName + "第二中学",
            "senior_general",
            -1,
            villages.get(1).code()));
    schools.add(
        new School(
            schoolPrefix + "100401",
            countyName + "职业技术学校",
            "senior_vocational",
            -1,
            villages.get(2).code()));
    return new CountyAreas(
        county,
        Collections.unmodifiableList(townships),
        Collections.unmodifiableList(villages),
        Collections.unmodifiableList(schools));
  }

  /** Fixed, unequal weights summing to 1 over {@code n} places: 1.5, 1.3, ... tapering. */
  private static double unequal(int i, int n) {
    double total = 0;
    for (int k = 1; k <= n; k++) {
      total += 1.6 - 0.9 * (k - 1) / Math.max(1, n - 1) + 0.25 * Math.sin(k * 2.3);
    }
    return (1.6 - 0.9 * (i - 1) / Math.max(1, n - 1) + 0.25 * Math.sin(i * 2.3)) / total;
  }

  Area county() {
    return county;
  }

  List<Township> townships() {
    return townships;
  }

  /** Villages and communities, in code order within each township. */
  List<Area> villages() {
    return villages;
  }

  List<School> schools() {
    return schools;
  }

  Area village(int index) {
    return villages.get(index);
  }

  int indexOf(String villageCode) {
    return villageIndex.get(villageCode);
  }

  Township townshipOf(int village) {
    return townships.get(villages.get(village).township());
  }

  /** Every division in the order the {@code areas} extract lists them: county, then each town. */
  List<Area> all() {
    List<Area> all = new ArrayList<>();
    all.add(county);
    for (Township t : townships) {
      all.add(t.area());
      all.addAll(villages.subList(t.firstVillage(), t.firstVillage() + t.villageCount()));
    }
    return all;
  }

  /** The school of a type serving a village; several schools of a town share its villages. */
  School school(String type, int village, long student) {
    int township = villages.get(village).township();
    List<School> candidates = new ArrayList<>();
    for (School s : schools) {
      if (s.type().equals(type) && (s.township() == township || s.township() == -1)) {
        candidates.add(s);
      }
    }
    return candidates.get(
        (int) Math.floorMod(type.equals("senior_general") ? student : village, candidates.size()));
  }
}
