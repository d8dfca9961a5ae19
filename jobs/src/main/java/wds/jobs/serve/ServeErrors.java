package wds.jobs.serve;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What a request that cannot be answered gets: a page (or, under {@code /api/}, a JSON object) in
 * words with the status 400, 404 or 500 — never a stack trace. The trace of a 500 goes to the log.
 * No snapshot yet: a page saying how to run the first load.
 */
@ControllerAdvice
public class ServeErrors {

  private static final Logger log = LoggerFactory.getLogger(ServeErrors.class);

  @ExceptionHandler(NotFound.class)
  public Object notFound(NotFound e, HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  public Object noResource(NoResourceFoundException e, HttpServletRequest request) {
    return answer(request, HttpStatus.NOT_FOUND, "没有这个页面");
  }

  @ExceptionHandler(BadRequest.class)
  public Object badRequest(BadRequest e, HttpServletRequest request) {
    return answer(request, HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public Object malformed(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    return answer(
        request, HttpStatus.BAD_REQUEST, "参数 " + e.getName() + " 的格式不对（应为" + expected(e) + "）");
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  public Object missing(MissingServletRequestParameterException e, HttpServletRequest request) {
    return answer(request, HttpStatus.BAD_REQUEST, "缺少参数 " + e.getParameterName());
  }

  @ExceptionHandler(NoSnapshotYet.class)
  public Object noSnapshot(NoSnapshotYet e, HttpServletRequest request) {
    if (request.getRequestURI().startsWith("/api/")) {
      return json(HttpStatus.SERVICE_UNAVAILABLE, "尚未发布数据快照：请先运行 wds nightly（或 wds demo）");
    }
    ModelAndView page = new ModelAndView("serve/no-snapshot");
    page.setStatus(HttpStatus.SERVICE_UNAVAILABLE);
    return page;
  }

  @ExceptionHandler(Exception.class)
  public Object failed(Exception e, HttpServletRequest request) {
    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return answer(request, HttpStatus.INTERNAL_SERVER_ERROR, "服务器出错了，详情见日志 logs/wds.log");
  }

  private static String expected(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    return type == Integer.class || type == int.class ? "整数，例如 2024" : "文字";
  }

  static Object answer(HttpServletRequest request, HttpStatus status, String message) {
    if (request.getRequestURI().startsWith("/api/")) {
      return json(status, message);
    }
    ModelAndView page = new ModelAndView("serve/error");
    page.addObject("status", status.value());
    page.addObject("message", message);
    page.setStatus(status);
    return page;
  }

  private static ResponseEntity<Map<String, Object>> json(HttpStatus status, String message) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("status", status.value(), "error", message));
  }
}
