package wds.pipeline.load;

import java.time.LocalDate;
import wds.pipeline.person.IdentityNumber;

/** Rows of the extracts the loader tests use: population/areas and civil/assistance. */
final class Rows {

  static final String AREAS =
      "area_code,name,level,parent_code,urban_rural_code,committee_type,updated_at";
  static final String ASSISTANCE =
      "case_no,id_number,program,start_date,end_date,monthly_amount,residence_area_code,"
          + "updated_at,deleted";
  static final String VILLAGE = "652323100001";

  private Rows() {}

  static String[] areas(String updatedAt) {
    return new String[] {
      "652323000000,呼图壁县,county,,,," + updatedAt,
      "652323100000,呼图壁镇,township,652323000000,,," + updatedAt,
      VILLAGE + ",东风村,village,652323100000,210,village," + updatedAt,
      "652323100002,西湖社区,village,652323100000,111,residents," + updatedAt
    };
  }

  /** A valid woman's identity number, different for each n. */
  static String id(int n) {
    return IdentityNumber.of("652323", LocalDate.of(1980, 1, 1).plusDays(n), 2 * (n % 400) + 2)
        .normalised();
  }

  static String case_(String caseNo, int person, String amount, String updatedAt, String deleted) {
    return String.join(
        ",",
        caseNo,
        id(person),
        "dibao_rural",
        "2024-01-01",
        "",
        amount,
        VILLAGE,
        updatedAt,
        deleted);
  }
}
