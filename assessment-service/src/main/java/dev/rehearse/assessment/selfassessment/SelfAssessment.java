package dev.rehearse.assessment.selfassessment;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored self-assessment: the ratings as given and the result as shown. */
@MappedEntity("self_assessment")
public record SelfAssessment(
    @Id UUID id,
    String candidateId,
    String roleId,
    @TypeDef(type = DataType.JSON) List<SelfAssessmentRequest.Rating> ratings,
    @TypeDef(type = DataType.JSON) SelfAssessmentResult result,
    Instant createdAt) {}
