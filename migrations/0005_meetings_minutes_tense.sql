CREATE TYPE "public"."minutes_tense" AS ENUM('past', 'present');--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "minutes_tense" "minutes_tense" DEFAULT 'past' NOT NULL;