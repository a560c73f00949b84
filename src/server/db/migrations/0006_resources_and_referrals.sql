CREATE TYPE "public"."referral_status" AS ENUM('draft', 'sent', 'accepted', 'declined', 'completed', 'closed_unmet');--> statement-breakpoint
CREATE TABLE "hsds_records" (
	"organization_id" uuid NOT NULL,
	"table_name" text NOT NULL,
	"id" text NOT NULL,
	"record" jsonb NOT NULL,
	"refs" text[] DEFAULT '{}'::text[] NOT NULL,
	"local" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hsds_records_organization_id_table_name_id_pk" PRIMARY KEY("organization_id","table_name","id")
);
--> statement-breakpoint
CREATE TABLE "resource_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"format" text NOT NULL,
	"source" text NOT NULL,
	"imported" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"rejected" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_open_hours" (
	"organization_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"weekday" smallint NOT NULL,
	"opens_minute" smallint NOT NULL,
	"closes_minute" smallint NOT NULL,
	"nth" smallint,
	"spill" boolean DEFAULT false NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"time_zone" text NOT NULL,
	"utc_offset_minutes" smallint
);
--> statement-breakpoint
CREATE TABLE "resource_search_places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"program_id" uuid,
	"name" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resource_service_places" (
	"organization_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"location_id" text NOT NULL,
	"name" text,
	"address" text,
	"latitude" double precision,
	"longitude" double precision,
	CONSTRAINT "resource_service_places_organization_id_service_id_location_id_pk" PRIMARY KEY("organization_id","service_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "resource_services" (
	"organization_id" uuid NOT NULL,
	"id" text NOT NULL,
	"provider_id" text,
	"provider_name" text,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"status" text NOT NULL,
	"categories" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"free" boolean DEFAULT false NOT NULL,
	"minimum_age" integer,
	"maximum_age" integer,
	"assured_on" date,
	"hours_known" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || coalesce(alternate_name, '')), 'A') || setweight(to_tsvector('spanish'::regconfig, coalesce(name, '') || ' ' || coalesce(alternate_name, '')), 'A') || setweight(to_tsvector('english'::regconfig, search_text), 'B') || setweight(to_tsvector('spanish'::regconfig, search_text), 'B')) STORED NOT NULL,
	"local" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resource_services_organization_id_id_pk" PRIMARY KEY("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "resource_tips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_status" "referral_status",
	"to_status" "referral_status",
	"reason" text,
	"note" text,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"service_name" text NOT NULL,
	"provider_name" text,
	"category" text NOT NULL,
	"need" text NOT NULL,
	"shared_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_note" text,
	"consent_recorded_at" timestamp with time zone,
	"follow_up_on" date,
	"follow_up_reminded_on" date,
	"status" "referral_status" DEFAULT 'draft' NOT NULL,
	"unmet_reason" text,
	"outcome_note" text,
	"participant_went" boolean,
	"participant_helped" text,
	"participant_comment" text,
	"participant_reported_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hsds_records" ADD CONSTRAINT "hsds_records_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_imports" ADD CONSTRAINT "resource_imports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_imports" ADD CONSTRAINT "resource_imports_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_open_hours" ADD CONSTRAINT "resource_open_hours_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_open_hours" ADD CONSTRAINT "resource_open_hours_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."resource_services"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_search_places" ADD CONSTRAINT "resource_search_places_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_search_places" ADD CONSTRAINT "resource_search_places_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_places" ADD CONSTRAINT "resource_service_places_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_service_places" ADD CONSTRAINT "resource_service_places_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."resource_services"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_services" ADD CONSTRAINT "resource_services_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_tips" ADD CONSTRAINT "resource_tips_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_tips" ADD CONSTRAINT "resource_tips_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resource_tips" ADD CONSTRAINT "resource_tips_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."resource_services"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_service_fk" FOREIGN KEY ("organization_id","service_id") REFERENCES "public"."resource_services"("organization_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hsds_records_refs" ON "hsds_records" USING gin ("refs");--> statement-breakpoint
CREATE INDEX "hsds_records_updated" ON "hsds_records" USING btree ("organization_id","table_name","updated_at");--> statement-breakpoint
CREATE INDEX "resource_imports_org" ON "resource_imports" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "resource_open_hours_day" ON "resource_open_hours" USING btree ("organization_id","weekday","opens_minute");--> statement-breakpoint
CREATE INDEX "resource_open_hours_service" ON "resource_open_hours" USING btree ("organization_id","service_id");--> statement-breakpoint
CREATE INDEX "resource_search_places_org" ON "resource_search_places" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "resource_service_places_geo" ON "resource_service_places" USING btree ("organization_id","latitude","longitude");--> statement-breakpoint
CREATE INDEX "resource_services_search" ON "resource_services" USING gin ("search");--> statement-breakpoint
CREATE INDEX "resource_services_categories" ON "resource_services" USING gin ("categories");--> statement-breakpoint
CREATE INDEX "resource_services_languages" ON "resource_services" USING gin ("languages");--> statement-breakpoint
CREATE INDEX "resource_services_org_name" ON "resource_services" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "resource_tips_service" ON "resource_tips" USING btree ("organization_id","service_id","created_at");--> statement-breakpoint
CREATE INDEX "referral_events_referral" ON "referral_events" USING btree ("referral_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_participant" ON "referrals" USING btree ("participant_id","created_at");--> statement-breakpoint
CREATE INDEX "referrals_follow_up" ON "referrals" USING btree ("organization_id","status","follow_up_on");--> statement-breakpoint
CREATE INDEX "referrals_created_by" ON "referrals" USING btree ("created_by","status");