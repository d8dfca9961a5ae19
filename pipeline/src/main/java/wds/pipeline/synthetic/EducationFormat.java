package wds.pipeline.synthetic;

/** The file format of the education department's students extract. */
public enum EducationFormat {
  CSV("csv"),
  XLSX("xlsx");

  private final String extension;

  EducationFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }
}
