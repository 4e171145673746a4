-- AlterTable
ALTER TABLE "MailMessage" ADD COLUMN "benchId" TEXT;
ALTER TABLE "MailMessage" ADD COLUMN "requesterId" TEXT;

-- AlterTable
ALTER TABLE "RevocationEvent" ADD COLUMN "strategy" TEXT;

-- AlterTable
ALTER TABLE "StolenCopy" ADD COLUMN "cacheToken" TEXT;

-- CreateTable
CREATE TABLE "SigningKey" (
    "kid" TEXT NOT NULL PRIMARY KEY,
    "alg" TEXT NOT NULL,
    "publicJwk" TEXT NOT NULL,
    "privateJwk" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activatesAt" DATETIME NOT NULL,
    "retiredAt" DATETIME
);

-- CreateTable
CREATE TABLE "AuthEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "userId" TEXT,
    "benchId" TEXT,
    "strategy" TEXT,
    "instance" TEXT,
    "detail" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "LabCheckpoint" (
    "userId" TEXT NOT NULL,
    "checkpoint" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "checkpoint")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- AlterTable (ADD COLUMN rather than Prisma's table rebuild: rebuilding "User" would cascade-delete sessions)
ALTER TABLE "User" ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'account';

-- CreateIndex
CREATE INDEX "AuthEvent_at_idx" ON "AuthEvent"("at");

-- CreateIndex
CREATE INDEX "AuthEvent_userId_at_idx" ON "AuthEvent"("userId", "at");

-- CreateIndex
CREATE INDEX "MailMessage_benchId_idx" ON "MailMessage"("benchId");

