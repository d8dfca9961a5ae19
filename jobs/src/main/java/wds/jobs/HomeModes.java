package wds.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The file modes of a home, as an operator expects them (README, Security): what only the operator
 * reads is 0600 in 0700 folders, what analysts read is 0640 in 0750 folders (they are in the home's
 * group), and the public feed is readable by anyone.
 *
 * <p>DuckDB, H2 and the Parquet writer create their files with the process's umask (usually 0644),
 * so the modes are set again after every run that writes ({@link #apply}, idempotent); the
 * operator-only folders keep what is inside them unreadable even in between.
 */
public final class HomeModes {

  /** One part of the home and the modes of its folders and files. */
  record Rule(Path root, Set<PosixFilePermission> folders, Set<PosixFilePermission> files) {}

  static final Set<PosixFilePermission> OPERATOR_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OPERATOR_FILE =
      PosixFilePermissions.fromString("rw-------");
  static final Set<PosixFilePermission> GROUP_FOLDER = PosixFilePermissions.fromString("rwxr-x---");
  static final Set<PosixFilePermission> GROUP_FILE = PosixFilePermissions.fromString("rw-r-----");
  static final Set<PosixFilePermission> PUBLIC_FOLDER =
      PosixFilePermissions.fromString("rwxr-xr-x");
  static final Set<PosixFilePermission> PUBLIC_FILE = PosixFilePermissions.fromString("rw-r--r--");

  private HomeModes() {}

  /** The rules of a home, part by part. */
  static List<Rule> rules(WdsHome home) {
    Path lake = home.lake();
    Path feed = home.publicFeed();
    return List.of(
        // job repository, pseudonymisation key, locks
        new Rule(home.state(), OPERATOR_FOLDER, OPERATOR_FILE),
        // the work database holds the operational layer and the reject audit
        new Rule(home.workDatabase().getParent(), OPERATOR_FOLDER, OPERATOR_FILE),
        new Rule(home.quarantine(), OPERATOR_FOLDER, OPERATOR_FILE),
        new Rule(home.snapshots(), GROUP_FOLDER, GROUP_FILE),
        // the monitoring reports of each snapshot, read by the same analysts
        new Rule(home.root().resolve("reports"), GROUP_FOLDER, GROUP_FILE),
        new Rule(lake, GROUP_FOLDER, GROUP_FILE),
        new Rule(lake.resolveSibling(lake.getFileName() + ".d"), GROUP_FOLDER, GROUP_FILE),
        new Rule(feed, PUBLIC_FOLDER, PUBLIC_FILE),
        new Rule(feed.resolveSibling(feed.getFileName() + ".d"), PUBLIC_FOLDER, PUBLIC_FILE));
  }

  /** Sets the modes of every folder and file of the home that exists (symbolic links are left). */
  public static void apply(WdsHome home) {
    for (Rule rule : rules(home)) {
      if (Files.isDirectory(rule.root(), LinkOption.NOFOLLOW_LINKS)) {
        apply(rule);
      }
    }
  }

  private static void apply(Rule rule) {
    try {
      Files.walkFileTree(
          rule.root(),
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              Files.setPosixFilePermissions(dir, rule.folders());
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              if (attrs.isRegularFile()) {
                Files.setPosixFilePermissions(file, rule.files());
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              // a file removed while we walk (a WAL at checkpoint, an old version pruned)
              if (e instanceof java.nio.file.NoSuchFileException) {
                return FileVisitResult.CONTINUE;
              }
              throw e;
            }
          });
    } catch (java.nio.file.NoSuchFileException e) {
      // the same, for a file gone between the visit and the change of mode
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set the file modes under " + rule.root(), e);
    }
  }
}
