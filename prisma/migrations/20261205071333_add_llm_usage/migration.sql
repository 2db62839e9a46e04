-- CreateTable
CREATE TABLE "llm_usage" (
    "day" DATE NOT NULL,
    "comments" INTEGER NOT NULL DEFAULT 0,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "llm_usage_pkey" PRIMARY KEY ("day")
);
