package wds.pipeline.synthetic;

/**
 * The demographic and service rates the simulation runs on, in one place so that they can be read,
 * documented (SYNTHETIC.md) and tuned together. Annual probabilities unless said otherwise; {@code
 * perf} is a township's performance from -1 to +1.
 */
final class Rates {

  private Rates() {}

  /** Relative size of each single year of age 0-100 in the opening registry (Hutubi-like, 2011). */
  static double openingAgeWeight(int age) {
    double[] fives = {
      1.00, 1.00, 1.05, 1.40, 1.70, 1.55, 1.40, 1.60, 1.90, 1.85, 1.50, 1.30, 1.00, 0.70, 0.50,
      0.35, 0.20, 0.08, 0.025, 0.006, 0.001
    };
    return fives[Math.min(age / 5, fives.length - 1)];
  }

  /** Probability of dying within a year at {@code age}; improving 1% a year. */
  static double death(int age, boolean female, int year) {
    double q;
    if (age == 0) {
      q = Math.max(0.0035, 0.0062 - 0.0002 * (year - 2012));
    } else if (age < 5) {
      q = 0.0004;
    } else if (age < 15) {
      q = 0.0002;
    } else if (age < 30) {
      q = female ? 0.0003 : 0.0007;
    } else {
      q = 0.0009 * Math.exp(0.09 * (age - 30)) * (female ? 0.6 : 1.0);
    }
    return Math.min(0.6, q * Math.pow(0.99, year - 2012));
  }

  /** Probability that an adult moves out of the county within a year. */
  static double outMigration(int age, double perf) {
    double p;
    if (age < 16) {
      p = 0.010; // children of the opening registry leave with their families
    } else if (age < 20) {
      p = 0.020;
    } else if (age < 30) {
      p = 0.026;
    } else if (age < 45) {
      p = 0.014;
    } else if (age < 60) {
      p = 0.008;
    } else {
      p = 0.005;
    }
    return p * (1 - 0.25 * perf);
  }

  /** Adult in-migrants a year, per person of the opening registry. */
  static final double IN_MIGRATION = 0.0125;

  /** Probability that a rural adult of 18-45 moves to a town within a year. */
  static final double URBANISATION = 0.012;

  /** Births a year per married woman by age, before the period factor. */
  static double maritalFertility(int age) {
    if (age < 20) {
      return 0.0;
    } else if (age < 25) {
      return 0.29;
    } else if (age < 30) {
      return 0.24;
    } else if (age < 35) {
      return 0.145;
    } else if (age < 40) {
      return 0.06;
    } else if (age < 45) {
      return 0.015;
    } else if (age < 50) {
      return 0.0015;
    }
    return 0.0;
  }

  /** The period's fertility: the two-child policy's bump in 2016-2017, the fall after 2018. */
  static double periodFertility(int year) {
    return switch (year) {
      case 2016, 2017 -> 1.15;
      case 2018 -> 1.0;
      case 2019 -> 0.9;
      case 2020 -> 0.8;
      case 2021 -> 0.72;
      case 2022 -> 0.68;
      case 2023 -> 0.62;
      case 2024 -> 0.64;
      default -> year > 2024 ? 0.6 : 1.0;
    };
  }

  /** Share of registered pregnancies that end in miscarriage or induced abortion. */
  static final double PREGNANCY_LOSS = 0.11;

  /** Share of pregnancies past 28 weeks that end in a stillbirth. */
  static final double STILLBIRTH = 0.004;

  /** Twin deliveries per delivery. */
  static final double TWINS = 0.01;

  /** Maternal deaths (within 42 days) per delivery: about 15 per 100,000, worse where perf < 0. */
  static double maternalDeath(double perf) {
    return 0.00015 * (1 - 0.5 * perf);
  }

  /** Late maternal deaths (O96, 43 days to a year) per delivery. */
  static final double LATE_MATERNAL_DEATH = 0.00003;

  /** First prenatal check by week 12. */
  static double earlyFirstVisit(double perf, int year) {
    return Math.min(0.995, 0.962 + 0.02 * perf + 0.0015 * (year - 2012));
  }

  /** Five or more prenatal checks. */
  static double fivePrenatalVisits(double perf) {
    return 0.985 + 0.01 * perf;
  }

  /** A postpartum visit within 28 days. */
  static double postpartumVisit(double perf) {
    return 0.978 + 0.015 * perf;
  }

  /** HIV, syphilis and hepatitis B testing in pregnancy, improving over the years. */
  static double tested(double perf, int year) {
    return Math.min(0.999, 0.965 + 0.004 * (year - 2012) + 0.006 * perf);
  }

  /** Lifetime HIV prevalence among women of the registry. */
  static final double HIV = 0.0015;

  static final double SYPHILIS = 0.003;
  static final double HEPATITIS_B = 0.045;

  /** Treatment of an HIV- or syphilis-positive pregnant woman. */
  static final double INFECTION_TREATED = 0.965;

  /** Ever marrying, for a woman. */
  static final double EVER_MARRY = 0.95;

  /** Divorce within a year of marriage, by year. */
  static double divorce(int year) {
    return 0.008 + 0.0003 * (year - 2012);
  }

  /** Probability that a woman takes part in cervical screening at all (rural). */
  static double cervicalParticipation(double perf, boolean urban) {
    return urban ? 0.45 : 0.60 + 0.15 * perf;
  }

  /** Annual probability that a participating woman is screened, growing with the programme. */
  static double screeningPerYear(int year) {
    return Math.min(0.42, 0.30 + 0.008 * (year - 2009));
  }

  /** Medical insurance coverage (a person's lifetime propensity to be insured). */
  static double medicalInsured(double perf) {
    return Math.min(0.995, 0.958 + 0.025 * perf);
  }

  /** Basic pension insurance from 16, for those not covered by an employee scheme. */
  static double pensionInsured(double perf) {
    return Math.min(0.99, 0.935 + 0.035 * perf);
  }

  /** Whether a person of working age takes registered work at all. */
  static double works(boolean female, boolean urban) {
    return female ? (urban ? 0.74 : 0.72) : (urban ? 0.84 : 0.80);
  }

  /** Rural dibao entry within a year, by age. */
  static double dibao(boolean urban, int age, double perf) {
    double p = urban ? 0.004 : 0.011;
    return p * (age >= 60 ? 1.6 : 1.0) * (1 - 0.4 * perf);
  }
}
