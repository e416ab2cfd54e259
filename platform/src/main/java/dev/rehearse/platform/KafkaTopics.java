package dev.rehearse.platform;

import static dev.rehearse.contracts.Topics.ASSESSMENT_REVIEWED;
import static dev.rehearse.contracts.Topics.ASSESSMENT_SCORED;
import static dev.rehearse.contracts.Topics.ASSESSMENT_SESSIONS;
import static dev.rehearse.contracts.Topics.CATALOG_QUESTIONS;
import static dev.rehearse.contracts.Topics.GATEWAY_ACCESS;
import static dev.rehearse.contracts.Topics.GATEWAY_ACCOUNTS;
import static dev.rehearse.contracts.Topics.SPEECH_PRONUNCIATIONS;
import static dev.rehearse.contracts.Topics.SPEECH_TRANSCRIPTS;
import static dev.rehearse.contracts.Topics.deadLetter;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Declares every topic and its dead-letter twin; micronaut-kafka creates them at start-up. Events
 * carry ids and figures, but for three whose text is the point: a transcript, what a pronunciation
 * drill heard, a coach's comment. Those topics and their twins keep records only {@code
 * rehearse.kafka.text-retention} (hours), so nothing a deleted account said outlives it on Kafka
 * for longer; consumers keep what they need in their own tables, which deletion erases.
 */
@Factory
public class KafkaTopics {
  private final int partitions;
  private final Duration textRetention;

  public KafkaTopics(
      @Value("${rehearse.kafka.partitions:3}") int partitions,
      @Value("${rehearse.kafka.text-retention:6h}") Duration textRetention) {
    this.partitions = partitions;
    this.textRetention = textRetention;
  }

  @Bean
  @Named(CATALOG_QUESTIONS)
  NewTopic catalog() {
    return topic(CATALOG_QUESTIONS)
        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
  }

  @Bean
  @Named(SPEECH_TRANSCRIPTS)
  NewTopic transcripts() {
    return withText(topic(SPEECH_TRANSCRIPTS));
  }

  @Bean
  @Named(SPEECH_PRONUNCIATIONS)
  NewTopic pronunciations() {
    return withText(topic(SPEECH_PRONUNCIATIONS));
  }

  @Bean
  @Named(ASSESSMENT_SCORED)
  NewTopic scored() {
    return topic(ASSESSMENT_SCORED);
  }

  @Bean
  @Named(ASSESSMENT_REVIEWED)
  NewTopic reviewed() {
    return withText(topic(ASSESSMENT_REVIEWED));
  }

  @Bean
  @Named(GATEWAY_ACCOUNTS)
  NewTopic accounts() {
    return topic(GATEWAY_ACCOUNTS);
  }

  @Bean
  @Named("dlq." + GATEWAY_ACCOUNTS)
  NewTopic accountsDlq() {
    return dlq(GATEWAY_ACCOUNTS);
  }

  @Bean
  @Named(ASSESSMENT_SESSIONS)
  NewTopic sessions() {
    return topic(ASSESSMENT_SESSIONS);
  }

  @Bean
  @Named("dlq." + ASSESSMENT_SESSIONS)
  NewTopic sessionsDlq() {
    return dlq(ASSESSMENT_SESSIONS);
  }

  /** Revocations matter only while the tokens they cover live (15 minutes): a day is ample. */
  @Bean
  @Named(GATEWAY_ACCESS)
  NewTopic access() {
    return topic(GATEWAY_ACCESS)
        .configs(
            Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis())));
  }

  @Bean
  @Named("dlq." + GATEWAY_ACCESS)
  NewTopic accessDlq() {
    return dlq(GATEWAY_ACCESS);
  }

  @Bean
  @Named("dlq." + CATALOG_QUESTIONS)
  NewTopic catalogDlq() {
    return dlq(CATALOG_QUESTIONS);
  }

  @Bean
  @Named("dlq." + SPEECH_TRANSCRIPTS)
  NewTopic transcriptsDlq() {
    return withText(dlq(SPEECH_TRANSCRIPTS));
  }

  @Bean
  @Named("dlq." + SPEECH_PRONUNCIATIONS)
  NewTopic pronunciationsDlq() {
    return withText(dlq(SPEECH_PRONUNCIATIONS));
  }

  @Bean
  @Named("dlq." + ASSESSMENT_SCORED)
  NewTopic scoredDlq() {
    return dlq(ASSESSMENT_SCORED);
  }

  @Bean
  @Named("dlq." + ASSESSMENT_REVIEWED)
  NewTopic reviewedDlq() {
    return withText(dlq(ASSESSMENT_REVIEWED));
  }

  private NewTopic withText(NewTopic topic) {
    return topic.configs(
        Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(textRetention.toMillis())));
  }

  private NewTopic topic(String name) {
    return new NewTopic(name, partitions, (short) 1);
  }

  private static NewTopic dlq(String name) {
    return new NewTopic(deadLetter(name), 1, (short) 1);
  }
}
