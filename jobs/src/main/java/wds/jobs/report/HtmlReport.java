package wds.jobs.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import wds.warehouse.report.Report;

/**
 * {@code report.html}: one self-contained Chinese page (Thymeleaf template {@code
 * wds/jobs/report/report.html}), its styles inline with A4 print rules and its charts inline SVG;
 * nothing is fetched from a network.
 */
final class HtmlReport {

  private static final TemplateEngine ENGINE = engine();

  private HtmlReport() {}

  static void write(Report report, Path file, RenderedParts parts) throws IOException {
    Context context = new Context();
    context.setVariable("r", report);
    context.setVariable("v", new ReportView(report, parts));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      ENGINE.process("report", context, out);
    }
  }

  private static TemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("wds/jobs/report/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
