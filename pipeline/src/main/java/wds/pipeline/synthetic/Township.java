package wds.pipeline.synthetic;

/**
 * A township, town or farm of the synthetic county with the traits that make its indicators differ
 * from its neighbours'.
 *
 * @param area its division
 * @param index position in {@link CountyAreas#townships()}
 * @param performance how well its services reach people, from -1 (worst) to +1 (best): moves health
 *     management, screening, insurance coverage and women's share of committee seats
 * @param firstVillage index of its first village in {@link CountyAreas#villages()}
 * @param villageCount how many villages and communities it has
 */
record Township(Area area, int index, double performance, int firstVillage, int villageCount) {}
