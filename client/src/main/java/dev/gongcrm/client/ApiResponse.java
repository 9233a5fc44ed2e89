package dev.gongcrm.client;

import java.util.List;
import java.util.Map;

/** A result with the HTTP status code and headers it came with (the seed's {@code *_with_http_info}). */
public record ApiResponse<T>(T data, int statusCode, Map<String, List<String>> headers) {
}
