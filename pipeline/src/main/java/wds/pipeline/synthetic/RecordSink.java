package wds.pipeline.synthetic;

/** Where the simulation hands each finished source record. */
interface RecordSink {
  void accept(SourceRecord record);
}
