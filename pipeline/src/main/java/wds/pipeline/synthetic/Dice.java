package wds.pipeline.synthetic;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A source of random draws for one topic of one simulated thing (a person's fertility, a village's
 * committee, a department's returns), seeded from the generator's seed and the thing's keys so that
 * every draw is reproducible and independent of the order things are simulated in.
 */
final class Dice {

  private final SplittableRandom random;

  private Dice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Dice for the thing named by {@code keys} under {@code seed}. */
  static Dice of(long seed, long... keys) {
    return new Dice(hash(seed, keys));
  }

  /** A well-mixed 64-bit hash of a seed and keys (SplittableRandom's finaliser, chained). */
  static long hash(long seed, long... keys) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (long k : keys) {
      h = mix(h ^ mix(k + 0x632BE59BD9B4E019L));
    }
    return h;
  }

  /** A uniform number in [0, 1) from a hash. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  double u() {
    return random.nextDouble();
  }

  boolean chance(double p) {
    return p > 0 && random.nextDouble() < p;
  }

  /** A whole number from {@code lo} to {@code hi}, both included. */
  int between(int lo, int hi) {
    return hi <= lo ? lo : lo + random.nextInt(hi - lo + 1);
  }

  double normal(double mean, double sd) {
    // Box-Muller; one of the pair is enough here
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  double exponential(double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }

  /** A day from {@code from} to {@code to}, both included. */
  LocalDate day(LocalDate from, LocalDate to) {
    long span = to.toEpochDay() - from.toEpochDay();
    return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
  }

  /** A time of a working day (08:00-19:59), to the second. */
  LocalDateTime during(LocalDate day) {
    return LocalDateTime.of(day, LocalTime.ofSecondOfDay(8 * 3600 + random.nextInt(12 * 3600)));
  }

  /** The index of a weight, drawn in proportion to the weights. */
  int weighted(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Days of reporting lag: often the same day, sometimes weeks. */
  int lag(double meanDays) {
    return random.nextDouble() < 0.3 ? 0 : (int) Math.min(90, exponential(meanDays));
  }
}
