CREATE INDEX "cases_duplicate_of_idx" ON "cases" USING btree ("duplicate_of_id") WHERE duplicate_of_id IS NOT NULL;
CREATE INDEX "cases_tenant_topic_settlement_idx" ON "cases" USING btree ("tenant_id","topic_id","settlement_id","received_at" DESC NULLS LAST);
