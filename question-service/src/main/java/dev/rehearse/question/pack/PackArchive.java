package dev.rehearse.question.pack;

import dev.rehearse.platform.problem.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Unpacks an uploaded zip of a pack's files, with or without the pack's folder at the top. */
final class PackArchive {
  static final int MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

  private PackArchive() {}

  static PackFiles unzip(byte[] zip) {
    Map<String, String> files = new LinkedHashMap<>();
    int total = 0;
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        String name = entry.getName().replace('\\', '/').replaceFirst("^\\./", "");
        String last = name.substring(name.lastIndexOf('/') + 1);
        if (entry.isDirectory() || name.startsWith("__MACOSX/") || last.startsWith(".")) {
          continue; // folders and archiver litter
        }
        byte[] bytes = in.readNBytes(MAX_UNPACKED_BYTES - total + 1);
        total += bytes.length;
        if (total > MAX_UNPACKED_BYTES) {
          throw ProblemException.badRequest("body", "the archive unpacks to more than 20 MB");
        }
        files.put(name, new String(bytes, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw ProblemException.badRequest("body", "not a readable zip archive: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw ProblemException.badRequest("body", "not a zip archive of pack files, or an empty one");
    }
    return new PackFiles(stripFolder(files));
  }

  /**
   * {@code ml-infrastructure/pack.yml} becomes {@code pack.yml} when every file sits in that one
   * folder.
   */
  private static Map<String, String> stripFolder(Map<String, String> files) {
    if (files.containsKey(PackFiles.PACK)) {
      return files;
    }
    String first = files.keySet().iterator().next();
    int slash = first.indexOf('/');
    if (slash < 0) {
      return files;
    }
    String folder = first.substring(0, slash + 1);
    if (!files.keySet().stream().allMatch(n -> n.startsWith(folder))) {
      return files;
    }
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((name, text) -> out.put(name.substring(folder.length()), text));
    return out;
  }
}
