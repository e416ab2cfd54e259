-- What platform's tests apply as an event's effect, so a rollback can be seen.
CREATE TABLE test_effect (
    event_id UUID         NOT NULL,
    text     VARCHAR(200) NOT NULL
);
