package wds.warehouse.lake;

import java.nio.file.Path;

/** Writes a lake in a JVM whose class path has no Hadoop, as the application jar runs. */
public final class LakeWithoutHadoopProcess {

  public static void main(String[] args) throws Exception {
    try {
      Class.forName("org.apache.hadoop.conf.Configuration");
      System.out.println("hadoop is on the class path");
      System.exit(2);
    } catch (ClassNotFoundException expected) {
      // As in the application jar.
    }
    LakeWriter.Result result = new LakeWriter(Path.of(args[1])).write(Path.of(args[0]));
    System.out.println("rows " + result.rows().values().stream().mapToLong(Long::longValue).sum());
  }
}
