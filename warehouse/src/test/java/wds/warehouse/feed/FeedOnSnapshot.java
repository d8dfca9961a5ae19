package wds.warehouse.feed;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command-line run of the public feed over a copy of a real snapshot, for reproducing a failure
 * and timing the writer: {@code FeedOnSnapshot <snapshot copy> <output folder> [age bands]} (the
 * township age bands, default {@value AgeBands#DEFAULT}; the mart's own 5-year groups, {@code
 * 0-4,5-9,...,95-99,100+}, give the feed without recoding). Never point it at a published snapshot
 * itself; copy the file first.
 */
final class FeedOnSnapshot {

  private FeedOnSnapshot() {}

  public static void main(String[] args) throws Exception {
    Path snapshot = Path.of(args[0]);
    Path out = Path.of(args.length > 1 ? args[1] : Files.createTempDirectory("feed").toString());
    long start = System.nanoTime();
    AgeBands bands = args.length > 2 ? AgeBands.parse(args[2]) : AgeBands.standard();
    PublicFeedWriter.Result result = new PublicFeedWriter(out, bands).write(snapshot);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(result.summary());
    System.out.println("withheld " + result.withheld());
    System.out.println("took " + millis + " ms");
  }
}
