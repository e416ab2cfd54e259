-- The W3C traceparent of the transaction that wrote each event; the relay sends it as the record's
-- traceparent header, so the consumer's work joins the same trace. Applied out of order on
-- existing databases, like V0_2.
ALTER TABLE outbox_message ADD COLUMN trace_parent VARCHAR(55);
