-- Practice schedules move from SM-2 to FSRS (platform's repetition.Fsrs): stability and difficulty
-- replace repetitions and ease. A schedule carried over keeps its due date; its stability starts as
-- the interval SM-2 gave it, and its difficulty follows its ease (2.5, SM-2's start, is a middling 5;
-- the floor of 1.3 is the hardest, 10).
ALTER TABLE item_review ADD COLUMN stability DOUBLE PRECISION, ADD COLUMN difficulty DOUBLE PRECISION;
UPDATE item_review
   SET stability = GREATEST(interval_days, 1),
       difficulty = LEAST(10, GREATEST(1, 5 + (2.5 - ease_factor) * 5 / 1.2));
ALTER TABLE item_review
    ALTER COLUMN stability SET NOT NULL,
    ALTER COLUMN difficulty SET NOT NULL,
    DROP COLUMN repetitions,
    DROP COLUMN ease_factor;
