package dev.rehearse.assessment.scoring;

/**
 * The numbers that turn similarities into credit, calibrated on the tuning part of the evaluation
 * set (ScoringCalibrationTest searches a grid and checks that these stay among the best; the
 * held-out part is never used to choose them). A similarity at or below {@code lo} earns nothing,
 * at or above {@code hi} full credit, linearly in between: that is the partial credit of a concept
 * only half there.
 *
 * @param phraseLo a rubric label or synonym against an answer clause
 * @param anchorLo the model-answer sentence a concept stands for against an answer clause
 * @param anchorMin how close a model-answer sentence must be to a concept's words to stand for it
 * @param closeness the share of the score that closeness to the model answer (its key points
 *     covered) carries, beside the rubric's coverage
 * @param ruleClear how close a clause must be to a MISSING rule's description to clear the rule by
 *     meaning alone
 */
record ScoringSettings(
    double phraseLo,
    double phraseHi,
    double anchorLo,
    double anchorHi,
    double anchorMin,
    double closeness,
    double ruleClear) {

  static final ScoringSettings CALIBRATED =
      new ScoringSettings(0.50, 0.70, 0.45, 0.65, 0.40, 1.00, 0.60);

  static double ramp(double similarity, double lo, double hi) {
    return similarity <= lo ? 0 : similarity >= hi ? 1 : (similarity - lo) / (hi - lo);
  }
}
