package wds.warehouse.publish;

import java.nio.file.Path;

/**
 * A run building a snapshot in another process: takes the build marker of {@code args[0]}, says
 * {@code building}, and holds it until its standard input closes or it is killed.
 */
public final class BuildingProcess {

  public static void main(String[] args) throws Exception {
    try (BuildMarker marker = BuildMarker.take(Path.of(args[0]))) {
      System.out.println("building");
      System.out.flush();
      while (System.in.read() >= 0) {
        // holds the lock until told to stop
      }
    }
  }
}
