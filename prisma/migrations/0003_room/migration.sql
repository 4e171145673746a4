
-- CreateTable
CREATE TABLE "ParticipantKey" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    CONSTRAINT "ParticipantKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairingCode" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    CONSTRAINT "PairingCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AuthEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "type" TEXT NOT NULL,
    "userId" TEXT,
    "benchId" TEXT,
    "strategy" TEXT,
    "instance" TEXT,
    "detail" TEXT NOT NULL,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
-- Rows written before this column get their auth-clock time (Prisma's own date format), not CURRENT_TIMESTAMP's.
INSERT INTO "new_AuthEvent" ("at", "benchId", "detail", "id", "instance", "strategy", "type", "userId", "recordedAt") SELECT "at", "benchId", "detail", "id", "instance", "strategy", "type", "userId", "at" FROM "AuthEvent";
DROP TABLE "AuthEvent";
ALTER TABLE "new_AuthEvent" RENAME TO "AuthEvent";
CREATE INDEX "AuthEvent_at_idx" ON "AuthEvent"("at");
CREATE INDEX "AuthEvent_userId_at_idx" ON "AuthEvent"("userId", "at");
CREATE INDEX "AuthEvent_recordedAt_idx" ON "AuthEvent"("recordedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ParticipantKey_userId_idx" ON "ParticipantKey"("userId");

-- CreateIndex
CREATE INDEX "PairingCode_userId_idx" ON "PairingCode"("userId");

