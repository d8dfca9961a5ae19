package wds.warehouse.indicator;

/**
 * What one indicator part found in one cell.
 *
 * @param amount the aggregate over the rows meeting the part's condition (null: a sum or mean of no
 *     rows)
 * @param records the rows meeting the condition
 * @param base the rows of the year in the cell whatever the condition: zero means the sources had
 *     nothing for it
 */
public record Tally(Double amount, long records, long base) {}
