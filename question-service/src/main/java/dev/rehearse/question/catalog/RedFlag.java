package dev.rehearse.question.catalog;

import dev.rehearse.contracts.QuestionPublished.RedFlagRule;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.util.List;

/**
 * A red-flag rule as stored; items refer to it by id and it travels resolved with each question.
 */
@MappedEntity("red_flag_rule")
public record RedFlag(
    @Id String id,
    String packId,
    String title,
    String explanation,
    RedFlagRule.Kind kind,
    @TypeDef(type = DataType.JSON) List<String> phrases) {

  public static RedFlag of(String packId, RedFlagRule rule) {
    return new RedFlag(
        rule.id(), packId, rule.title(), rule.explanation(), rule.kind(), rule.phrases());
  }

  public RedFlagRule rule() {
    return new RedFlagRule(id, title, explanation, kind, phrases);
  }
}
