-- Nothing reads subscriptions or publications by presentity or Call-ID any more: both are loaded
-- whole at start-up into the in-memory indexes, and every write names its row by primary key.
-- Each of these indexes cost a B-tree update on every SUBSCRIBE, un-SUBSCRIBE and PUBLISH, and on
-- H2 another page in every commit's chunk (30 % of the bytes written per subscription dialog,
-- docs/performance.md). A cluster that reads by presentity (issue 17) adds what it reads.
DROP INDEX IF EXISTS subscription_presentity;
DROP INDEX IF EXISTS subscription_call_id;
DROP INDEX IF EXISTS publication_presentity;
