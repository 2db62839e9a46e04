-- CreateIndex
CREATE INDEX "comment_posted_at_idx" ON "comment"("posted_at");
