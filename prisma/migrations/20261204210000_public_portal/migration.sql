-- AlterTable
ALTER TABLE "Action" ADD COLUMN     "budgetInternal" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "PortalSetting" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" TEXT,

    CONSTRAINT "PortalSetting_pkey" PRIMARY KEY ("id")
);
