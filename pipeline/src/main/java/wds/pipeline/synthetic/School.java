package wds.pipeline.synthetic;

/**
 * A school of the synthetic county.
 *
 * @param code 10-digit school identification code (学校标识码, illustrative)
 * @param name Chinese name (illustrative)
 * @param type {@code primary}, {@code junior}, {@code senior_general} or {@code senior_vocational}
 * @param township index of the township it serves (-1: the whole county)
 * @param areaCode the village or community it stands in
 */
record School(String code, String name, String type, int township, String areaCode) {}
