-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "emailedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "reopenedAt" TIMESTAMP(3);
