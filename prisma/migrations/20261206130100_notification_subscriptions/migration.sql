-- CreateTable
CREATE TABLE "notification_subscription" (
    "user_id" TEXT NOT NULL,
    "publication_id" INTEGER NOT NULL,
    "kinds" "NotificationKind"[] DEFAULT ARRAY[]::"NotificationKind"[],
    "updated_at" TIMESTAMPTZ NOT NULL,

    CONSTRAINT "notification_subscription_pkey" PRIMARY KEY ("user_id","publication_id")
);

-- AddForeignKey
ALTER TABLE "notification_subscription" ADD CONSTRAINT "notification_subscription_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_subscription" ADD CONSTRAINT "notification_subscription_publication_id_fkey" FOREIGN KEY ("publication_id") REFERENCES "publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;
