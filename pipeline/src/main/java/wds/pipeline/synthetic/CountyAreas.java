package wds.pipeline.synthetic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The division tree of the synthetic county, shaped like Hutubi (呼图壁县, 652323): seven towns and
 * townships, four farms, their communities and villages, and the schools that serve them. The tree
 * is fixed (it does not depend on the seed); the names are illustrative, not the real gazetteer.
 */
final class CountyAreas {

  static final String COUNTY_CODE = "652323000000";
  static final String COUNTY_NAME = "呼图壁县";

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

  /** The Hutubi-shaped county. */
  static CountyAreas hutubi() {
    Area county = new Area(COUNTY_CODE, COUNTY_NAME, "county", null, null, null, -1, 1.0);
    List<Township> townships = new ArrayList<>();
    List<Area> villages = new ArrayList<>();
    List<School> schools = new ArrayList<>();
    double totalShare = SPECS.stream().mapToDouble(Spec::share).sum();
    int villageName = 0;
    int communityName = 0;
    for (int t = 0; t < SPECS.size(); t++) {
      Spec spec = SPECS.get(t);
      String townCode = "652323" + spec.code3() + "000";
      Area town =
          new Area(townCode, spec.name(), "township", COUNTY_CODE, null, null, t, spec.share());
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
                "652323" + spec.code3() + String.format("%03d", c),
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
                "652323" + spec.code3() + String.format("%03d", 200 + v),
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
                  "2165100" + "1" + String.format("%02d", k),
                  "呼图壁县第" + FARM_UNITS[k - 1] + "小学",
                  "primary",
                  t,
                  villages.get(first + k - 1).code()));
        }
        for (int k = 1; k <= 2; k++) {
          schools.add(
              new School(
                  "2165100" + "2" + String.format("%02d", k),
                  "呼图壁县第" + FARM_UNITS[k + 2] + "中学",
                  "junior",
                  t,
                  villages.get(first + k + 2).code()));
        }
      } else {
        schools.add(new School("2165" + spec.code3() + "101", stem + "中心小学", "primary", t, seat));
        schools.add(new School("2165" + spec.code3() + "201", stem + "中学", "junior", t, seat));
      }
    }
    Area seat = villages.get(0);
    schools.add(new School("2165100301", "呼图壁县第一中学", "senior_general", -1, seat.code()));
    schools.add(new School("2165100302", "呼图壁县第二中学", "senior_general", -1, villages.get(1).code()));
    schools.add(
        new School("2165100401", "呼图壁县职业技术学校", "senior_vocational", -1, villages.get(2).code()));
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
