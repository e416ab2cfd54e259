package dev.rehearse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathPrefixTest {
  @Test
  void aPrefixCoversItselfAndWholeSegmentsBelowIt() {
    assertThat(PathPrefix.covers("/api/roles", "/api/roles")).isTrue();
    assertThat(PathPrefix.covers("/api/roles", "/api/roles/ml-engineer/skills")).isTrue();
    assertThat(PathPrefix.covers("/api/roles", "/api/roles/")).isTrue();
    assertThat(PathPrefix.covers("/api", "/api/questions")).isTrue();
  }

  @Test
  void aPrefixCoversNothingThatOnlyStartsWithItsLetters() {
    assertThat(PathPrefix.covers("/api/roles", "/api/rolesx")).isFalse();
    assertThat(PathPrefix.covers("/api/admin", "/api/administrator/x")).isFalse();
    assertThat(PathPrefix.covers("/api", "/apis")).isFalse();
    assertThat(PathPrefix.covers("/api/roles", "/api/role")).isFalse();
    assertThat(PathPrefix.covers("/api", "/")).isFalse();
  }
}
