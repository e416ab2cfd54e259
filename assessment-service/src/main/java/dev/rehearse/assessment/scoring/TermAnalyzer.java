package dev.rehearse.assessment.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;

/**
 * The Lucene chain every answer and every rubric phrase goes through: standard tokens, possessives
 * dropped, lower case, British and American spellings and common abbreviations folded to one term,
 * then English stemming (KStem to dictionary forms, then Porter to shared stems). Stop words are
 * kept in the stream and marked by {@link AnswerText}, because red-flag phrases may consist of them
 * ("but", "no") and negation needs them.
 */
final class TermAnalyzer extends Analyzer {
  /** One-word equivalents only: each maps one token to one token, so offsets stay exact. */
  private static final String[][] SAME_TERM = {
    {"utilisation", "utilization"},
    {"utilise", "utilize"},
    {"utilised", "utilized"},
    {"optimisation", "optimization"},
    {"optimise", "optimize"},
    {"optimised", "optimized"},
    {"quantisation", "quantization"},
    {"quantise", "quantize"},
    {"quantised", "quantized"},
    {"normalisation", "normalization"},
    {"normalise", "normalize"},
    {"serialisation", "serialization"},
    {"parallelise", "parallelize"},
    {"parallelised", "parallelized"},
    {"virtualisation", "virtualization"},
    {"authorisation", "authorization"},
    {"authorise", "authorize"},
    {"behaviour", "behavior"},
    {"analyse", "analyze"},
    {"analysed", "analyzed"},
    {"prioritise", "prioritize"},
    {"centre", "center"},
    {"organisation", "organization"},
    {"containerise", "containerize"},
    {"containerised", "containerized"},
    {"k8s", "kubernetes"},
    {"gpus", "gpu"},
    {"vram", "memory"},
    {"tput", "throughput"},
    {"ckpt", "checkpoint"},
    {"ckpts", "checkpoint"},
    {"infra", "infrastructure"},
    {"config", "configuration"}
  };

  private static final SynonymMap SPELLINGS = build();

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    StandardTokenizer source = new StandardTokenizer();
    TokenStream stream = new EnglishPossessiveFilter(source);
    stream = new LowerCaseFilter(stream);
    stream = new SynonymGraphFilter(stream, SPELLINGS, true);
    stream =
        new KStemFilter(
            stream); // dictionary forms first: "added" -> "add", which Porter alone turns into "ad"
    stream = new PorterStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  private static SynonymMap build() {
    try {
      SynonymMap.Builder builder = new SynonymMap.Builder(true);
      for (String[] pair : SAME_TERM) {
        builder.add(new CharsRef(pair[0]), new CharsRef(pair[1]), false);
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
