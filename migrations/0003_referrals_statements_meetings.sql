CREATE TYPE "public"."referral_recipient_status" AS ENUM('pending', 'received', 'drafting', 'onAgenda', 'decided', 'answered', 'declined');--> statement-breakpoint
CREATE TYPE "public"."referral_status" AS ENUM('draft', 'sent', 'closed');--> statement-breakpoint
CREATE TYPE "public"."referral_stance" AS ENUM('approves', 'approvesWithViews', 'rejects');--> statement-breakpoint
CREATE TYPE "public"."statement_status" AS ENUM('draft', 'final');--> statement-breakpoint
CREATE TYPE "public"."meeting_status" AS ENUM('planned', 'held', 'approved');--> statement-breakpoint
CREATE TYPE "public"."decision_procedure_kind" AS ENUM('acclamation', 'vote');--> statement-breakpoint
CREATE TYPE "public"."proposal_kind" AS ENUM('supportsAdministration', 'own');--> statement-breakpoint
CREATE TABLE "recipient_group_bodies" (
	"group_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	CONSTRAINT "recipient_group_bodies_group_id_body_id_pk" PRIMARY KEY("group_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "recipient_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"body_kinds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "recipient_groups_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "referral_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"effective_date" date,
	"from_status" "referral_recipient_status",
	"to_status" "referral_recipient_status" NOT NULL,
	"note" text,
	"actor_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referral_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"case_id" uuid,
	"existing_number" text,
	"status" "referral_recipient_status" DEFAULT 'pending' NOT NULL,
	"stance" "referral_stance",
	"received_on" date,
	"answered_on" date,
	"decline_reason" text,
	"answer_document_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referral_recipients_unique" UNIQUE("referral_id","body_id")
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"sender_body_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"description" text,
	"letter_date" date NOT NULL,
	"deadline" date NOT NULL,
	"status" "referral_status" DEFAULT 'draft' NOT NULL,
	"sent_at" timestamp with time zone,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "referrals_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "statement_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"document_date" date NOT NULL,
	"proposed_decision" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"preparation" text DEFAULT '' NOT NULL,
	"background" text DEFAULT '' NOT NULL,
	"views" text DEFAULT '' NOT NULL,
	"attachment_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"signatories" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "statement_versions_unique" UNIQUE("statement_id","version")
);
--> statement-breakpoint
CREATE TABLE "statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"administration_id" uuid,
	"title" text NOT NULL,
	"status" "statement_status" DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"document_id" uuid,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"paragraph" integer NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"case_id" uuid,
	"matter_text" text DEFAULT '' NOT NULL,
	"administration_proposal" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"debate_closed_text" text,
	"procedure_kind" "decision_procedure_kind",
	"procedure_text" text,
	"votes_yes" integer,
	"votes_no" integer,
	"votes_abstain" integer,
	"roll_call" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"decision_points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"immediate_approval" boolean DEFAULT false NOT NULL,
	"final_on" date,
	"extract_document_id" uuid,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agenda_items_paragraph_unique" UNIQUE("meeting_id","paragraph")
);
--> statement-breakpoint
CREATE TABLE "meeting_attendees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"party" text,
	"role" "membership_role" NOT NULL,
	"replaces_name" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"start_time" text,
	"place" text,
	"status" "meeting_status" DEFAULT 'planned' NOT NULL,
	"approvers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"approved_on" date,
	"approved_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kind" "proposal_kind" NOT NULL,
	"points" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reservations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"in_favour_of_proposal_id" uuid,
	"text" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "special_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"text" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "recipient_group_bodies" ADD CONSTRAINT "recipient_group_bodies_group_id_recipient_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."recipient_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recipient_group_bodies" ADD CONSTRAINT "recipient_group_bodies_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_events" ADD CONSTRAINT "referral_events_recipient_id_referral_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."referral_recipients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_recipients" ADD CONSTRAINT "referral_recipients_referral_id_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."referrals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_recipients" ADD CONSTRAINT "referral_recipients_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referral_recipients" ADD CONSTRAINT "referral_recipients_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_sender_body_id_bodies_id_fk" FOREIGN KEY ("sender_body_id") REFERENCES "public"."bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_versions" ADD CONSTRAINT "statement_versions_statement_id_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."statements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_administration_id_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."administrations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statements" ADD CONSTRAINT "statements_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_extract_document_id_documents_id_fk" FOREIGN KEY ("extract_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reservations" ADD CONSTRAINT "reservations_in_favour_of_proposal_id_proposals_id_fk" FOREIGN KEY ("in_favour_of_proposal_id") REFERENCES "public"."proposals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "special_statements" ADD CONSTRAINT "special_statements_item_id_agenda_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."agenda_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "referral_events_recipient_idx" ON "referral_events" USING btree ("recipient_id","occurred_at");--> statement-breakpoint
CREATE INDEX "referral_recipients_case_idx" ON "referral_recipients" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "referral_recipients_body_idx" ON "referral_recipients" USING btree ("body_id");--> statement-breakpoint
CREATE INDEX "referrals_sender_idx" ON "referrals" USING btree ("sender_body_id");--> statement-breakpoint
CREATE INDEX "referrals_deadline_idx" ON "referrals" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "statements_case_idx" ON "statements" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "agenda_items_case_idx" ON "agenda_items" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "meeting_attendees_meeting_idx" ON "meeting_attendees" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meetings_body_date_idx" ON "meetings" USING btree ("body_id","meeting_date");--> statement-breakpoint
CREATE INDEX "proposals_item_idx" ON "proposals" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "reservations_item_idx" ON "reservations" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "special_statements_item_idx" ON "special_statements" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_idx" ON "mail_outbox" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");