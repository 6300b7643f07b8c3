-- CreateTable
CREATE TABLE "ReportDeviceSave" (
    "key" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "intent" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "reviewState" "ReviewState" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportDeviceSave_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ReportDeviceSave_reportId_idx" ON "ReportDeviceSave"("reportId");

-- AddForeignKey
ALTER TABLE "ReportDeviceSave" ADD CONSTRAINT "ReportDeviceSave_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
