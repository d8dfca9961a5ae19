package wds.jobs.load;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import wds.jobs.OperatorException;
import wds.jobs.publish.PublishSettings;
import wds.schemas.SchemaCatalog;
import wds.warehouse.Plan;
import wds.warehouse.indicator.CatalogueEntry;

/**
 * What the load job hands the pipeline's loader besides the data: the extract catalogue, and the
 * indicator codes {@code indicator_reports} is checked against ({@code BAD_CODE}): those of the
 * configured plan ({@code wds.publish.plan}), the plan the warehouse will compute. The loader
 * builds its own readers and validators.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishSettings.class)
public class LoadComponents {

  @Bean
  SchemaCatalog schemaCatalog() {
    return SchemaCatalog.load();
  }

  @Bean
  IndicatorCodes indicatorCodes(PublishSettings settings) {
    return new IndicatorCodes(indicatorCodes(settings.readPlan()));
  }

  /**
   * The codes of the plan's indicator catalogue.
   *
   * @throws OperatorException the plan names no indicator: every reported row would be refused as
   *     {@code BAD_CODE}, so the load stops before it starts
   */
  public static Set<String> indicatorCodes(Plan plan) {
    Set<String> codes =
        plan.indicators().entries().stream()
            .map(CatalogueEntry::code)
            .collect(Collectors.toUnmodifiableSet());
    if (codes.isEmpty()) {
      throw new OperatorException(
          "the plan "
              + plan.code()
              + " ("
              + plan.catalogue()
              + ") has no indicators, so no reported value could be checked; fix wds.publish.plan");
    }
    return codes;
  }

  /** The codes of the indicator catalogue. */
  public record IndicatorCodes(Set<String> codes) {}
}
