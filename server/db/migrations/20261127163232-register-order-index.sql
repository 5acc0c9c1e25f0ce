DROP INDEX "cases_tenant_received_idx";
CREATE INDEX "cases_tenant_received_idx" ON "cases" USING btree ("tenant_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);
