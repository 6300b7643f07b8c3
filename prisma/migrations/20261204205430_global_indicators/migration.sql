-- CreateEnum
CREATE TYPE "GlobalFramework" AS ENUM ('SDG', 'GCM');

-- CreateTable
CREATE TABLE "GlobalIndicator" (
    "id" TEXT NOT NULL,
    "framework" "GlobalFramework" NOT NULL,
    "code" TEXT NOT NULL,
    "titleFr" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GlobalIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorGlobalLink" (
    "indicatorId" TEXT NOT NULL,
    "globalIndicatorId" TEXT NOT NULL,

    CONSTRAINT "IndicatorGlobalLink_pkey" PRIMARY KEY ("indicatorId","globalIndicatorId")
);

-- CreateIndex
CREATE UNIQUE INDEX "GlobalIndicator_framework_code_key" ON "GlobalIndicator"("framework", "code");

-- CreateIndex
CREATE INDEX "IndicatorGlobalLink_globalIndicatorId_idx" ON "IndicatorGlobalLink"("globalIndicatorId");

-- AddForeignKey
ALTER TABLE "IndicatorGlobalLink" ADD CONSTRAINT "IndicatorGlobalLink_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorGlobalLink" ADD CONSTRAINT "IndicatorGlobalLink_globalIndicatorId_fkey" FOREIGN KEY ("globalIndicatorId") REFERENCES "GlobalIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
