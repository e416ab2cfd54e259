package dev.rehearse.platform;

import dev.rehearse.contracts.Topics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Declares every topic (and its dead-letter twin) so micronaut-kafka creates them at start-up. */
@Factory
public class KafkaTopics {

  @Bean
  NewTopic catalogQuestions(@Value("${rehearse.kafka.partitions:3}") int partitions) {
    return new NewTopic(Topics.CATALOG_QUESTIONS, partitions, (short) 1)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }

  @Bean
  NewTopic speechTranscripts(@Value("${rehearse.kafka.partitions:3}") int partitions) {
    return new NewTopic(Topics.SPEECH_TRANSCRIPTS, partitions, (short) 1);
  }

  @Bean
  NewTopic assessmentScored(@Value("${rehearse.kafka.partitions:3}") int partitions) {
    return new NewTopic(Topics.ASSESSMENT_SCORED, partitions, (short) 1);
  }

  @Bean
  NewTopic catalogQuestionsDlq() {
    return new NewTopic(Topics.deadLetter(Topics.CATALOG_QUESTIONS), 1, (short) 1);
  }

  @Bean
  NewTopic speechTranscriptsDlq() {
    return new NewTopic(Topics.deadLetter(Topics.SPEECH_TRANSCRIPTS), 1, (short) 1);
  }

  @Bean
  NewTopic assessmentScoredDlq() {
    return new NewTopic(Topics.deadLetter(Topics.ASSESSMENT_SCORED), 1, (short) 1);
  }
}
