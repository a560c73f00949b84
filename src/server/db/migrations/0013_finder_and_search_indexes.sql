CREATE INDEX "meetings_org_zone" ON "meetings" USING btree ("organization_id","time_zone","attendance_mode");--> statement-breakpoint
CREATE INDEX "meetings_types" ON "meetings" USING gin ("types");--> statement-breakpoint
CREATE INDEX "meetings_org_day" ON "meetings" USING btree ("organization_id","day","start_minute");--> statement-breakpoint
CREATE INDEX "meetings_org_geo" ON "meetings" USING btree ("organization_id","latitude","longitude");--> statement-breakpoint
CREATE INDEX "resource_open_hours_zone" ON "resource_open_hours" USING btree ("organization_id","time_zone","weekday","opens_minute");--> statement-breakpoint
CREATE INDEX "resource_open_hours_offset" ON "resource_open_hours" USING btree ("organization_id","weekday") WHERE "resource_open_hours"."utc_offset_minutes" is not null;