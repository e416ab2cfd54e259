package dev.rehearse.gateway.routing;

/**
 * Prefix matching by whole path segments: {@code /api/roles} covers {@code /api/roles/x}, not
 * {@code /api/rolesx}.
 */
public final class PathPrefix {
  private PathPrefix() {}

  /**
   * {@code path} is {@code prefix} or lies below it; checked in place, as it runs on every request.
   */
  public static boolean covers(String prefix, String path) {
    return path.startsWith(prefix)
        && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
  }
}
