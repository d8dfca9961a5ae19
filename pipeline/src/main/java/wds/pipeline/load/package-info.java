/**
 * Loading: deliveries from the drop folder, and JDBC pulls, into the operational layer of the work
 * database ({@code ods_<source>__<extract>}), with their audit ({@code etl_delivery}, {@code
 * etl_reject}) and quarantine.
 *
 * <p>One delivery from {@code wds load} to its committed ODS rows, in the order it takes (the job
 * side is {@code wds.jobs.load}: {@code LoadCommand} runs the load job, whose step per source,
 * {@code SourceLoadTasklet}, hands each delivery of the run's {@code LoadSession} to this package):
 *
 * <ol>
 *   <li>{@link WorkDatabase}: the work database, opened once per run, its tables made if missing;
 *       {@link LoadLanes}: a loader per lane over it, each on its own connection.
 *   <li>{@link DropFolder}: the {@link Delivery deliveries} waiting, per source, oldest first.
 *   <li>{@link DeliveryLoader}: the entry point, {@code load(delivery)}; reads the steps below in
 *       order, top to bottom.
 *   <li>{@link ManifestCheck}: before any data file is read: the folder, the {@link Manifest} (and
 *       its {@link ManifestFile}s), {@link DropPath}, and each file's {@link FileChecksum}.
 *   <li>{@link ExtractStager}: each file staged once, its rejects to its {@link QuarantineFile}: a
 *       {@link StagedExtract}. In order: {@link RawLanding} lands every well-formed record as
 *       delivered in a raw table (all VARCHAR, with its line; DuckDB's {@code read_csv} reads it
 *       from a UTF-8 CSV file, for Java-decoded sources written by {@link RawCsvWriter}), the
 *       malformed ones set aside; {@link SqlValidation} keys the file's distinct identity numbers
 *       in Java ({@link PseudonymKeys}), judges every row by the extract's rules as one SQL query
 *       ({@code wds.pipeline.validate.RuleQuery}), stages the typed valid rows and quarantines the
 *       rejected ones in line order (their words from {@code RejectDetail}); then DUPLICATE_KEY.
 *   <li>{@link DeliveryTransaction}: begin, merge each staged extract ({@link OdsMerger}, SQL in
 *       {@link OdsStatements}), audit it ({@link LoadAudit}), commit with the quarantines, or roll
 *       everything back.
 *   <li>{@link DeliveryRefusal}: a delivery refused anywhere above: its audit rows, nothing else.
 *   <li>{@link LoadResults}: the {@link ExtractResult}s and the {@link DeliveryResult} handed back
 *       and heard by the {@link LoadListener} (which only observes).
 * </ol>
 *
 * <p>A JDBC pull ({@code wds.pipeline.jdbc.JdbcSourceLoad}, one {@link Pull} per extract) enters at
 * {@code DeliveryLoader.loadPull} and takes steps 5 and 6 alike; the last step of its transaction,
 * before the commit, is {@link Pull#advanceMark}, which moves its high-water mark.
 */
package wds.pipeline.load;
